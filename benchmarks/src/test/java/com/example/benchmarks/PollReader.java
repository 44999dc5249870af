package com.example.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.example.kit.test.ChatHttp;

/** A reply read by polling: {@code POST /api/replies}, then polls until the answer says done. */
final class PollReader {

    private PollReader() {
    }

    static TimedReply read(ChatHttp http, String prompt, Poller.Pace pace, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long sent = System.nanoTime();
        Poller poller = new Poller(http, http.startReply(prompt).id(), pace);
        List<Long> tokens = new ArrayList<>();
        try {
            while (true) {
                PollAnswer answer = poller.next();
                long arrived = System.nanoTime();
                answer.tokens().forEach((token) -> tokens.add(arrived));
                if (answer.done()) {
                    return new TimedReply(sent, tokens, 1 + poller.polls(), answer.finishReason());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The reply of '" + prompt + "' did not end within " + timeout);
                }
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", ex);
        }
    }
}
