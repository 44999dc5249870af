package com.example.chat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.example.kit.test.ChatHttp;
import com.example.kit.test.Json;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that short-polls one reply over real HTTP, as the page does: from 0, then from
 * each answer's {@code next}, waiting {@code interval} between two polls, until an answer
 * says {@code done}. It keeps every answer, with the time it came.
 */
final class Poller {

    /** One poll's answer: where it asked from, what came back, and when (System.nanoTime()). */
    record Answer(int from, JsonNode body, long receivedNanos) {

        List<JsonNode> tokens() {
            return body().path("tokens").valueStream().toList();
        }

        boolean done() {
            return body().path("done").asBoolean();
        }
    }

    private Poller() {
    }

    /** {@code GET /api/replies/{id}/tokens?from=...}, from written as it is given. */
    static HttpResponse<String> poll(ChatHttp http, String id, String from) {
        return http.get("/api/replies/" + id + "/tokens?from=" + from);
    }

    /**
     * Polls the reply to its end, failing (with {@code todo} and what the server said) on an
     * answer that is not 200, or when the reply has not ended within {@code timeout}.
     */
    static List<Answer> toTheEnd(ChatHttp http, String id, Duration interval, Duration timeout, String todo) {
        List<Answer> answers = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        int from = 0;
        while (true) {
            HttpResponse<String> response = poll(http, id, String.valueOf(from));
            assertThat(response.statusCode()).as("%s: the poll from %d: %s", todo, from, ChatHttp.describe(response))
                    .isEqualTo(200);
            Answer answer = new Answer(from, Json.parse(response.body()), System.nanoTime());
            answers.add(answer);
            if (answer.done()) {
                return answers;
            }
            assertThat(System.nanoTime()).as("%s: reply %s had not ended after %d polls in %d s", todo, id,
                    answers.size(), timeout.toSeconds()).isLessThan(deadline);
            from = answer.body().path("next").asInt();
            sleep(interval);
        }
    }

    /** The reply's text: the tokens of every answer, in the order they came. */
    static String text(List<Answer> answers) {
        StringBuilder text = new StringBuilder();
        answers.forEach((answer) -> answer.tokens().forEach((token) -> text.append(token.path("text").asString())));
        return text.toString();
    }

    /** The seq of every token of every answer, in the order they came. */
    static List<Integer> seqs(List<Answer> answers) {
        return answers.stream().flatMap((answer) -> answer.tokens().stream()).map((token) -> token.path("seq").asInt())
                .toList();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
