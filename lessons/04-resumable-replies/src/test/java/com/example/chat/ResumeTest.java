package com.example.chat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.example.kit.test.ChatHttp;
import com.example.kit.test.EventStream;
import com.example.kit.test.Json;
import com.example.kit.test.ServerSentEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
 * Replies outlive their connections: generated on the server whoever reads them, kept as
 * a log of events with ids, and resumed after {@code Last-Event-ID}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "chat.model.first-token-delay=20ms", "chat.model.token-delay=20ms" })
class ResumeTest {

    // Generous for replies of a few tokens 20 ms apart, and short enough that a starter fails fast.
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    static final String PROBLEM_OR_STREAM = "text/event-stream, application/problem+json";

    @LocalServerPort
    int port;

    ChatHttp http;

    @BeforeEach
    void connect() {
        this.http = new ChatHttp(this.port);
    }

    @Test
    @DisplayName("a reply is generated whoever reads it, and GET /api/replies/{id} shows how it stands")
    void generatesWithoutAReader() {
        ChatHttp.Reply reply = this.http.startReply("/count 5");
        assertThat(status(reply.id()).path("id").asString()).isEqualTo(reply.id());
        await().atMost(TIMEOUT).until(() -> status(reply.id()).path("status").asString().equals("ended"));
        JsonNode ended = status(reply.id());
        assertThat(ended.path("tokens").asInt()).isEqualTo(5);
        assertThat(ended.path("text").asString()).isEqualTo("1 2 3 4 5");
        assertThat(ended.path("finishReason").asString()).isEqualTo("stop");
    }

    @Test
    @DisplayName("a running reply's status is 'running', with finishReason null")
    void runningStatus() {
        ChatHttp.Reply reply = this.http.startReply("/count 1000");
        JsonNode running = status(reply.id());
        assertThat(running.path("status").asString()).isEqualTo("running");
        assertThat(running.get("finishReason").isNull()).as("finishReason in %s", running).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/count 4", "/fail 2" })
    @DisplayName("the blocking chat's reply is a reply like any other: GET /api/replies/{id} reads it back")
    void theBlockingReplyReadsBack(String prompt) {
        HttpResponse<String> response = this.http.postPrompt("/api/chat", prompt, "application/json");
        assertThat(response.statusCode()).as("POST /api/chat (needs TODO-01): %s", ChatHttp.describe(response))
                .isEqualTo(200);
        JsonNode chat = Json.parse(response.body());
        JsonNode read = status(chat.path("id").asString());
        assertThat(read.path("status").asString()).as("its status, read back").isEqualTo("ended");
        assertThat(read.path("text").asString()).as("its text, read back").isEqualTo(chat.path("text").asString());
        assertThat(read.path("finishReason").asString()).as("its finishReason, read back")
                .isEqualTo(chat.path("finishReason").asString())
                .isEqualTo(prompt.startsWith("/fail") ? "error" : "stop");
    }

    @Test
    @DisplayName("every stream starts with a retry: line, the server's choice of reconnection delay")
    void startsWithRetry() {
        try (EventStream stream = this.http.streamReply("/count 2")) {
            List<ServerSentEvent> events = stream.readToEnd(TIMEOUT);
            assertThat(events).as("events: %s", events).hasSize(3);
            assertThat(stream.retry()).as("retry").isNotNull().isPositive();
        }
    }

    @Test
    @DisplayName("Last-Event-ID: k replays the events after k, from the header or the lastEventId parameter")
    void resumesAfterLastEventId() {
        ChatHttp.Reply reply = this.http.startReply("/count 6");
        awaitTokens(reply, 3);
        try (EventStream header = this.http.stream(reply.stream(), "Last-Event-ID", "2");
                EventStream parameter = this.http.stream(reply.stream() + "?lastEventId=2")) {
            for (EventStream stream : List.of(header, parameter)) {
                List<ServerSentEvent> events = stream.readToEnd(TIMEOUT);
                assertThat(events).as("events: %s", events).extracting(ServerSentEvent::id)
                        .containsExactly("3", "4", "5", "6");
                assertThat(events.getFirst().json().path("text").asString()).isEqualTo(" 4");
                assertThat(events.getLast().event()).isEqualTo("done");
            }
        }
    }

    @Test
    @DisplayName("a connection dropped mid-reply loses nothing: the next one resumes, no token missing or doubled")
    void resumesADroppedConnection() {
        ChatHttp.Reply reply = this.http.startReply("/count 40");
        List<ServerSentEvent> received = new ArrayList<>();
        try (EventStream first = this.http.stream(reply.stream())) {
            received.add(first.next(TIMEOUT));
            received.add(first.next(TIMEOUT));
            assertThat(received).as("the first events: %s", received).extracting(ServerSentEvent::event)
                    .containsExactly("token", "token");
        } // dropped
        try (EventStream second = this.http.stream(reply.stream(), "Last-Event-ID", received.getLast().id())) {
            received.addAll(second.readToEnd(TIMEOUT));
        }
        assertThat(text(received)).isEqualTo(countTo(40));
        assertThat(received).extracting(ServerSentEvent::id)
                .containsExactlyElementsOf(IntStream.rangeClosed(0, 40).mapToObj(String::valueOf).toList());
    }

    @Test
    @DisplayName("many clients resuming the same reply at once each get all of the rest")
    void manyClientsResumeTheSameReply() {
        ChatHttp.Reply reply = this.http.startReply("/count 30");
        awaitTokens(reply, 1);
        List<CompletableFuture<String>> clients = IntStream.range(0, 50)
                .mapToObj((i) -> CompletableFuture.supplyAsync(() -> {
                    try (EventStream stream = this.http.stream(reply.stream(), "Last-Event-ID", "0")) {
                        return "1" + text(stream.readToEnd(TIMEOUT));
                    }
                }, (task) -> Thread.startVirtualThread(task)))
                .toList();
        assertThat(clients.stream().map(CompletableFuture::join).toList()).hasSize(50).containsOnly(countTo(30));
    }

    @Test
    @DisplayName("an ended reply with nothing left to send answers 204, so EventSource stops reconnecting")
    void nothingLeftGets204() {
        ChatHttp.Reply reply = this.http.startReply("/count 3");
        await().atMost(TIMEOUT).until(() -> status(reply.id()).path("status").asString().equals("ended"));
        for (String lastEventId : List.of("3", "4", "99999999999999999999999")) {
            try (EventStream stream = this.http.stream(reply.stream(), "Last-Event-ID", lastEventId)) {
                assertThat(stream.status()).as("Last-Event-ID %s: %s", lastEventId, stream.errorBody()).isEqualTo(204);
            }
        }
        try (EventStream stream = this.http.stream(reply.stream(), "Last-Event-ID", "2")) {
            List<ServerSentEvent> events = stream.readToEnd(TIMEOUT);
            assertThat(events).as("events: %s", events).extracting(ServerSentEvent::event).containsExactly("done");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "-1", "abc", "1.5", " 1", "0x1", "" })
    @DisplayName("a Last-Event-ID that is not a whole number from 0 gets 400")
    void malformedLastEventId(String lastEventId) {
        ChatHttp.Reply reply = this.http.startReply("/count 3");
        String path = reply.stream() + "?lastEventId=" + URLEncoder.encode(lastEventId, StandardCharsets.UTF_8);
        assertProblem(this.http.get(path, "Accept", PROBLEM_OR_STREAM), 400, "Last-Event-ID");
    }

    @Test
    @DisplayName("a Last-Event-ID that a running reply has not produced yet gets 400")
    void lastEventIdFromTheFuture() {
        ChatHttp.Reply reply = this.http.startReply("/count 1000");
        for (String lastEventId : List.of("5000", "99999999999999999999999")) {
            assertProblem(this.http.get(reply.stream(), "Last-Event-ID", lastEventId, "Accept", PROBLEM_OR_STREAM),
                    400, "no event");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "no-such-reply", "%2e%2e", "a%2Fb", "%25%25", "1%20OR%201=1", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" })
    @DisplayName("an unknown or malformed reply id gets 404, on every path")
    void unknownReply(String id) {
        assertProblem(this.http.get("/api/replies/" + id, "Accept", "application/json"), 404, "no reply");
        try (EventStream stream = this.http.stream("/api/replies/" + id + "/stream")) {
            assertThat(stream.status()).isEqualTo(404);
        }
    }

    private void awaitTokens(ChatHttp.Reply reply, int tokens) {
        await().atMost(TIMEOUT).until(() -> status(reply.id()).path("tokens").asInt() >= tokens);
    }

    private JsonNode status(String id) {
        HttpResponse<String> response = this.http.get("/api/replies/" + id, "Accept", "application/json");
        assertThat(response.statusCode()).as(ChatHttp.describe(response)).isEqualTo(200);
        return Json.parse(response.body());
    }
}
