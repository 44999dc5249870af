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
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "chat.model.first-token-delay=100ms", "chat.model.token-delay=20ms" })
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
        assertThat(reply.path("text").asString()).isEqualTo("1 2 3 4 5");
        assertThat(reply.path("tokens").asInt()).isEqualTo(5);
        assertThat(reply.path("finishReason").asString()).isEqualTo("stop");
        assertThat(reply.path("id").asString()).isNotBlank();
    }

    @Test
    @DisplayName("the same prompt gets the same reply, with a new id")
    void repliesDeterministically() {
        JsonNode first = chat("What is SSE?");
        JsonNode second = chat("What is SSE?");
        assertThat(first.path("text").asString()).contains("Server-Sent Events")
                .isEqualTo(second.path("text").asString());
        assertThat(first.path("id").asString()).isNotEqualTo(second.path("id").asString());
    }

    @Test
    @DisplayName("the reply keeps HTML, emoji and newlines exactly")
    void keepsTheTextExactly() {
        String text = "<b>bold</b> & \"quotes\"\n  emoji 🚀👍🏽 ünïcödé\tend ";
        assertThat(chat("/echo " + text).path("text").asString()).isEqualTo(text);
    }

    @Test
    @DisplayName("a model that fails mid-reply gives finishReason 'error' and the text so far")
    void reportsAFailedModel() {
        JsonNode reply = chat("/fail 3");
        assertThat(reply.path("text").asString()).isEqualTo("1 2 3");
        assertThat(reply.path("tokens").asInt()).isEqualTo(3);
        assertThat(reply.path("finishReason").asString()).isEqualTo("error");
    }

    @Test
    @DisplayName("the first byte waits for the whole reply: time to first byte is about the whole time")
    void theFirstByteWaitsForTheWholeReply() {
        // 100 ms before the first token, then 20 ms for each of the 19 others: about 480 ms.
        ChatHttp.TimedResponse response = this.http.timePost("/api/chat", Json.object("prompt", "/count 20"),
                "application/json");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(Json.parse(response.body()).path("tokens").asInt()).isEqualTo(20);
        // Blocking: nothing at all arrives before the last token exists.
        assertThat((double) response.firstByteNanos()).as("time to first byte vs time to last byte")
                .isGreaterThanOrEqualTo(0.8 * response.lastByteNanos());
    }

    private JsonNode chat(String prompt) {
        HttpResponse<String> response = this.http.postPrompt("/api/chat", prompt, "application/json");
        assertThat(response.statusCode()).as(ChatHttp.describe(response)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                (type) -> assertThat(type).startsWith("application/json"));
        return Json.parse(response.body());
    }
}
