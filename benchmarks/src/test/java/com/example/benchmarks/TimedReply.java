package com.example.benchmarks;

import java.util.List;

/**
 * One reply as a client read it, whatever the transport: when the client asked, when each
 * token reached it, how many requests it sent for the reply, and how the reply ended.
 *
 * @param sentNanos {@link System#nanoTime()} when the client asked (its first request, or
 * asking for a socket when the socket is new)
 * @param tokenNanos when each token arrived, in order; tokens that came in one poll's answer
 * share its arrival time
 * @param requests the HTTP requests, or WebSocket messages, the client sent for this reply
 * @param finishReason {@code stop}, {@code cancelled} or {@code error}
 */
record TimedReply(long sentNanos, List<Long> tokenNanos, int requests, String finishReason) {

    TimedReply {
        tokenNanos = List.copyOf(tokenNanos);
    }

    /** From asking to the first token. */
    long timeToFirstTokenNanos() {
        if (this.tokenNanos.isEmpty()) {
            throw new IllegalStateException("The reply had no token (it ended: " + this.finishReason + ")");
        }
        return this.tokenNanos.getFirst() - this.sentNanos;
    }

    int tokens() {
        return this.tokenNanos.size();
    }

    /** Whether the reply came whole: {@code tokens} tokens, then {@code stop}. */
    boolean isComplete(int tokens) {
        return tokens() == tokens && "stop".equals(this.finishReason);
    }
}
