package com.example.chat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.example.kit.test.ChatHttp;
import com.example.kit.test.EventStream;
import com.example.kit.test.ServerSentEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Servlet async, shown: Tomcat gets only two request threads, yet eight streams progress
 * at once, because each request's thread is released as soon as the controller returns
 * its SseEmitter. A blocking controller would stream two replies at a time.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "server.tomcat.threads.max=2", "server.tomcat.threads.min-spare=1", "spring.threads.virtual.enabled=false",
        "chat.model.first-token-delay=20ms", "chat.model.token-delay=100ms" })
class ServletAsyncTest {

    static final int STREAMS = 8;

    @LocalServerPort
    int port;

    @Test
    @DisplayName("eight streams progress at once on two request threads: each request's thread is released")
    void streamsOutnumberRequestThreads() {
        ChatHttp http = new ChatHttp(this.port);
        // Open the eight streams together, each on a virtual thread of the test.
        List<CompletableFuture<List<ServerSentEvent>>> streams = IntStream.range(0, STREAMS)
                .mapToObj((i) -> CompletableFuture.supplyAsync(() -> read(http),
                        (task) -> Thread.startVirtualThread(task)))
                .toList();
        List<List<ServerSentEvent>> replies = streams.stream().map(CompletableFuture::join).toList();

        long lastFirstToken = replies.stream().mapToLong((events) -> events.get(0).receivedNanos()).max().orElseThrow();
        long firstDone = replies.stream().mapToLong((events) -> events.getLast().receivedNanos()).min().orElseThrow();
        // Every stream had its first token before any stream had ended: they all ran at once.
        assertThat(lastFirstToken).as("the last stream's first token came before the first stream's end")
                .isLessThan(firstDone);
    }

    private static List<ServerSentEvent> read(ChatHttp http) {
        try (EventStream events = http.streamReply("/count 20")) {
            List<ServerSentEvent> received = events.readToEnd(Duration.ofSeconds(60));
            assertThat(received).as("events: %s", received).hasSize(21);
            return received;
        }
    }
}
