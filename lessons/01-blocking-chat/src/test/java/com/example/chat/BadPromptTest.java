package com.example.chat;

import java.net.http.HttpResponse;

import com.example.kit.test.ChatHttp;
import com.example.kit.test.Problems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad input gets RFC 9457 problem details with a clear detail, before any generation. The
 * kit does it, so these pass from the start; they fail only if the chat catches the kit's
 * exceptions (or moves {@code model.tokens(...)} where a bad prompt no longer reaches Spring).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "chat.model.first-token-delay=50ms", "chat.model.token-delay=20ms" })
class BadPromptTest {

    @LocalServerPort
    int port;

    ChatHttp http;

    @BeforeEach
    void connect() {
        this.http = new ChatHttp(this.port);
    }

    @Test
    @DisplayName("a missing prompt gets 400")
    void missingPrompt() {
        assertRefused(this.http.post("/api/chat", "{}", "application/json", "application/json"), 400, "missing");
    }

    @Test
    @DisplayName("a prompt that is not a string gets 400")
    void promptNotAString() {
        assertRefused(this.http.post("/api/chat", "{\"prompt\": 42}", "application/json", "application/json"), 400,
                "'prompt' has the wrong type");
    }

    @Test
    @DisplayName("an empty body gets 400")
    void emptyBody() {
        assertRefused(this.http.post("/api/chat", "", "application/json", "application/json"), 400, "missing");
    }

    @Test
    @DisplayName("a blank prompt gets 400")
    void blankPrompt() {
        assertRefused(this.http.postPrompt("/api/chat", " \n\t ", "application/json"), 400, "blank");
    }

    @Test
    @DisplayName("a prompt of 4,001 characters gets 413")
    void tooLongPrompt() {
        assertRefused(this.http.postPrompt("/api/chat", "é".repeat(4001), "application/json"), 413, "4000");
    }

    @Test
    @DisplayName("a body over 64 KiB gets 413 before it is parsed, with or without a Content-Length")
    void bodyOverTheLimit() {
        String body = "{\"prompt\": \"" + "x".repeat(70_000) + "\"}";
        assertRefused(this.http.post("/api/chat", body, "application/json", "application/json"), 413, "65536");
        assertRefused(this.http.postChunked("/api/chat", body), 413, "65536");
    }

    @Test
    @DisplayName("a prompt of 4,000 emoji is not too long: length counts characters, not UTF-16 units")
    void longestPrompt() {
        assertRefused(this.http.postPrompt("/api/chat", "/count 0" + "🚀".repeat(3992), "application/json"), 400,
                "from 1 to 100000");
    }

    @Test
    @DisplayName("a magic prompt out of range gets 400 naming the range")
    void countOutOfRange() {
        assertRefused(this.http.postPrompt("/api/chat", "/count 0", "application/json"), 400, "from 1 to 100000");
    }

    @Test
    @DisplayName("a lone surrogate gets 400")
    void loneSurrogate() {
        assertRefused(this.http.post("/api/chat", "{\"prompt\":\"hi \\ud83d there\"}", "application/json",
                "application/json"), 400, "surrogate");
    }

    @Test
    @DisplayName("malformed JSON gets 400")
    void malformedJson() {
        assertRefused(this.http.post("/api/chat", "{\"prompt\":", "application/json", "application/json"), 400,
                "not valid JSON");
    }

    @Test
    @DisplayName("a body that is not JSON gets 415")
    void notJson() {
        assertRefused(this.http.post("/api/chat", "prompt=hi", "application/x-www-form-urlencoded",
                "application/json"), 415, "application/x-www-form-urlencoded");
    }

    /** The kit's check, with a sentence that says where to look when it fails. */
    private static void assertRefused(HttpResponse<String> response, int status, String detailPart) {
        try {
            Problems.assertProblem(response, status, detailPart);
        }
        catch (AssertionError ex) {
            throw new AssertionError("Expected " + status + " problem details whose detail contains '" + detailPart
                    + "', as the kit answers a bad request before anything is generated. Keep this.model.tokens(...) "
                    + "first in ChatController.chat, and catch only ModelFailedException (TODO-01, Hint 3). "
                    + ex.getMessage(), ex);
        }
    }
}
