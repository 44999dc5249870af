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
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.example.kit.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/replies/{id}/cancel} stops a reply on the server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "chat.model.first-token-delay=20ms", "chat.model.token-delay=20ms" })
class CancelTest {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    ChatHttp http;

    @BeforeEach
    void connect() {
        this.http = new ChatHttp(this.port);
    }

    @Test
    @DisplayName("cancel answers 202; the stream ends with done, finishReason 'cancelled'; the model stops")
    void cancelsARunningReply() {
        ChatHttp.Reply reply = this.http.startReply("/count 1000");
        try (EventStream stream = this.http.stream(reply.stream())) {
            ServerSentEvent first = stream.next(TIMEOUT);
            assertThat(first.event()).as("first event: %s", first).isEqualTo("token");
            var cancelled = this.http.post("/api/replies/" + reply.id() + "/cancel", "", "application/json",
                    "application/json");
            assertThat(cancelled.statusCode()).as(ChatHttp.describe(cancelled)).isEqualTo(202);
            List<ServerSentEvent> rest = stream.readToEnd(TIMEOUT);
            assertThat(rest).as("events: %s", rest).last().satisfies((done) -> {
                assertThat(done.event()).isEqualTo("done");
                assertThat(done.json().path("finishReason").asString()).isEqualTo("cancelled");
            });
        }
        JsonNode status = status(reply.id());
        assertThat(status.path("status").asString()).isEqualTo("ended");
        assertThat(status.path("finishReason").asString()).isEqualTo("cancelled");
        // No tokens wasted: the reply does not grow after its end (10 token delays later).
        int tokens = status.path("tokens").asInt();
        await().pollDelay(Duration.ofMillis(500)).atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(status(reply.id()).path("tokens").asInt()).isEqualTo(tokens));
    }

    @Test
    @DisplayName("cancelling a reply that has ended gets 409")
    void cancelAnEndedReply() {
        ChatHttp.Reply reply = this.http.startReply("/count 2");
        await().atMost(TIMEOUT).until(() -> status(reply.id()).path("status").asString().equals("ended"));
        assertProblem(this.http.post("/api/replies/" + reply.id() + "/cancel", "", "application/json",
                "application/json"), 409, "already ended");
    }

    @Test
    @DisplayName("cancelling an unknown reply gets 404")
    void cancelAnUnknownReply() {
        assertProblem(this.http.post("/api/replies/nope/cancel", "", "application/json", "application/json"), 404,
                "no reply");
    }

    private JsonNode status(String id) {
        var response = this.http.get("/api/replies/" + id, "Accept", "application/json");
        assertThat(response.statusCode()).as(ChatHttp.describe(response)).isEqualTo(200);
        return Json.parse(response.body());
    }
}
