package com.example.benchmarks;

import java.time.Duration;

import com.example.kit.test.ChatHttp;
import com.example.kit.test.EventStream;
import com.example.kit.test.ServerSentEvent;

/**
 * A reply's stream kept open after its first token, so that the server holds many at once
 * while it is measured.
 *
 * @param timeToFirstTokenNanos from the POST to the first token event
 */
record OpenStream(EventStream stream, long timeToFirstTokenNanos) implements OpenConnection {

    /** {@code POST /api/replies}, then {@code GET} the stream, held open. */
    static OpenStream open(ChatHttp http, String prompt, Duration timeout) {
        return open(http, prompt, StreamReader::postThenGet, timeout);
    }

    /** The stream {@code opener} opens, held open after its first token. */
    static OpenStream open(ChatHttp http, String prompt, StreamReader.Opener opener, Duration timeout) {
        long sent = System.nanoTime();
        EventStream stream = opener.open(http, prompt);
        try {
            ServerSentEvent first = stream.next(timeout);
            if (first != null && "reply".equals(first.event())) {
                first = stream.next(timeout); // a stream answering a POST /api/chat names its reply first
            }
            if (first == null || !"token".equals(first.event())) {
                throw new IllegalStateException("The first event was " + first + ", not a token");
            }
            return new OpenStream(stream, first.receivedNanos() - sent);
        }
        catch (RuntimeException | AssertionError ex) {
            stream.close();
            throw ex;
        }
    }

    @Override
    public void close() {
        this.stream.close();
    }
}
