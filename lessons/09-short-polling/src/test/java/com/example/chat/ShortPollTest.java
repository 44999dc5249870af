package com.example.chat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.example.kit.test.ChatHttp;
import com.example.kit.test.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.example.kit.test.Problems.assertProblem;
import static com.example.kit.test.ReplyTexts.countTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Short polling over real HTTP: {@code GET /api/replies/{id}/tokens?from=k} answers at once
 * with the tokens from {@code k} that exist now, and a client that polls from each answer's
 * {@code next} reads every token once, whoever else polls the same reply.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "chat.model.first-token-delay=20ms", "chat.model.token-delay=10ms" })
class ShortPollTest {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    static final Duration INTERVAL = Duration.ofMillis(20);

    @LocalServerPort
    int port;

    ChatHttp http;

    @BeforeEach
    void connect() {
        this.http = new ChatHttp(this.port);
    }

    @Test
    @DisplayName("polling from each answer's next reads every token once, in order, then done with finishReason stop")
    void pollsAReplyToItsEnd() {
        String id = this.http.startReply("/count 50").id();
        List<Poller.Answer> answers = Poller.toTheEnd(this.http, id, INTERVAL, TIMEOUT, "TODO-02 (Hint 3)");
        assertThat(Poller.seqs(answers)).as("TODO-02 (Hint 3): the seq of every token polled")
                .isEqualTo(IntStream.range(0, 50).boxed().toList());
        assertThat(Poller.text(answers)).isEqualTo(countTo(50));
        for (Poller.Answer answer : answers) {
            assertThat(answer.body().path("id").asString()).isEqualTo(id);
            assertThat(answer.body().path("next").asInt()).as("TODO-02 (Hint 3): next of %s", answer.body())
                    .isEqualTo(answer.from() + answer.tokens().size());
        }
        for (Poller.Answer answer : answers.subList(0, answers.size() - 1)) {
            assertThat(answer.body().path("done").asBoolean()).as("done in %s", answer.body()).isFalse();
            assertThat(answer.body().path("finishReason").isNull()).as("finishReason null in %s", answer.body()).isTrue();
        }
        assertThat(answers.getLast().body().path("finishReason").asString()).isEqualTo("stop");
        // 50 tokens come in about 0.5 s: each poll answered at once with what existed.
        assertThat(answers).as("polls of a reply of 0.5 s, every 20 ms").hasSizeGreaterThan(1);
    }

    @Test
    @DisplayName("a poll of an ended reply answers its remaining tokens, then done; from its token count, done alone")
    void anEndedReplyAnswersItsRemainingTokens() {
        String id = endedReply("/count 5");
        HttpResponse<String> rest = Poller.poll(this.http, id, "3");
        assertThat(rest.body()).as("TODO-02 (Hint 3): GET /api/replies/%s/tokens?from=3 (%d)", id, rest.statusCode())
                .isEqualTo("{\"id\":\"" + id + "\",\"tokens\":[{\"seq\":3,\"text\":\" 4\"},{\"seq\":4,\"text\":\" 5\"}],"
                        + "\"next\":5,\"done\":true,\"finishReason\":\"stop\"}");
        HttpResponse<String> end = Poller.poll(this.http, id, "5");
        assertThat(end.body()).as("TODO-02 (Hint 3): GET /api/replies/%s/tokens?from=5 (%d)", id, end.statusCode())
                .isEqualTo("{\"id\":\"" + id + "\",\"tokens\":[],\"next\":5,\"done\":true,\"finishReason\":\"stop\"}");
        assertThat(end.headers().firstValue("Content-Type")).hasValueSatisfying(
                (type) -> assertThat(type).startsWith("application/json"));
    }

    @Test
    @DisplayName("answers are never cached (Cache-Control: no-store): the same URL answers more a moment later")
    void answersAreNotCached() {
        String id = this.http.startReply("/count 3").id();
        HttpResponse<String> response = Poller.poll(this.http, id, "0");
        assertThat(response.headers().firstValue("Cache-Control")).as("TODO-01 (Hint 2): the Cache-Control of %s",
                ChatHttp.describe(response)).hasValue("no-store");
    }

    @Test
    @DisplayName("a model that fails ends the polls with done and finishReason error, after its tokens")
    void aFailedReplyEndsWithError() {
        String id = this.http.startReply("/fail 3").id();
        List<Poller.Answer> answers = Poller.toTheEnd(this.http, id, INTERVAL, TIMEOUT, "TODO-02 (Hint 3)");
        assertThat(Poller.text(answers)).isEqualTo(countTo(3));
        assertThat(answers.getLast().body().path("finishReason").asString())
                .as("TODO-02 (Hint 3): the last answer: %s", answers.getLast().body()).isEqualTo("error");
    }

    @Test
    @DisplayName("a reply cancelled while it is polled ends the polls with done and finishReason cancelled")
    void aCancelledReplyEndsCancelled() {
        String id = this.http.startReply("/count 100000").id();
        HttpResponse<String> first = Poller.poll(this.http, id, "0");
        assertThat(first.statusCode()).as("TODO-02 (Hint 3): %s", ChatHttp.describe(first)).isEqualTo(200);
        assertThat(this.http.post("/api/replies/" + id + "/cancel", "", "application/json", "application/json")
                .statusCode()).isEqualTo(202);
        List<Poller.Answer> answers = Poller.toTheEnd(this.http, id, INTERVAL, TIMEOUT, "TODO-02 (Hint 3)");
        assertThat(answers.getLast().body().path("finishReason").asString()).isEqualTo("cancelled");
    }

    @ParameterizedTest(name = "from={0}")
    @ValueSource(strings = { "-1", "abc", "1.5", "", "+3", "6", "2147483648", "99999999999999999999999999" })
    @DisplayName("a from that is not a whole number from 0 to the reply's token count gets 400 problem details")
    void badFromIs400(String from) {
        String id = endedReply("/count 5");
        HttpResponse<String> response = Poller.poll(this.http, id, from.replace("+", "%2B"));
        assertThat(response.statusCode()).as("TODO-01 (Hint 1): GET /api/replies/%s/tokens?from=%s: %s", id, from,
                ChatHttp.describe(response)).isEqualTo(400);
        assertProblem(response, 400, "from");
    }

    @Test
    @DisplayName("a poll without from gets 400 problem details")
    void missingFromIs400() {
        String id = endedReply("/count 5");
        HttpResponse<String> response = this.http.get("/api/replies/" + id + "/tokens");
        assertThat(response.statusCode()).as("TODO-01 (Hint 1): %s", ChatHttp.describe(response)).isEqualTo(400);
        assertProblem(response, 400, "from");
    }

    @ParameterizedTest(name = "id {0}")
    @ValueSource(strings = { "no-such-reply", "a%2Fb", "%E2%9C%93" })
    @DisplayName("a poll of an unknown or malformed id gets 404 problem details")
    void unknownIdIs404(String id) {
        HttpResponse<String> response = Poller.poll(this.http, id, "0");
        assertThat(response.statusCode()).as("TODO-01 (Hint 1): %s", ChatHttp.describe(response)).isEqualTo(404);
        assertProblem(response, 404, "no reply");
    }

    @Test
    @DisplayName("eight clients polling one reply at once each read every token once, the same ones")
    void manyPollersGetTheSameTokens() throws Exception {
        String id = this.http.startReply("/count 200").id();
        List<Callable<List<Poller.Answer>>> pollers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Duration interval = Duration.ofMillis(5 + 3 * i); // each its own pace, so polls interleave
            pollers.add(() -> Poller.toTheEnd(this.http, id, interval, TIMEOUT, "TODO-02 (Hint 3)"));
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<List<Poller.Answer>> poller : threads.invokeAll(pollers)) {
                List<Poller.Answer> answers = answersOf(poller);
                assertThat(Poller.seqs(answers)).as("TODO-02 (Hint 3): the seqs one of 8 pollers read")
                        .isEqualTo(IntStream.range(0, 200).boxed().toList());
                assertThat(Poller.text(answers)).isEqualTo(countTo(200));
            }
        }
    }

    @Test
    @DisplayName("chat.tokens.sent{transport=poll} counts the tokens the polls answered")
    void tokensSentAreCounted() {
        double before = this.http.metric("chat.tokens.sent", "transport:poll");
        String id = this.http.startReply("/count 20").id();
        List<Poller.Answer> answers = Poller.toTheEnd(this.http, id, INTERVAL, TIMEOUT, "TODO-01 (Hint 2)");
        // Poll the end once more: no token, nothing counted.
        Poller.poll(this.http, id, "20");
        assertThat(this.http.metric("chat.tokens.sent", "transport:poll") - before)
                .as("TODO-01 (Hint 2): chat.tokens.sent{transport=poll} after %d polls of 20 tokens", answers.size())
                .isEqualTo(20.0);
    }

    /** What a poller read; its own assertion failure, if it failed, as this test's. */
    private static List<Poller.Answer> answersOf(Future<List<Poller.Answer>> poller) throws InterruptedException {
        try {
            return poller.get();
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof AssertionError failure) {
                throw failure;
            }
            throw new IllegalStateException(ex.getCause());
        }
    }

    /** Starts a reply and waits until it has ended. */
    private String endedReply(String prompt) {
        String id = this.http.startReply(prompt).id();
        await().atMost(TIMEOUT).until(() -> Json.parse(this.http.get("/api/replies/" + id).body()).path("status")
                .asString().equals("ended"));
        return id;
    }
}
