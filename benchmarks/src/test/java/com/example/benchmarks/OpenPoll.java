package com.example.benchmarks;

import java.time.Duration;

import com.example.kit.test.ChatHttp;

/**
 * A client that keeps polling one reply after its first token: {@link OpenStream}'s
 * counterpart for polling. With long polls, the server holds one waiting poll for it
 * almost all the time (re-sent at once when one answers empty after its wait); with short
 * polls, it holds nothing between two polls but the reply.
 */
final class OpenPoll implements OpenConnection {

    private final long timeToFirstTokenNanos;

    private final Thread poller;

    private OpenPoll(long timeToFirstTokenNanos, Thread poller) {
        this.timeToFirstTokenNanos = timeToFirstTokenNanos;
        this.poller = poller;
    }

    static OpenPoll open(ChatHttp http, String prompt, Poller.Pace pace, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long sent = System.nanoTime();
        Poller poller = new Poller(http, http.startReply(prompt).id(), pace);
        while (poller.next().tokens().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("No token within " + timeout);
            }
        }
        long firstToken = System.nanoTime() - sent;
        Thread polling = Thread.ofVirtual().name("open-poll").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    poller.next();
                }
            }
            catch (InterruptedException | RuntimeException ex) {
                // closed: an interrupted poll is cancelled, its connection closed
            }
        });
        return new OpenPoll(firstToken, polling);
    }

    @Override
    public long timeToFirstTokenNanos() {
        return this.timeToFirstTokenNanos;
    }

    /** How long a close waits for the poll under way to be cancelled. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Stops polling: interrupts the poller (which cancels the poll under way) and waits until
     * it has stopped, so that no poll is sent after this returns.
     */
    @Override
    public void close() {
        this.poller.interrupt();
        try {
            if (!this.poller.join(CLOSE_TIMEOUT)) {
                throw new IllegalStateException("The poller did not stop within " + CLOSE_TIMEOUT);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
