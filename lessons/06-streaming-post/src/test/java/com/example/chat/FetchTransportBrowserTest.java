package com.example.chat;

import com.example.kit.test.BrowserExtension;
import com.example.kit.test.ChatPage;
import com.example.kit.test.TcpProxy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.example.kit.test.ReplyTexts.countTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's 'fetch' transport in Chromium: a POST whose response body it reads and parses
 * itself, and resumes with the GET stream when that response is cut.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "chat.model.first-token-delay=50ms", "chat.model.token-delay=40ms" })
@ExtendWith(BrowserExtension.class)
class FetchTransportBrowserTest {

    @LocalServerPort
    int port;

    @Test
    @DisplayName("the page offers the transports 'sse' and 'fetch' (a later lesson may offer more)")
    void offersBothTransports(ChatPage page) {
        page.open();
        assertThat(page.transports()).contains("sse", "fetch");
    }

    @Test
    @DisplayName("over fetch, the first token shows while streaming, and the text ends exact")
    void streamsOverPost(ChatPage page) {
        String text = "<b>bold</b> & <script>alert(1)</script>\nemoji 🚀👍🏽\n\n  data: id: event: not fields";
        page.open().chooseTransport("fetch");
        page.startRecording();
        page.ask("/echo " + text);
        page.awaitDone();
        assertThat(page.answer()).isEqualTo(text);
        assertThat(page.elementsInAnswer()).isZero();
        assertThat(page.statusChanges()).containsExactly("streaming", "done");
        assertThat(page.recording().stream().filter((s) -> !s.answer().isEmpty()).findFirst())
                .hasValueSatisfying((first) -> assertThat(first.answer()).isNotEqualTo(text));
    }

    @Test
    @DisplayName("over fetch, a response cut mid-reply resumes with the GET stream: full text, 'reconnecting' seen")
    void resumesACutPost(ChatPage page) {
        try (TcpProxy proxy = new TcpProxy(this.port)) {
            page.openThrough(proxy.port()).chooseTransport("fetch");
            page.startRecording();
            page.ask("/count 60");
            page.waitUntil("the first tokens", () -> page.answer().length() > 5 || page.status().equals("error"));
            proxy.cutAll();
            page.awaitDone();
            assertThat(page.answer()).isEqualTo(countTo(60));
            assertThat(page.statusChanges()).containsExactly("streaming", "reconnecting", "streaming", "done");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "sse", "fetch" })
    @DisplayName("Stop pressed at once, before the page knows the reply's id, still cancels it on the server")
    void stopBeforeTheReplyIsNamed(String transport, ChatPage page) {
        page.open().chooseTransport(transport);
        page.askAndStopAtOnce("/count 1000");
        assertThat(page.awaitStatus("cancelled", "done", "error")).as(page.describe()).isEqualTo("cancelled");
        assertThat(page.answer().length()).as("the answer, cut short").isLessThan(countTo(1000).length());
    }

    @Test
    @DisplayName("over fetch, a bug in the page (a TypeError) shows as an error, not as a lost connection")
    void aBugIsNotALostConnection(ChatPage page) {
        page.open().chooseTransport("fetch");
        page.startRecording();
        ((JavascriptExecutor) page.driver()).executeScript("""
                const parse = JSON.parse;
                JSON.parse = (text, ...rest) => {
                    if (text.includes('" 3"')) {
                        throw new TypeError('a bug planted by the test');
                    }
                    return parse(text, ...rest);
                };
                """);
        page.ask("/count 10");
        assertThat(page.awaitStatus("done", "error", "cancelled")).as(page.describe()).isEqualTo("error");
        assertThat(page.notice()).as("the page's notice, '%s'", page.notice()).contains("a bug planted by the test");
        assertThat(page.statusChanges()).as("a bug is not retried as a lost connection").doesNotContain("reconnecting");
    }

    @Test
    @DisplayName("over fetch, Stop cancels the reply on the server")
    void stopCancels(ChatPage page) {
        page.open().chooseTransport("fetch");
        page.ask("/count 1000");
        page.waitUntil("the first tokens", () -> !page.answer().isEmpty() || page.status().equals("error"));
        page.stop();
        assertThat(page.awaitStatus("cancelled", "done", "error")).as(page.describe()).isEqualTo("cancelled");
    }
}
