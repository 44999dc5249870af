package com.example.chat;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The answer to {@code GET /api/replies/{id}}.
 *
 * @param finishReason null while running
 */
record ReplyStatus(String id, State status, int tokens, String text, FinishReason finishReason) {

    /** Whether the reply still runs: {@code "running"} or {@code "ended"} on the wire. */
    enum State {

        RUNNING, ENDED;

        @JsonValue
        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
