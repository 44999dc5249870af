package com.example.chat;

import java.net.http.HttpResponse;
import java.util.List;

import com.example.kit.test.ChatHttp;
import com.example.kit.test.EventStream;
import com.example.kit.test.Json;
import com.example.kit.test.ReplyTexts;
import com.example.kit.test.ServerSentEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.example.chat.ReplyStreams.describe;
import static com.example.chat.ReplyStreams.ids;
import static com.example.chat.ReplyStreams.names;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reply streamed with Server-Sent Events, read over real HTTP by a client that parses
 * the event stream as the WHATWG spec says.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "chat.model.first-token-delay=50ms", "chat.model.token-delay=20ms" })
class ReplyStreamTest {

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
        assertThat(response.statusCode()).withFailMessage("POST /api/replies answered %d, expected 201 Created "
                + "(TODO-01, Hints 1 and 2). The response: %s", response.statusCode(), ChatHttp.describe(response))
                .isEqualTo(201);
        JsonNode created = Json.parse(response.body());
        String id = created.path("id").asString();
        assertThat(id).as("the new reply's \"id\", which goes in a URL: letters, digits, - and _ only (TODO-01, Hint 1)")
                .isNotBlank().matches("[A-Za-z0-9_-]+");
        assertThat(created.path("stream").asString())
                .as("the new reply's \"stream\": the path of its stream (TODO-01, Hint 1)")
                .isEqualTo("/api/replies/" + id + "/stream");
        assertThat(response.headers().firstValue("Location")).as("the Location header of the 201 (TODO-01, Hint 1)")
                .hasValueSatisfying((location) -> assertThat(location).endsWith("/api/replies/" + id));
    }

    @Test
    @DisplayName("the stream sends each token as an event with its id, then a done event")
    void streamsTokensThenDone() {
        try (EventStream stream = ReplyStreams.open(this.http, "/count 5")) {
            assertThat(stream.headers().firstValue("Content-Type")).as("the stream's Content-Type (TODO-02, Hint 3)")
                    .hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
            List<ServerSentEvent> events = ReplyStreams.readToEnd(stream);
            assertThat(names(events)).withFailMessage("The stream of /count 5 sent %s; expected 5 events named "
                    + "\"token\", then one named \"done\" (TODO-03, Hint 5).", describe(events))
                    .containsExactly("token", "token", "token", "token", "token", "done");
            assertThat(ids(events)).withFailMessage("The events' ids were %s, expected [0, 1, 2, 3, 4, 5]: each event's "
                    + "id is its position in the reply, .id(String.valueOf(seq)), and done's is the number of tokens "
                    + "(TODO-03, Hint 5).", ids(events)).containsExactly("0", "1", "2", "3", "4", "5");
            JsonNode first = events.get(0).json();
            assertThat(first.path("seq").asInt()).as("the first token's \"seq\" (TODO-03, Hint 5)").isEqualTo(0);
            assertThat(first.path("text").asString()).as("the first token's \"text\" (TODO-03, Hint 5)").isEqualTo("1");
            assertThat(events.get(1).json().path("text").asString()).as("the second token's \"text\" (TODO-03, Hint 5)")
                    .isEqualTo(" 2");
            JsonNode done = events.get(5).json();
            assertThat(done.path("finishReason").asString()).as("done's \"finishReason\" (TODO-03, Hint 5)")
                    .isEqualTo("stop");
            assertThat(done.path("tokens").asInt()).as("done's \"tokens\": how many tokens were sent (TODO-03, Hint 5)")
                    .isEqualTo(5);
        }
    }

    @Test
    @DisplayName("the tokens concatenate to the text exactly: HTML, emoji, newlines")
    void keepsTheTextExactly() {
        String text = "<b>bold</b> & \"quotes\"\n\n  emoji 🚀👍🏽\r\n data: not a field ";
        try (EventStream stream = ReplyStreams.open(this.http, "/echo " + text)) {
            List<ServerSentEvent> events = ReplyStreams.readToEnd(stream);
            assertThat(names(events)).withFailMessage("The stream of an /echo sent %s; expected tokens, then \"done\" "
                    + "(TODO-03, Hint 5).", describe(events)).isNotEmpty().endsWith("done");
            assertThat(ReplyTexts.text(events))
                    .as("the texts of the token events, concatenated: each token's data is new ReplyEvents.Token(seq, "
                            + "token), which Spring writes as JSON (TODO-03, Hint 5)")
                    .isEqualTo(text);
        }
    }

    @Test
    @DisplayName("the first token arrives long before the last")
    void theFirstTokenArrivesLongBeforeTheLast() {
        // 50 ms before the first token, then 20 ms for each of the 39 others: about 830 ms.
        long start = System.nanoTime();
        try (EventStream stream = ReplyStreams.open(this.http, "/count 40")) {
            List<ServerSentEvent> events = ReplyStreams.readToEnd(stream);
            assertThat(events).withFailMessage("The stream of /count 40 sent %d events, expected 41: %s (TODO-03, Hint 5).",
                    events.size(), describe(events)).hasSize(41);
            double firstMs = (events.get(0).receivedNanos() - start) / 1e6;
            double lastMs = (events.get(39).receivedNanos() - start) / 1e6;
            assertThat(firstMs).withFailMessage("The first token arrived after %.0f ms and the last after %.0f ms: "
                    + "expected the first in less than half the time of the last. Tokens must leave one by one, as the "
                    + "model makes them: send each with emitter.send(...) from the virtual thread that stream(...) "
                    + "starts, never on the request's thread (TODO-02, Hint 3; TODO-03, Hint 5).", firstMs, lastMs)
                    .isLessThan(0.5 * lastMs);
        }
    }

    @Test
    @DisplayName("a model that fails ends the stream with an error event")
    void endsWithAnErrorEvent() {
        try (EventStream stream = ReplyStreams.open(this.http, "/fail 2")) {
            List<ServerSentEvent> events = ReplyStreams.readToEnd(stream);
            assertThat(names(events)).withFailMessage("The stream of /fail 2 (a model that fails after 2 tokens) sent %s; "
                    + "expected two \"token\" events, then one named \"error\" (TODO-03, Hint 6).", describe(events))
                    .containsExactly("token", "token", "error");
            assertThat(events.get(2).id()).as("the error event's id: the position after the last token (TODO-03, Hint 6)")
                    .isEqualTo("2");
            assertThat(events.get(2).json().path("message").asString())
                    .as("the error event's \"message\": the ModelFailedException's (TODO-03, Hint 6)").contains("failed");
        }
    }

    @Test
    @DisplayName("an unknown reply gets 404")
    void unknownReply() {
        try (EventStream stream = this.http.stream("/api/replies/no-such-reply/stream")) {
            assertThat(stream.status()).withFailMessage("GET /api/replies/no-such-reply/stream answered %d, expected 404: "
                    + "the starter's check for an unknown id comes first in ReplyController.stream; keep it "
                    + "(TODO-02, Hint 4). The body: %s", stream.status(), stream.errorBody()).isEqualTo(404);
        }
    }
}
