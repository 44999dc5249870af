package com.example.chat;

import java.util.List;

import com.example.kit.test.BrowserExtension;
import com.example.kit.test.ChatPage;
import com.example.kit.test.TcpProxy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.example.kit.test.ReplyTexts.countTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's 'ws' transport in Chromium: the prompt over the page's one WebSocket, whose
 * URL comes from the page's own location, and the reply's frames shown as they come.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "chat.model.first-token-delay=50ms", "chat.model.token-delay=40ms" })
@ExtendWith(BrowserExtension.class)
class WebSocketBrowserTest {

    @LocalServerPort
    int port;

    @Test
    @DisplayName("the page offers the transport 'ws', besides 'sse' and 'fetch'")
    void offersWebSocket(ChatPage page) {
        page.open();
        assertThat(page.transports()).contains("sse", "fetch", "ws");
    }

    @Test
    @DisplayName("over ws, the first token shows while streaming, and the text ends exact")
    void streamsOverWebSocket(ChatPage page) {
        String text = "<b>bold</b> & <script>alert(1)</script>\nemoji 🚀👍🏽\n\n  {\"type\":\"done\"} not a frame";
        page.open().chooseTransport("ws");
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
    @DisplayName("over ws, two prompts share one socket, opened at ws://<the page's host>/ws/chat")
    void promptsShareOneSocket(ChatPage page) {
        page.open().chooseTransport("ws");
        trackWebSockets(page);
        page.ask("/count 3");
        page.awaitDone();
        page.ask("/count 4");
        page.awaitDone();
        assertThat(page.answer()).isEqualTo("1 2 3 4");
        // The page's own origin, http: swapped for ws:.
        String expected = page.driver().getCurrentUrl().replaceFirst("^http", "ws").replaceFirst("(//[^/]+)/.*$", "$1")
                + "/ws/chat";
        assertThat(webSocketUrls(page)).as("TODO-03 (Hint 6): the sockets the page opened").containsExactly(expected);
    }

    @Test
    @DisabledIfSystemProperty(named = "chat.page.reconnects", matches = "true",
            disabledReason = "from lesson 08 on, the page reconnects a lost socket and resumes its replies instead")
    @DisplayName("over ws, a socket lost mid-reply shows an error, and the next prompt opens a new one")
    void aLostSocketShowsAnError(ChatPage page) {
        try (TcpProxy proxy = new TcpProxy(this.port)) {
            page.openThrough(proxy.port()).chooseTransport("ws");
            page.ask("/count 1000");
            page.waitUntil("the first tokens", () -> page.answer().length() > 5 || page.status().equals("error"));
            proxy.cutAll();
            assertThat(page.awaitStatus("error", "done", "cancelled")).as(page.describe()).isEqualTo("error");
            assertThat(page.notice()).as("TODO-03 (Hint 6): the page's notice").contains("lost");
            page.ask("/count 3"); // through the proxy again: the socket's URL follows the page's location
            page.awaitDone();
            assertThat(page.answer()).isEqualTo("1 2 3");
        }
    }

    @Test
    @DisplayName("over ws, Stop cancels the reply on the server")
    void stopCancels(ChatPage page) {
        page.open().chooseTransport("ws");
        page.ask("/count 1000");
        page.waitUntil("the first tokens", () -> !page.answer().isEmpty() || page.status().equals("error"));
        page.stop();
        assertThat(page.awaitStatus("cancelled", "done", "error")).as(page.describe()).isEqualTo("cancelled");
        assertThat(page.answer().length()).as("the answer, cut short").isLessThan(countTo(1000).length());
    }

    @Test
    @DisplayName("over ws, Stop pressed at once, before the reply frame names the reply, still cancels it")
    void stopBeforeTheReplyIsNamed(ChatPage page) {
        page.open().chooseTransport("ws");
        page.askAndStopAtOnce("/count 1000");
        assertThat(page.awaitStatus("cancelled", "done", "error")).as(page.describe()).isEqualTo("cancelled");
    }

    /** From now on, remembers the URL of every WebSocket the page opens. */
    private static void trackWebSockets(ChatPage page) {
        ((JavascriptExecutor) page.driver()).executeScript("""
                const Native = window.WebSocket;
                window.__webSockets = [];
                window.WebSocket = class extends Native {
                    constructor(...args) {
                        super(...args);
                        window.__webSockets.push(this.url);
                    }
                };
                """);
    }

    @SuppressWarnings("unchecked")
    private static List<String> webSocketUrls(ChatPage page) {
        return (List<String>) ((JavascriptExecutor) page.driver()).executeScript("return window.__webSockets;");
    }
}
