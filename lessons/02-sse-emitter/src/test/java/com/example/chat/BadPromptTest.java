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
 * A bad prompt is refused when the reply is created, with problem details, before any
 * stream is opened. The kit does it, so these pass from the start.
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
        assertRefused(this.http.post("/api/replies", "{}", "application/json", "application/json"), 400, "missing");
    }

    @Test
    @DisplayName("a blank prompt gets 400")
    void blankPrompt() {
        assertRefused(this.http.postPrompt("/api/replies", "   ", "application/json"), 400, "blank");
    }

    @Test
    @DisplayName("a prompt of 4,001 characters gets 413")
    void tooLongPrompt() {
        assertRefused(this.http.postPrompt("/api/replies", "x".repeat(4001), "application/json"), 413, "4000");
    }

    @Test
    @DisplayName("a magic prompt out of range gets 400 naming the range")
    void countOutOfRange() {
        assertRefused(this.http.postPrompt("/api/replies", "/count 100001", "application/json"), 400,
                "from 1 to 100000");
    }

    @Test
    @DisplayName("a body that is not JSON gets 415")
    void notJson() {
        assertRefused(this.http.post("/api/replies", "hello", "text/plain", "application/json"), 415, "");
    }

    /** The kit's check, with a sentence that says where to look when it fails. */
    private static void assertRefused(HttpResponse<String> response, int status, String detailPart) {
        try {
            Problems.assertProblem(response, status, detailPart);
        }
        catch (AssertionError ex) {
            throw new AssertionError("Expected " + status + " problem details whose detail contains '" + detailPart
                    + "', as the kit answers a bad request before any reply is created. Keep the given first line of "
                    + "ReplyController.create, this.model.tokens(...), before anything else (TODO-01, Hint 2). "
                    + ex.getMessage(), ex);
        }
    }
}
