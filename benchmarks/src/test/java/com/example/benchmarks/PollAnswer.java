package com.example.benchmarks;

import java.time.Duration;
import java.util.List;

import tools.jackson.databind.JsonNode;

import com.example.kit.test.Json;

/**
 * One answer of {@code GET /api/replies/{id}/tokens?from=k[&waitMs=W]}, the contract's
 * polling endpoint: {@code {"id","tokens":[{"seq","text"}...],"next","done","finishReason"}}.
 *
 * @param tokens the texts of the tokens with {@code seq >= from}, in order
 * @param next the {@code from} of the next poll
 * @param done whether the reply has ended (then nothing more will come)
 * @param finishReason how it ended, null while it runs
 */
record PollAnswer(List<String> tokens, long next, boolean done, String finishReason) {

    /** Reads an answer; an answer without the contract's fields is refused. */
    static PollAnswer parse(String json) {
        JsonNode answer = Json.parse(json);
        if (!answer.path("tokens").isArray() || !answer.path("next").isIntegralNumber()
                || !answer.path("done").isBoolean()) {
            throw new IllegalArgumentException("Not a poll's answer: " + json);
        }
        List<String> texts = answer.path("tokens").valueStream().map((token) -> token.path("text").asString())
                .toList();
        JsonNode reason = answer.path("finishReason");
        return new PollAnswer(texts, answer.path("next").asLong(), answer.path("done").asBoolean(),
                reason.isString() ? reason.asString() : null);
    }

    /** The path of the poll for reply {@code id} from token {@code from}; {@code wait} zero: a short poll. */
    static String path(String id, long from, Duration wait) {
        String path = "/api/replies/" + id + "/tokens?from=" + from;
        return wait.isZero() ? path : path + "&waitMs=" + wait.toMillis();
    }
}
