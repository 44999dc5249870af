package com.example.chat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.example.kit.test.ChatHttp;
import com.example.kit.test.EventStream;
import com.example.kit.test.ServerSentEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.example.kit.test.Problems.assertProblem;
import static com.example.kit.test.ReplyTexts.countTo;
import static com.example.kit.test.ReplyTexts.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a client sends, it gets a clear answer, the server keeps serving, and a reply
 * that is running meanwhile loses or corrupts nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "chat.model.first-token-delay=20ms", "chat.model.token-delay=20ms" })
class BadInputTest {

    @LocalServerPort
    int port;

    ChatHttp http;

    @BeforeEach
    void connect() {
        this.http = new ChatHttp(this.port);
    }

    @Test
    @DisplayName("bad requests get problem details, while a running reply streams on intact")
    void badInputNeverHurtsARunningReply() {
        CompletableFuture<List<ServerSentEvent>> running = CompletableFuture.supplyAsync(() -> {
            try (EventStream stream = this.http.streamReply("/count 150")) {
                return stream.readToEnd(Duration.ofSeconds(60));
            }
        }, (task) -> Thread.startVirtualThread(task));

        String json = "application/json";
        assertProblem(this.http.post("/api/replies", "{\"prompt\":", json, json), 400, "not valid JSON");
        assertProblem(this.http.post("/api/replies", "{\"prompt\": [1]}", json, json), 400, "'prompt' has the wrong type");
        assertProblem(this.http.post("/api/replies", "prompt=hi", "application/x-www-form-urlencoded", json), 415, "");
        assertProblem(this.http.post("/api/replies", "{\"prompt\":\"" + "x".repeat(70_000) + "\"}", json, json), 413,
                "65536");
        assertProblem(this.http.postChunked("/api/replies", "{\"prompt\":\"" + "x".repeat(70_000) + "\"}"), 413, "65536");
        assertProblem(this.http.postPrompt("/api/replies", "y".repeat(4001), json), 413, "4000");
        assertProblem(this.http.post("/api/replies", "{\"prompt\":\"a\\udc00b\"}", json, json), 400, "surrogate");
        // Control characters are text like any other: accepted.
        var controls = this.http.post("/api/replies", "{\"prompt\":\"/echo \\u0000\\u001b[31m red\"}", json, json);
        assertThat(controls.statusCode()).as(ChatHttp.describe(controls)).isEqualTo(201);
        assertProblem(this.http.post("/api/replies/nope/cancel", "", json, json), 404, "no reply");

        List<ServerSentEvent> events = running.join();
        assertThat(text(events)).isEqualTo(countTo(150));
        assertThat(events.getLast().event()).isEqualTo("done");
    }
}
