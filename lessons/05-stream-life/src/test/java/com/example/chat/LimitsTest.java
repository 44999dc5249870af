package com.example.chat;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.example.kit.test.ChatHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.example.kit.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Limits: at most {@code chat.replies.max-running} replies run at once, and an ended reply
 * is forgotten after {@code chat.reply.retention}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "chat.model.first-token-delay=10ms", "chat.model.token-delay=20ms", "chat.replies.max-running=2",
        "chat.reply.retention=1s" })
class LimitsTest {

    @LocalServerPort
    int port;

    // Generous for the replies here, and short enough that a starter fails fast.
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    ChatHttp http;

    @Autowired
    Replies replies;

    @BeforeEach
    void connect() {
        this.http = new ChatHttp(this.port);
    }

    @Test
    @DisplayName("one reply more than chat.replies.max-running gets 503 with Retry-After; room again once one ends")
    void tooManyRunning() {
        ChatHttp.Reply first = this.http.startReply("/count 1000");
        ChatHttp.Reply second = this.http.startReply("/count 1000");
        HttpResponse<String> third = this.http.postPrompt("/api/replies", "/count 3", "application/json");
        assertProblem(third, 503, "max-running");
        assertThat(third.headers().firstValue("Retry-After")).hasValueSatisfying(
                (seconds) -> assertThat(Integer.parseInt(seconds)).isPositive());
        cancel(first);
        cancel(second);
        await().atMost(TIMEOUT).until(
                () -> this.http.postPrompt("/api/replies", "/count 3", "application/json").statusCode() == 201);
    }

    @Test
    @DisplayName("an ended reply is kept for chat.reply.retention, then forgotten (404)")
    void endedRepliesAreForgotten() {
        await().atMost(TIMEOUT).until(
                () -> this.http.postPrompt("/api/replies", "/count 1", "application/json").statusCode() == 201);
        ChatHttp.Reply reply = this.http.startReply("/count 2");
        await().atMost(TIMEOUT).until(() -> this.http.get("/api/replies/" + reply.id()).body()
                .contains("\"ended\""));
        // Runs the sweep itself rather than waiting for the scheduler, so a sweep not
        // written yet fails at once (with its TODO-05).
        await("the reply forgotten by Replies.sweep (TODO-05) 1 s after it ended").atMost(TIMEOUT).untilAsserted(() -> {
            this.replies.sweep();
            assertThat(this.http.get("/api/replies/" + reply.id()).statusCode()).isEqualTo(404);
        });
    }

    private void cancel(ChatHttp.Reply reply) {
        HttpResponse<String> response = this.http.post("/api/replies/" + reply.id() + "/cancel", "", "application/json",
                "application/json");
        assertThat(response.statusCode()).as(ChatHttp.describe(response)).isEqualTo(202);
    }
}
