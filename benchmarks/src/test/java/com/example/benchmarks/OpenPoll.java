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

    @Override
    public void close() {
        this.poller.interrupt();
    }
}
