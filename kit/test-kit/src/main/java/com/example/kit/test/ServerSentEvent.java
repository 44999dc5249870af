package com.example.kit.test;

import tools.jackson.databind.JsonNode;

/**
 * One event of a {@code text/event-stream}, as the WHATWG parser dispatches it.
 *
 * @param id the event's own {@code id} field, or null when it has none
 * @param event its type ({@code "message"} when it names none)
 * @param data its data lines, joined with newlines
 * @param receivedNanos {@link System#nanoTime()} when the event was complete
 */
public record ServerSentEvent(String id, String event, String data, long receivedNanos) {

    /** The data parsed as JSON. */
    public JsonNode json() {
        return Json.parse(this.data);
    }
}
