package com.example.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import com.example.kit.TodoException;

/**
 * A reply and the log of its events: tokens {@code 0..N-1}, then its end, event {@code N}.
 * The model appends to it on one thread; any number of readers read it, each from
 * wherever it wants to start, on threads of their own. Nothing is lost when a reader
 * goes away: the next one reads the same log.
 */
final class Reply {

    /** An event of a reply's log: one of its tokens, or its end, which comes last. */
    sealed interface Event permits Token, End {

        /** The event's place in the log: tokens are {@code 0..N-1}, the end is {@code N}. */
        int seq();
    }

    /** Token {@code seq} of the reply. */
    record Token(int seq, String text) implements Event {
    }

    /**
     * The end of the reply, after its {@code seq} tokens.
     *
     * @param message what went wrong, when {@code finishReason} is {@code ERROR}; else null
     */
    record End(int seq, FinishReason finishReason, String message) implements Event {

        /** How many tokens the reply has. */
        int tokens() {
            return this.seq;
        }
    }

    private final String id;

    // A lock rather than synchronized: a virtual thread that waits on a Condition leaves
    // its carrier thread free (on JDK 21, one waiting in synchronized code would not).
    private final ReentrantLock lock = new ReentrantLock();

    private final Condition changed = this.lock.newCondition();

    private final List<Token> tokens = new ArrayList<>();

    /** The last event, once the reply has ended; null while it runs. */
    private End end;

    /** How many clients read this reply now. */
    private int readers;

    /** System.nanoTime() when the last reader left (or the reply was created), or when it ended. */
    private long since = System.nanoTime();

    Reply(String id) {
        this.id = id;
    }

    String id() {
        return this.id;
    }

    /** Adds the model's next token to the log; false if the reply has ended (cancelled), so the model stops. */
    boolean append(String text) {
        this.lock.lock();
        try {
            if (this.end != null) {
                return false;
            }
            this.tokens.add(new Token(this.tokens.size(), text));
            this.changed.signalAll();
            return true;
        }
        finally {
            this.lock.unlock();
        }
    }

    /** Ends the reply, unless it has ended already; false if it had. */
    boolean end(FinishReason finishReason, String message) {
        this.lock.lock();
        try {
            if (this.end != null) {
                return false;
            }
            this.end = new End(this.tokens.size(), finishReason, message);
            this.since = System.nanoTime();
            this.changed.signalAll();
            return true;
        }
        finally {
            this.lock.unlock();
        }
    }

    /**
     * Event {@code seq}, a {@link Token} or the {@link End}, once it exists, waiting at most
     * {@code timeout}; null if it still does not exist then (as {@code BlockingQueue.poll} does).
     */
    Event await(int seq, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        this.lock.lock();
        try {
            while (seq >= this.tokens.size() && this.end == null) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = this.changed.awaitNanos(nanos);
            }
            return (seq < this.tokens.size()) ? this.tokens.get(seq) : this.end;
        }
        finally {
            this.lock.unlock();
        }
    }

    /**
     * What a short poll from {@code from} sees: the tokens with {@code seq >= from} that exist
     * now, and the end if the reply has ended. A poll reads the reply: it counts as a reader
     * that came and left at once, so a reply polled regularly is not abandoned.
     */
    Batch tokensFrom(int from) {
        // TODO-02: under this.lock, as the methods around do: while the reply runs (this.end is
        //          null), note that it was read now, this.since = System.nanoTime(), so that
        //          Replies.sweep does not take it for abandoned; then return a Batch of a copy of
        //          this.tokens from `from` on (List.copyOf(...subList(...))) and this.end.
        throw new TodoException("TODO-02", "in Reply.tokensFrom, return the reply's tokens from \"from\" on "
                + "(Hint 3).");
    }

    /**
     * Some of a reply's tokens, in order, and its end if they are its last ones.
     *
     * @param end null while the reply runs
     */
    record Batch(List<Token> tokens, End end) {
    }

    /** How many tokens the reply has so far. */
    int tokenCount() {
        this.lock.lock();
        try {
            return this.tokens.size();
        }
        finally {
            this.lock.unlock();
        }
    }

    /** Waits for the reply to end, and returns its end. */
    End awaitEnd() throws InterruptedException {
        this.lock.lock();
        try {
            while (this.end == null) {
                this.changed.await();
            }
            return this.end;
        }
        finally {
            this.lock.unlock();
        }
    }

    /** A client starts reading this reply: a stream, or a blocking request. */
    void readerCame() {
        this.lock.lock();
        try {
            this.readers++;
        }
        finally {
            this.lock.unlock();
        }
    }

    void readerLeft() {
        this.lock.lock();
        try {
            this.readers--;
            this.since = System.nanoTime();
        }
        finally {
            this.lock.unlock();
        }
    }

    /** Running, and nobody has read it for longer than {@code after}. */
    boolean abandoned(Duration after) {
        this.lock.lock();
        try {
            return this.end == null && this.readers == 0 && System.nanoTime() - this.since > after.toNanos();
        }
        finally {
            this.lock.unlock();
        }
    }

    /** Ended longer ago than {@code retention}. */
    boolean expired(Duration retention) {
        this.lock.lock();
        try {
            return this.end != null && System.nanoTime() - this.since > retention.toNanos();
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
            String text = this.tokens.stream().map(Token::text).collect(Collectors.joining());
            return (this.end != null)
                    ? new ReplyStatus(this.id, ReplyStatus.State.ENDED, this.tokens.size(), text, this.end.finishReason())
                    : new ReplyStatus(this.id, ReplyStatus.State.RUNNING, this.tokens.size(), text, null);
        }
        finally {
            this.lock.unlock();
        }
    }
}
