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
 * The connection drops in the middle of a reply, for real (a proxy between browser and
 * server cuts it): EventSource reconnects by itself with Last-Event-ID, the server
 * resumes, and the page ends with exactly the whole text.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "chat.model.first-token-delay=50ms", "chat.model.token-delay=40ms" })
@ExtendWith(BrowserExtension.class)
class ReconnectBrowserTest {

    @LocalServerPort
    int port;

    @Test
    @DisplayName("a connection cut mid-reply: the page shows 'reconnecting', then ends with the full text, nothing lost or doubled")
    void survivesACutConnection(ChatPage page) {
        try (TcpProxy proxy = new TcpProxy(this.port)) {
            page.openThrough(proxy.port());
            page.startRecording();
            page.ask("/count 60");
            page.waitUntil("the first tokens", () -> page.answer().length() > 5 || page.status().equals("error"));
            proxy.cutAll();
            page.awaitDone();
            assertThat(page.answer()).isEqualTo(countTo(60));
            assertThat(page.statusChanges()).containsExactly("streaming", "reconnecting", "streaming", "done");
        }
    }
}
