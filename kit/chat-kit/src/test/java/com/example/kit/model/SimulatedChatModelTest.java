package com.example.kit.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedChatModelTest {

    final SimulatedChatModel model = new SimulatedChatModel(new PromptValidator(4000), Duration.ZERO, Duration.ZERO);

    @Test
    @DisplayName("/count N gives 1, \" 2\", ..., \" N\"")
    void counts() {
        assertThat(tokens("/count 5")).containsExactly("1", " 2", " 3", " 4", " 5");
        assertThat(tokens("/count 100000")).hasSize(100_000).last().isEqualTo(" 100000");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/count 0", "/count 100001", "/count -1", "/count x", "/count", "/count 2.5", "/fail -1",
            "/fail 100001", "/fail x" })
    @DisplayName("a magic prompt out of range is refused, naming the range")
    void refusesNumbersOutOfRange(String prompt) {
        assertThatThrownBy(() -> this.model.tokens(prompt)).isInstanceOf(BadPromptException.class)
                .hasMessageContaining("whole number from");
    }

    @ParameterizedTest
    @ValueSource(strings = { "hello", " leading", "trailing ", "a\nb\r\nc", "  two  spaces  ", "<b>x</b> & y",
            "🚀👍🏽 ünï", "tab\tthere", "\u0000 and \u001f control", "x" })
    @DisplayName("/echo TEXT gives TEXT back exactly, each token a word with the whitespace before it")
    void echoesExactly(String text) {
        List<String> tokens = tokens("/echo " + text);
        assertThat(String.join("", tokens)).isEqualTo(text);
        assertThat(tokens.subList(1, tokens.size())).allSatisfy((token) -> assertThat(token).matches("(?s)\\s+\\S*"));
    }

    @Test
    @DisplayName("a token never splits a code point")
    void keepsCodePointsWhole() {
        assertThat(tokens("/echo 🚀 👍🏽")).containsExactly("🚀", " 👍🏽");
    }

    @Test
    @DisplayName("/fail N gives N tokens, then fails")
    void failsAfterN() {
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> this.model.tokens("/fail 3").forEach(seen::add))
                .isInstanceOf(ModelFailedException.class).hasMessageContaining("failed");
        assertThat(seen).containsExactly("1", " 2", " 3");
        assertThatThrownBy(() -> this.model.tokens("/fail 0").forEach(seen::add))
                .isInstanceOf(ModelFailedException.class);
    }

    @Test
    @DisplayName("any other prompt gets a deterministic, readable answer whose first token has no leading space")
    void answersDeterministically() {
        List<String> first = tokens("Tell me about WebSocket");
        assertThat(first).isEqualTo(tokens("Tell me about WebSocket"));
        assertThat(String.join("", first)).contains("WebSocket");
        assertThat(first.getFirst()).doesNotStartWith(" ");
        assertThat(first.subList(1, first.size())).allSatisfy((token) -> assertThat(token).startsWith(" "));
        assertThat(tokens("something else entirely")).isNotEmpty().isNotEqualTo(first);
    }

    @Test
    @Timeout(10)
    @DisplayName("nothing is generated until the tokens are iterated")
    void generatesLazily() {
        SimulatedChatModel slow = new SimulatedChatModel(new PromptValidator(4000), Duration.ofHours(1),
                Duration.ofHours(1));
        Iterable<String> tokens = slow.tokens("/count 3"); // would take hours if it generated now
        assertThat(tokens).isNotNull();
    }

    @Test
    @DisplayName("an interrupted generation stops at once")
    void stopsWhenInterrupted() {
        SimulatedChatModel slow = new SimulatedChatModel(new PromptValidator(4000), Duration.ofHours(1),
                Duration.ofHours(1));
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> slow.tokens("/count 3").iterator().next())
                .isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(Thread.interrupted()).isTrue();
    }

    private List<String> tokens(String prompt) {
        List<String> tokens = new ArrayList<>();
        this.model.tokens(prompt).forEach(tokens::add);
        return tokens;
    }
}
