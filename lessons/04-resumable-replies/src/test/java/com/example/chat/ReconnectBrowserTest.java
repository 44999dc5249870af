package com.example.chat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.kit.test.BrowserExtension;
import com.example.kit.test.ChatHttp;
import com.example.kit.test.ChatPage;
import com.example.kit.test.TcpProxy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.OncePerRequestFilter;

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

    @Test
    @DisplayName("an EventSource left open after the reply's end reconnects once, gets 204, and stops for good")
    void stopsReconnectingAt204(ChatPage page) {
        ChatHttp.Reply reply = new ChatHttp(this.port).startReply("/count 3");
        page.open();
        // A bare EventSource that, unlike the page's, is not closed at "done": the server
        // ends the stream, so it reconnects with Last-Event-ID 3, the reply's last event.
        page.runAsync("""
                const done = arguments[arguments.length - 1];
                window.__leftOpen = new EventSource(arguments[0]);
                done();
                """, reply.stream());
        page.waitUntil("the EventSource to close for good (readyState 2, CLOSED)", () -> ((Number) page.runAsync(
                "arguments[arguments.length - 1](window.__leftOpen.readyState);")).intValue() == 2);
        // Three times the retry: delay, so that another reconnection would have happened.
        pause(3 * ReplyController.RETRY.toMillis());
        assertThat(this.streamRequests.get(reply.id())).as("the stream requests of reply %s (status, Last-Event-ID)",
                reply.id()).containsExactly("200 -", "204 3");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Autowired
    Map<String, List<String>> streamRequests;

    /** Records every request for a reply's stream: its status, and the Last-Event-ID it sent. */
    @TestConfiguration(proxyBeanMethods = false)
    static class StreamRequests {

        @Bean
        Map<String, List<String>> streamRequests() {
            return new ConcurrentHashMap<>();
        }

        @Bean
        OncePerRequestFilter recordStreamRequests(Map<String, List<String>> streamRequests) {
            return new OncePerRequestFilter() {
                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                        FilterChain chain) throws ServletException, IOException {
                    chain.doFilter(request, response);
                    Matcher stream = STREAM.matcher(request.getRequestURI());
                    if (stream.matches()) {
                        String lastEventId = request.getHeader("Last-Event-ID");
                        streamRequests.computeIfAbsent(stream.group(1), (id) -> new CopyOnWriteArrayList<>())
                                .add(response.getStatus() + " " + ((lastEventId != null) ? lastEventId : "-"));
                    }
                }
            };
        }
    }

    static final Pattern STREAM = Pattern.compile("/api/replies/([^/]+)/stream");
}
