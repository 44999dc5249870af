package com.example.chat;

import java.net.http.HttpResponse;

import com.example.kit.test.ChatHttp;
import com.example.kit.test.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blocking chat over real HTTP: one POST, the whole reply in one JSON response.
 * Every failure says what it measured and which hint of the README covers it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "chat.model.first-token-delay=50ms", "chat.model.token-delay=20ms" })
class BlockingChatTest {

    @LocalServerPort
    int port;

    ChatHttp http;

    @BeforeEach
    void connect() {
        this.http = new ChatHttp(this.port);
    }

    @Test
    @DisplayName("POST /api/chat answers with the whole reply as JSON")
    void repliesWithTheWholeText() {
        JsonNode reply = chat("/count 5");
        assertThat(reply.path("text").asString()).as("the text of /count 5: each token appended as it is (TODO-01, Hint 1)")
                .isEqualTo("1 2 3 4 5");
        assertThat(reply.path("tokens").asInt()).as("the reply's \"tokens\": how many tokens the loop counted (TODO-01, Hint 1)")
                .isEqualTo(5);
        assertThat(reply.path("finishReason").asString())
                .as("the reply's \"finishReason\" when the model finished (TODO-01, Hint 1)").isEqualTo("stop");
        assertThat(reply.path("id").asString()).as("the reply's \"id\": a new UUID.randomUUID() (TODO-01, Hint 1)")
                .isNotBlank();
    }

    @Test
    @DisplayName("the same prompt gets the same reply, with a new id")
    void repliesDeterministically() {
        JsonNode first = chat("What is SSE?");
        JsonNode second = chat("What is SSE?");
        assertThat(first.path("text").asString()).as("the text of \"What is SSE?\", asked twice (TODO-01, Hint 1)")
                .contains("Server-Sent Events").isEqualTo(second.path("text").asString());
        assertThat(first.path("id").asString()).as("the ids of two replies: each reply gets a new one (TODO-01, Hint 1)")
                .isNotEqualTo(second.path("id").asString());
    }

    @Test
    @DisplayName("the reply keeps HTML, emoji and newlines exactly")
    void keepsTheTextExactly() {
        String text = "<b>bold</b> & \"quotes\"\n  emoji 🚀👍🏽 ünïcödé\tend ";
        assertThat(chat("/echo " + text).path("text").asString())
                .as("the text of /echo: the tokens appended as they are, no trim, no separator (TODO-01, Hint 1)")
                .isEqualTo(text);
    }

    @Test
    @DisplayName("a model that fails mid-reply gives finishReason 'error' and the text so far")
    void reportsAFailedModel() {
        JsonNode reply = chat("/fail 3", "a model that fails mid-reply still gets 200: catch ModelFailedException (TODO-01, Hint 2)");
        assertThat(reply.path("finishReason").asString())
                .as("the \"finishReason\" of /fail 3, whose model fails after 3 tokens (TODO-01, Hint 2)")
                .isEqualTo("error");
        assertThat(reply.path("text").asString()).as("the text so far of /fail 3 (TODO-01, Hint 2)").isEqualTo("1 2 3");
        assertThat(reply.path("tokens").asInt()).as("the tokens counted before the model failed (TODO-01, Hint 2)")
                .isEqualTo(3);
    }

    @Test
    @DisplayName("the first byte waits for the whole reply: time to first byte is about the whole time")
    void theFirstByteWaitsForTheWholeReply() {
        // 50 ms before the first token, then 20 ms for each of the 19 others: about 430 ms.
        ChatHttp.TimedResponse response = this.http.timePost("/api/chat", Json.object("prompt", "/count 20"),
                "application/json");
        assertThat(response.status()).withFailMessage(
                "POST /api/chat {\"prompt\":\"/count 20\"} answered %d, expected 200 with the whole reply (TODO-01, Hint 1): %s",
                response.status(), response.body()).isEqualTo(200);
        assertThat(Json.parse(response.body()).path("tokens").asInt()).as("the tokens of /count 20 (TODO-01, Hint 1)")
                .isEqualTo(20);
        // Blocking: nothing at all arrives before the last token exists.
        double firstMs = response.firstByteNanos() / 1e6;
        double lastMs = response.lastByteNanos() / 1e6;
        assertThat(firstMs).withFailMessage(
                "The response's first byte came after %.0f ms and its last after %.0f ms: expected the first at 80%% "
                        + "of the last or later, since a blocking endpoint sends nothing before the reply has ended "
                        + "(TODO-01: collect every token, then return the ChatResponse).", firstMs, lastMs)
                .isGreaterThanOrEqualTo(0.8 * lastMs);
    }

    private JsonNode chat(String prompt) {
        return chat(prompt, "the whole reply (TODO-01, Hint 1)");
    }

    private JsonNode chat(String prompt, String expected) {
        HttpResponse<String> response = this.http.postPrompt("/api/chat", prompt, "application/json");
        assertThat(response.statusCode()).withFailMessage("POST /api/chat with the prompt %s answered %d, expected 200 "
                + "with %s. The response: %s", Json.object("prompt", prompt), response.statusCode(), expected,
                ChatHttp.describe(response)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).as("the Content-Type of POST /api/chat's answer")
                .hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
        return Json.parse(response.body());
    }
}
