package com.example.chat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
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
import static com.example.kit.test.ReplyTexts.countTo;
import static com.example.kit.test.ReplyTexts.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/chat} with {@code Accept: text/event-stream}: the reply streams in the
 * POST's own response, after a "reply" event that names it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "chat.model.first-token-delay=20ms", "chat.model.token-delay=20ms" })
class ChatStreamTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    ChatHttp http;

    @BeforeEach
    void connect() {
        this.http = new ChatHttp(this.port);
    }

    @Test
    @DisplayName("the POST's response is the stream: a 'reply' event without id, then the tokens and done")
    void streamsInThePostsResponse() {
        try (EventStream stream = postStream("/count 5")) {
            List<ServerSentEvent> events = stream.readToEnd(TIMEOUT);
            assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
                    (type) -> assertThat(type).startsWith("text/event-stream"));
            assertThat(stream.headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(stream.headers().firstValue("X-Accel-Buffering")).hasValue("no");
            assertThat(events).as("events: %s", events).extracting(ServerSentEvent::event)
                    .containsExactly("reply", "token", "token", "token", "token", "token", "done");
            ServerSentEvent reply = events.getFirst();
            assertThat(reply.id()).as("the reply event's id").isNull();
            String id = reply.json().path("id").asString();
            assertThat(reply.json().path("stream").asString()).isEqualTo("/api/replies/" + id + "/stream");
            assertThat(events.subList(1, 7)).extracting(ServerSentEvent::id).containsExactly("0", "1", "2", "3", "4", "5");
            assertThat(text(events)).isEqualTo("1 2 3 4 5");
            assertThat(events.getLast().json().path("finishReason").asString()).isEqualTo("stop");
        }
    }

    @Test
    @DisplayName("a client that loses the POST's response resumes with the GET stream, losing nothing")
    void resumesWithTheGetStream() {
        List<ServerSentEvent> received = new ArrayList<>();
        try (EventStream stream = postStream("/count 40")) {
            for (int i = 0; i < 3; i++) {
                received.add(stream.next(TIMEOUT));
            }
        } // lost
        assertThat(received).as("events: %s", received).extracting(ServerSentEvent::event)
                .containsExactly("reply", "token", "token");
        String streamPath = received.getFirst().json().path("stream").asString();
        try (EventStream resumed = this.http.stream(streamPath, "Last-Event-ID", received.getLast().id())) {
            received.addAll(resumed.readToEnd(TIMEOUT));
        }
        assertThat(text(received)).isEqualTo(countTo(40));
    }

    @Test
    @DisplayName("Accept: application/json still gets the whole reply at once, as in lesson 01")
    void jsonStillBlocks() {
        HttpResponse<String> response = this.http.postPrompt("/api/chat", "/count 3", "application/json");
        assertThat(response.statusCode()).as(ChatHttp.describe(response)).isEqualTo(200);
        assertThat(Json.parse(response.body()).path("text").asString()).isEqualTo("1 2 3");
    }

    @Test
    @DisplayName("Accept: */* (curl's default) gets the JSON answer")
    void anyAcceptGetsJson() {
        HttpResponse<String> response = this.http.postPrompt("/api/chat", "/count 2", "*/*");
        assertThat(response.statusCode()).as(ChatHttp.describe(response)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                (type) -> assertThat(type).startsWith("application/json"));
    }

    @Test
    @DisplayName("a bad prompt gets its status and problem details before any stream starts")
    void badPromptBeforeTheStream() {
        assertProblem(this.http.postPrompt("/api/chat", "/count 0", "text/event-stream, application/problem+json"), 400,
                "from 1 to 100000");
        assertProblem(this.http.postPrompt("/api/chat", "z".repeat(4001), "text/event-stream, application/problem+json"),
                413, "4000");
        HttpResponse<String> streamOnly = this.http.postPrompt("/api/chat", " ", "text/event-stream");
        assertThat(streamOnly.statusCode()).as(ChatHttp.describe(streamOnly)).isEqualTo(400);
    }

    @Test
    @DisplayName("streams over POST count in chat.streams.active and chat.tokens.sent as transport 'fetch'")
    void countsAsFetch() {
        double before = this.http.metric("chat.tokens.sent", "transport:fetch");
        try (EventStream stream = postStream("/count 7")) {
            stream.next(TIMEOUT);
            assertThat(this.http.metric("chat.streams.active", "transport:fetch")).isEqualTo(1);
            stream.readToEnd(TIMEOUT);
        }
        assertThat(this.http.metric("chat.tokens.sent", "transport:fetch") - before).isEqualTo(7);
        await().atMost(TIMEOUT).until(() -> this.http.metric("chat.streams.active", "transport:fetch") == 0);
    }

    private EventStream postStream(String prompt) {
        return this.http.open(HttpRequest.newBuilder(this.http.uri("/api/chat"))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(Json.object("prompt", prompt))).build());
    }
}
