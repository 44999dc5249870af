package com.example.chat;

import java.time.Duration;
import java.util.List;

import com.example.kit.test.BrowserExtension;
import com.example.kit.test.ChatPage;
import com.example.kit.test.ChatPage.PageState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chat page streams replies in a real headless Chromium, through its EventSource.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "chat.model.first-token-delay=50ms", "chat.model.token-delay=30ms" })
@ExtendWith({ BrowserExtension.class, OutputCaptureExtension.class })
class StreamingPageBrowserTest {

    static final String COUNT_TO_40 = "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 "
            + "29 30 31 32 33 34 35 36 37 38 39 40";

    @Test
    @DisplayName("the first token is visible while the reply is still streaming")
    void showsTheFirstTokenBeforeTheEnd(ChatPage page) {
        page.open();
        page.startRecording();
        page.ask("/count 40");
        page.awaitDone();
        assertThat(page.answer()).isEqualTo(COUNT_TO_40);

        List<PageState> shown = page.recording().stream().filter((state) -> !state.answer().isEmpty()).toList();
        // The first text on the page came while the status was still 'streaming', and was only a start.
        assertThat(shown.getFirst().status()).isEqualTo("streaming");
        assertThat(COUNT_TO_40).startsWith(shown.getFirst().answer());
        assertThat(shown.getFirst().answer()).isNotEqualTo(COUNT_TO_40);
        // And the answer grew token by token, not in one step.
        assertThat(shown.stream().map(PageState::answer).distinct().count()).isGreaterThan(10);
    }

    @Test
    @DisplayName("the status goes 'streaming', then 'done'")
    void statusGoesStreamingThenDone(ChatPage page) {
        page.open();
        page.startRecording();
        page.ask("/count 5");
        page.awaitDone();
        List<String> statuses = page.recording().stream().map(PageState::status).distinct().toList();
        assertThat(statuses).containsExactly("streaming", "done");
    }

    @Test
    @DisplayName("HTML, emoji and newlines show exactly as text, and no element is injected")
    void showsTheTextExactly(ChatPage page) {
        String text = "<b>bold</b> <img src=x onerror=\"document.title='hacked'\"> & <script>alert(1)</script>\n"
                + "emoji 🚀👍🏽 ünïcödé\n\n  indented line";
        page.open();
        page.ask("/echo " + text);
        page.awaitDone();
        assertThat(page.answer()).isEqualTo(text);
        assertThat(page.elementsInAnswer()).as("HTML elements inside the answer").isZero();
        assertThat(page.driver().getTitle()).isEqualTo("Streaming chat");
    }

    @Test
    @DisplayName("the page closes its EventSource when the reply is done, so it does not reconnect")
    void closesTheEventSourceWhenDone(ChatPage page) {
        page.open();
        page.trackEventSources();
        page.ask("/count 3");
        page.awaitDone();
        // An EventSource left open reconnects when the server ends the stream; that
        // reconnection fails (the reply was streamed already) and the page shows an error.
        page.waitUntil("the EventSource to be closed", () -> page.eventSourceStates().equals(List.of(2L)));
        assertThat(page.status()).isEqualTo("done");
    }

    @Test
    @DisplayName("a model that fails shows the text so far and the error")
    void showsAFailedModel(ChatPage page) {
        page.open();
        page.ask("/fail 3");
        assertThat(page.awaitStatus("error", "done")).isEqualTo("error");
        assertThat(page.answer()).as(page.describe()).isEqualTo("1 2 3");
        assertThat(page.notice()).contains("The model failed");
    }

    @Test
    @DisplayName("a bad prompt shows the server's problem detail")
    void showsTheProblemDetail(ChatPage page) {
        page.open();
        page.ask("/count 0");
        assertThat(page.awaitStatus("error", "done")).isEqualTo("error");
        assertThat(page.notice()).contains("from 1 to 100000");
    }

    @Test
    @DisplayName("Stop closes the stream, and the server stops generating")
    void stopClosesTheStream(ChatPage page, CapturedOutput output) {
        page.open();
        page.ask("/count 1000");
        page.waitUntil("the first tokens", () -> !page.answer().isEmpty() || page.status().equals("error"));
        assertThat(page.answer()).as(page.describe()).isNotEmpty();
        page.stop();
        assertThat(page.status()).isEqualTo("cancelled");
        // The server's next write fails, and the reply stops: no tokens for nobody.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(output.getOut()).contains("the client went away"));
    }
}
