package com.example.chat;

import com.example.kit.test.ChatHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.example.kit.test.Problems.assertProblem;

/**
 * A bad prompt is refused when the reply is created, with problem details, before any
 * stream is opened.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
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
        assertProblem(this.http.post("/api/replies", "{}", "application/json", "application/json"), 400, "missing");
    }

    @Test
    @DisplayName("a blank prompt gets 400")
    void blankPrompt() {
        assertProblem(this.http.postPrompt("/api/replies", "   ", "application/json"), 400, "blank");
    }

    @Test
    @DisplayName("a prompt of 4,001 characters gets 413")
    void tooLongPrompt() {
        assertProblem(this.http.postPrompt("/api/replies", "x".repeat(4001), "application/json"), 413, "4000");
    }

    @Test
    @DisplayName("a magic prompt out of range gets 400 naming the range")
    void countOutOfRange() {
        assertProblem(this.http.postPrompt("/api/replies", "/count 100001", "application/json"), 400,
                "from 1 to 100000");
    }

    @Test
    @DisplayName("a body that is not JSON gets 415")
    void notJson() {
        assertProblem(this.http.post("/api/replies", "hello", "text/plain", "application/json"), 415, "");
    }
}
