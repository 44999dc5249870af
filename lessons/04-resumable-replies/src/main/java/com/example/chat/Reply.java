package com.example.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A reply and the log of its events: tokens {@code 0..N-1}, then its end, event {@code N}.
 * The model appends to it on one thread; any number of readers read it, each from
 * wherever it wants to start, on threads of their own. Nothing is lost when a reader
 * goes away: the next one reads the same log.
 */
final class Reply {

    /** The event that ends a reply: {@code finishReason} is "stop" or "error". */
    record End(int tokens, String finishReason, String message) {
    }

    private final String id;

    // A lock rather than synchronized: a virtual thread that waits on a Condition leaves
    // its carrier thread free (on JDK 21, one waiting in synchronized code would not).
    private final ReentrantLock lock = new ReentrantLock();

    private final Condition changed = this.lock.newCondition();

    private final List<String> tokens = new ArrayList<>();

    private End end;

    Reply(String id) {
        this.id = id;
    }

    String id() {
        return this.id;
    }

    void append(String token) {
        this.lock.lock();
        try {
            this.tokens.add(token);
            this.changed.signalAll();
        }
        finally {
            this.lock.unlock();
        }
    }

    void end(String finishReason, String message) {
        this.lock.lock();
        try {
            this.end = new End(this.tokens.size(), finishReason, message);
            this.changed.signalAll();
        }
        finally {
            this.lock.unlock();
        }
    }

    /**
     * Event {@code seq}: a token's text ({@code String}) or the {@link End}, once it exists:
     * a reader that is ahead of the model waits here for the next token.
     */
    Object await(int seq) throws InterruptedException {
        this.lock.lock();
        try {
            while (seq >= this.tokens.size() && this.end == null) {
                this.changed.await();
            }
            return (seq < this.tokens.size()) ? this.tokens.get(seq) : this.end;
        }
        finally {
            this.lock.unlock();
        }
    }

    /** How many events exist so far: the tokens, and the end once the reply has ended. */
    int eventCount() {
        this.lock.lock();
        try {
            return this.tokens.size() + ((this.end != null) ? 1 : 0);
        }
        finally {
            this.lock.unlock();
        }
    }

    boolean ended() {
        this.lock.lock();
        try {
            return this.end != null;
        }
        finally {
            this.lock.unlock();
        }
    }

    /** What {@code GET /api/replies/{id}} answers. */
    ReplyStatus status() {
        this.lock.lock();
        try {
            return new ReplyStatus(this.id, (this.end != null) ? "ended" : "running", this.tokens.size(),
                    String.join("", this.tokens), (this.end != null) ? this.end.finishReason() : null);
        }
        finally {
            this.lock.unlock();
        }
    }
}
