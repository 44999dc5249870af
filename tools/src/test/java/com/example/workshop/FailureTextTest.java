package com.example.workshop;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureTextTest {

    static List<String> lines(String message) {
        return FailureText.lines(message, "the report");
    }

    @Test
    @DisplayName("a stub's sentence, whole, out of the server's JSON")
    void stubInJson() {
        assertThat(lines("[POST /api/chat answered 501 application/problem+json: {\"detail\":\"TODO-01 is not done"
                + " yet: in ChatController.chat, add each token to the text (e.g. with append) and count it.\","
                + "\"status\":501}] \nexpected: 200\n but was: 501")).containsExactly("TODO-01 is not done yet: in"
                        + " ChatController.chat, add each token to the text (e.g. with append) and count it.");
    }

    @Test
    @DisplayName("a stub's sentence keeps the quotes inside it, escaped in JSON")
    void stubWithQuotes() {
        assertThat(lines("[POST /api/chat answered 501: {\"detail\":\"TODO-02 is not done yet: when the model"
                + " fails, set finishReason to \\\"error\\\".\",\"status\":501}] \nexpected: 200"))
                .containsExactly("TODO-02 is not done yet: when the model fails, set finishReason to \"error\".");
        assertThat(lines("{\"detail\":\"TODO-03 is not done yet: no full stop\",\"status\":501}"))
                .containsExactly("TODO-03 is not done yet: no full stop");
    }

    @Test
    @DisplayName("a stub's sentence, whole, out of the page's text, apostrophes and all")
    void stubInThePage() {
        assertThat(lines("The reply ended with status 'error'; the page says: 'TODO-02 is not done yet: in"
                + " page.js's render, show the token.' and shows ''"))
                .containsExactly("TODO-02 is not done yet: in page.js's render, show the token.");
    }

    @Test
    @DisplayName("a check's sentence is shown whole, with its units; AssertJ's brackets go")
    void sentenceWithUnits() {
        String sentence = "the first token came after 2,310 ms, not within a fifth of the whole reply's 2,400 ms:"
                + " is each token sent as soon as it exists? (TODO-02, Hint 3) " + "x".repeat(150);
        assertThat(lines("[" + sentence + "] \nexpected: true\n but was: false")).containsExactly(sentence,
                "expected: true", "but was: false");
    }

    @Test
    @DisplayName("a dump of a value is cut at a space, and what was left out is counted")
    void longValueCut() {
        String body = "word ".repeat(200).strip();
        List<String> lines = lines("expected: " + body);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).endsWith("more characters)").hasSizeLessThan(FailureText.LONGEST_LINE + 40)
                .doesNotContain("wor ");
    }

    @Test
    @DisplayName("a long message keeps its first lines and says where the rest is")
    void manyLines() {
        String message = String.join("\n", java.util.stream.IntStream.rangeClosed(1, 12).mapToObj((i) -> "line " + i)
                .toList());
        assertThat(lines(message)).hasSize(FailureText.MOST_LINES + 1).last().asString()
                .isEqualTo("... (4 more lines, in the report)");
        assertThat(lines("  \n ")).containsExactly("(the check gave no message)");
    }
}
