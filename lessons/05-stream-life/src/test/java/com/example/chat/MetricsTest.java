package com.example.chat;

import java.time.Duration;
import java.util.List;

import com.example.kit.test.ChatHttp;
import com.example.kit.test.EventStream;
import com.example.kit.test.Json;
import com.example.kit.test.ServerSentEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spring Boot Actuator shows the chat's health and its two meters, tagged by transport.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "chat.model.first-token-delay=20ms", "chat.model.token-delay=20ms" })
class MetricsTest {

    @LocalServerPort
    int port;

    ChatHttp http;

    @BeforeEach
    void connect() {
        this.http = new ChatHttp(this.port);
    }

    @Test
    @DisplayName("/actuator/health answers UP")
    void health() {
        var response = this.http.get("/actuator/health", "Accept", "application/json");
        assertThat(response.statusCode()).as(ChatHttp.describe(response)).isEqualTo(200);
        assertThat(Json.parse(response.body()).path("status").asString()).isEqualTo("UP");
    }

    @Test
    @DisplayName("chat.tokens.sent counts the tokens streamed; chat.streams.active the open streams")
    void countsTokensAndStreams() {
        for (String meter : new String[] { "chat.tokens.sent", "chat.streams.active" }) {
            assertThat(this.http.get("/actuator/metrics/" + meter).statusCode()).as("%s is registered (TODO-06)", meter)
                    .isEqualTo(200);
        }
        // Streams of earlier tests in this application are gone, and counted out.
        await().atMost(Duration.ofSeconds(10)).until(() -> this.http.metric("chat.streams.active", "transport:sse") == 0);
        double before = this.http.metric("chat.tokens.sent", "transport:sse");
        try (EventStream stream = this.http.streamReply("/count 25")) {
            stream.next(Duration.ofSeconds(10));
            assertThat(this.http.metric("chat.streams.active", "transport:sse")).isEqualTo(1);
            List<ServerSentEvent> rest = stream.readToEnd(Duration.ofSeconds(10));
            assertThat(rest).as("events: %s", rest).last().extracting(ServerSentEvent::event).isEqualTo("done");
        }
        assertThat(this.http.metric("chat.tokens.sent", "transport:sse") - before).isEqualTo(25);
        await().atMost(Duration.ofSeconds(10)).until(() -> this.http.metric("chat.streams.active", "transport:sse") == 0);
    }
}
