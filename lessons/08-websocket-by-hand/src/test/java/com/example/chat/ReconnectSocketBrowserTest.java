package com.example.chat;

import com.example.kit.test.BrowserExtension;
import com.example.kit.test.ChatPage;
import com.example.kit.test.TcpProxy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.example.kit.test.ReplyTexts.countTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's own reconnect, in Chromium: a socket cut mid-reply (for real, by a TCP proxy)
 * is opened again, and every reply that was streaming resumes from the next token it needs.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "chat.model.first-token-delay=50ms", "chat.model.token-delay=20ms" })
@ExtendWith(BrowserExtension.class)
class ReconnectSocketBrowserTest {

    @LocalServerPort
    int port;

    @Test
    @DisplayName("over ws, a socket cut mid-reply reconnects: status reconnecting, then the exact full text")
    void aCutSocketResumes(ChatPage page) {
        try (TcpProxy proxy = new TcpProxy(this.port)) {
            page.openThrough(proxy.port()).chooseTransport("ws");
            page.startRecording();
            page.ask("/count 200");
            page.waitUntil("the first tokens", () -> page.answer().length() > 20 || page.status().equals("error"));
            proxy.cutAll();
            page.awaitStatus("done", "error", "cancelled");
            assertThat(page.status()).as("TODO-03 (Hint 6): the status once the reply has ended; %s", page.describe())
                    .isEqualTo("done");
            assertThat(page.answer()).as("TODO-03 (Hint 6): the answer, every token once").isEqualTo(countTo(200));
            assertThat(page.statusChanges()).as("TODO-03 (Hint 6): the statuses the page went through")
                    .containsSubsequence("streaming", "reconnecting", "done");
        }
    }

    @Test
    @DisplayName("over ws, Stop pressed while the page reconnects still cancels the reply")
    void stopWhileReconnecting(ChatPage page) {
        try (TcpProxy proxy = new TcpProxy(this.port)) {
            page.openThrough(proxy.port()).chooseTransport("ws");
            page.ask("/count 1000");
            page.waitUntil("the first tokens", () -> !page.answer().isEmpty() || page.status().equals("error"));
            proxy.cutAll();
            page.stop();
            assertThat(page.awaitStatus("cancelled", "done", "error")).as("TODO-03 (Hint 6): %s", page.describe())
                    .isEqualTo("cancelled");
        }
    }
}
