package com.example.chat;

import java.time.Duration;

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
 * While no token is due, a stream sends a comment at least every {@code chat.sse.heartbeat}:
 * proxies do not close a quiet connection, and a client gone is noticed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "chat.model.first-token-delay=1s", "chat.model.token-delay=10ms", "chat.sse.heartbeat=100ms" })
class HeartbeatTest {

    @LocalServerPort
    int port;

    @Test
    @DisplayName("while the model thinks, the stream sends ':keep-alive' comments")
    void sendsHeartbeatsWhileNoTokenIsDue() {
        try (EventStream stream = new ChatHttp(this.port).streamReply("/count 2")) {
            assertThat(stream.headers().firstValue("Cache-Control")).as("Cache-Control").hasValue("no-cache");
            assertThat(stream.headers().firstValue("X-Accel-Buffering")).as("X-Accel-Buffering").hasValue("no");
            ServerSentEvent first = stream.next(Duration.ofSeconds(10));
            assertThat(first.event()).as("first event: %s", first).isEqualTo("token");
            // 1 s before the first token, a heartbeat every 100 ms: a generous lower bound.
            assertThat(stream.comments()).as("comments before the first token").hasSizeGreaterThanOrEqualTo(3)
                    .containsOnly("keep-alive");
        }
    }
}
