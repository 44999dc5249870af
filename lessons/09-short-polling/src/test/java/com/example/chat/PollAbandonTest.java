package com.example.chat;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.example.kit.test.ChatHttp;
import com.example.kit.test.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A short poll reads the reply, as an open stream does: a reply polled regularly runs on,
 * one whose poller never comes back is still cancelled after {@code chat.reply.abandon-after}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "chat.model.first-token-delay=20ms", "chat.model.token-delay=40ms", "chat.reply.abandon-after=1s" })
class PollAbandonTest {

    @LocalServerPort
    int port;

    ChatHttp http;

    @Autowired
    Replies replies;

    @BeforeEach
    void connect() {
        this.http = new ChatHttp(this.port);
    }

    @Test
    @DisplayName("a reply polled every 100 ms for 3 s (abandon-after 1 s) is not abandoned: it still runs")
    void aPolledReplyIsNotAbandoned() {
        String id = this.http.startReply("/count 100000").id();
        long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        int from = 0;
        while (System.nanoTime() < end) {
            HttpResponse<String> response = Poller.poll(this.http, id, String.valueOf(from));
            assertThat(response.statusCode()).as("TODO-02 (Hint 4): %s", ChatHttp.describe(response)).isEqualTo(200);
            assertThat(Json.parse(response.body()).path("done").asBoolean())
                    .as("TODO-02 (Hint 4): the reply ended while it was polled every 100 ms (a poll reads it: "
                            + "Reply.tokensFrom must say so): %s", response.body()).isFalse();
            from = Json.parse(response.body()).path("next").asInt();
            // The sweep runs itself every second; run it at every poll too, so a reply a poll
            // does not keep alive is found at once.
            this.replies.sweep();
            Poller.sleep(Duration.ofMillis(100));
        }
        assertThat(status(id)).as("TODO-02 (Hint 4): reply %s after 3 s of polls", id).isEqualTo("running");
        cancel(id);
    }

    @Test
    @DisplayName("a reply whose poller never comes back is cancelled after abandon-after")
    void anUnpolledReplyIsAbandoned() {
        String id = this.http.startReply("/count 100000").id();
        HttpResponse<String> response = Poller.poll(this.http, id, "0");
        assertThat(response.statusCode()).as("TODO-02 (Hint 4): %s", ChatHttp.describe(response)).isEqualTo(200);
        await("reply " + id + " cancelled once nobody polled it for 1 s").atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> {
                    this.replies.sweep();
                    assertThat(Json.parse(this.http.get("/api/replies/" + id).body()).path("finishReason").asString())
                            .isEqualTo("cancelled");
                });
    }

    private String status(String id) {
        return Json.parse(this.http.get("/api/replies/" + id).body()).path("status").asString();
    }

    private void cancel(String id) {
        this.http.post("/api/replies/" + id + "/cancel", "", "application/json", "application/json");
    }
}
