package com.example.chat;

import java.io.IOException;
import java.time.Duration;

import com.example.kit.test.ChatSocket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pings on idle sockets, and the idle timeout: a quiet client that answers the pings stays
 * connected; one that answers nothing is closed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "chat.ws.ping-interval=100ms", "chat.ws.idle-timeout=1s" })
class PingTest {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Test
    @DisplayName("an idle socket gets pings, and, as its client answers them, stays open past the idle timeout")
    void anIdleSocketIsPinged() throws InterruptedException {
        try (ChatSocket socket = ChatSocket.open(this.port, "/ws/chat")) {
            long opened = System.nanoTime();
            // Awaited, not timed: on a busy machine the pings may come late (3 are due in 0.3 s;
            // 5 s is the most a starter, which sends none, waits).
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(socket.pings())
                    .as("TODO-06 (Hint 12): the pings an idle socket got, with chat.ws.ping-interval=100ms")
                    .isGreaterThanOrEqualTo(3));
            // Then past 2.5 idle timeouts in all: the pongs must have kept it open.
            long idleSoFar = Duration.ofNanos(System.nanoTime() - opened).toMillis();
            Thread.sleep(Math.max(0, 2500 - idleSoFar));
            assertThat(socket.isClosed()).as("the socket, closed (its client answered every ping with a pong)").isFalse();
        }
    }

    @Test
    @DisplayName("a client that answers nothing, not even a ping, is closed with 1001 after the idle timeout")
    void aSilentClientIsClosed() throws IOException {
        try (SilentClient client = new SilentClient(this.port)) {
            long start = System.nanoTime();
            int code = client.readToClose(TIMEOUT);
            assertThat(code).as("TODO-06 (Hint 12): the close code a client that never answers got, in %d s (-1: "
                    + "none)", TIMEOUT.toSeconds()).isEqualTo(1001);
            assertThat(System.nanoTime() - start).as("the time before it was closed (ns), against chat.ws.idle-timeout=1s")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
        }
    }
}
