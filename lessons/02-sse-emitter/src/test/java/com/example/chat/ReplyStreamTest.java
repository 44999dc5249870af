package com.example.chat;

import java.net.http.HttpResponse;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reply streamed with Server-Sent Events, read over real HTTP by a client that parses
 * the event stream as the WHATWG spec says.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "chat.model.first-token-delay=50ms", "chat.model.token-delay=20ms" })
class ReplyStreamTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    ChatHttp http;

    @BeforeEach
    void connect() {
        this.http = new ChatHttp(this.port);
    }

    @Test
    @DisplayName("POST /api/replies answers 201 with the reply's id, its Location and its stream")
    void createsAReply() {
        HttpResponse<String> response = this.http.postPrompt("/api/replies", "/count 3", "application/json");
        assertThat(response.statusCode()).as(ChatHttp.describe(response)).isEqualTo(201);
        JsonNode created = Json.parse(response.body());
        String id = created.path("id").asString();
        assertThat(id).isNotBlank().matches("[A-Za-z0-9_-]+");
        assertThat(created.path("stream").asString()).isEqualTo("/api/replies/" + id + "/stream");
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                (location) -> assertThat(location).endsWith("/api/replies/" + id));
    }

    @Test
    @DisplayName("the stream sends each token as an event with its id, then a done event")
    void streamsTokensThenDone() {
        try (EventStream stream = openStream("/count 5")) {
            List<ServerSentEvent> events = stream.readToEnd(TIMEOUT);
            assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
                    (type) -> assertThat(type).startsWith("text/event-stream"));
            assertThat(events).as("events: %s", events).extracting(ServerSentEvent::event)
                    .containsExactly("token", "token", "token", "token", "token", "done");
            assertThat(events).extracting(ServerSentEvent::id).containsExactly("0", "1", "2", "3", "4", "5");
            JsonNode first = events.get(0).json();
            assertThat(first.path("seq").asInt()).isEqualTo(0);
            assertThat(first.path("text").asString()).isEqualTo("1");
            assertThat(events.get(1).json().path("text").asString()).isEqualTo(" 2");
            JsonNode done = events.get(5).json();
            assertThat(done.path("finishReason").asString()).isEqualTo("stop");
            assertThat(done.path("tokens").asInt()).isEqualTo(5);
        }
    }

    @Test
    @DisplayName("the tokens concatenate to the text exactly: HTML, emoji, newlines")
    void keepsTheTextExactly() {
        String text = "<b>bold</b> & \"quotes\"\n\n  emoji 🚀👍🏽\r\n data: not a field ";
        try (EventStream stream = openStream("/echo " + text)) {
            StringBuilder received = new StringBuilder();
            List<ServerSentEvent> events = stream.readToEnd(TIMEOUT);
            assertThat(events).as("events: %s", events).last().extracting(ServerSentEvent::event).isEqualTo("done");
            for (ServerSentEvent event : events) {
                if (event.event().equals("token")) {
                    received.append(event.json().path("text").asString());
                }
            }
            assertThat(received.toString()).isEqualTo(text);
        }
    }

    @Test
    @DisplayName("the first token arrives long before the last")
    void theFirstTokenArrivesLongBeforeTheLast() {
        // 50 ms before the first token, then 20 ms for each of the 39 others: about 830 ms.
        long start = System.nanoTime();
        try (EventStream stream = openStream("/count 40")) {
            List<ServerSentEvent> events = stream.readToEnd(TIMEOUT);
            assertThat(events).as("events: %s", events).hasSize(41);
            long first = events.get(0).receivedNanos() - start;
            long last = events.get(39).receivedNanos() - start;
            assertThat((double) first).as("time to first token vs time to last token").isLessThan(0.5 * last);
        }
    }

    @Test
    @DisplayName("a model that fails ends the stream with an error event")
    void endsWithAnErrorEvent() {
        try (EventStream stream = openStream("/fail 2")) {
            List<ServerSentEvent> events = stream.readToEnd(TIMEOUT);
            assertThat(events).as("events: %s", events).extracting(ServerSentEvent::event)
                    .containsExactly("token", "token", "error");
            assertThat(events.get(2).id()).isEqualTo("2");
            assertThat(events.get(2).json().path("message").asString()).contains("failed");
        }
    }

    @Test
    @DisplayName("an unknown reply gets 404")
    void unknownReply() {
        try (EventStream stream = this.http.stream("/api/replies/no-such-reply/stream")) {
            assertThat(stream.status()).isEqualTo(404);
        }
    }

    private EventStream openStream(String prompt) {
        return this.http.streamReply(prompt);
    }
}
