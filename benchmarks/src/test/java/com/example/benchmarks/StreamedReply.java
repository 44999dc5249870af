package com.example.benchmarks;

import java.time.Duration;
import java.util.List;

import com.example.kit.test.ChatHttp;
import com.example.kit.test.EventStream;
import com.example.kit.test.ServerSentEvent;

/**
 * One client's whole reply, as a browser gets it: {@code POST /api/replies}, then
 * {@code GET} its stream, read to the end with the test kit's WHATWG-conformant parser.
 *
 * @param sentNanos {@link System#nanoTime()} when the POST was sent
 * @param events every event of the stream, in the order they came
 */
record StreamedReply(long sentNanos, List<ServerSentEvent> events) {

    static StreamedReply read(ChatHttp http, String prompt, Duration timeout) {
        long sent = System.nanoTime();
        try (EventStream stream = http.streamReply(prompt)) {
            return new StreamedReply(sent, stream.readToEnd(timeout));
        }
    }

    /** From the POST to the first event, a token when all goes well. */
    long timeToFirstEventNanos() {
        return this.events.isEmpty() ? Long.MAX_VALUE : this.events.getFirst().receivedNanos() - this.sentNanos;
    }
}
