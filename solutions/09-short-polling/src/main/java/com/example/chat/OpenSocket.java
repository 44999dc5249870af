package com.example.chat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.web.socket.WebSocketSession;

/**
 * One open socket and what the server knows about it: its session, decorated so that several
 * threads can send on it; the replies streaming on it now; and when it last heard from the
 * client and last sent to it, which decide when to ping it and when it has gone quiet.
 */
final class OpenSocket {

    private final WebSocketSession session;

    /** The ids of the replies being sent on this socket now, one thread each. */
    private final Set<String> streaming = ConcurrentHashMap.newKeySet();

    private final AtomicLong lastHeard = new AtomicLong(System.nanoTime());

    private final AtomicLong lastSent = new AtomicLong(System.nanoTime());

    OpenSocket(WebSocketSession session) {
        this.session = session;
    }

    WebSocketSession session() {
        return this.session;
    }

    /** How many replies stream on this socket now. */
    int streaming() {
        return this.streaming.size();
    }

    void startStreaming(String id) {
        this.streaming.add(id);
    }

    void stopStreaming(String id) {
        this.streaming.remove(id);
    }

    boolean isStreaming(String id) {
        return this.streaming.contains(id);
    }

    /** The client sent a frame, a pong included. */
    void heard() {
        this.lastHeard.set(System.nanoTime());
    }

    /** The server sent a frame, a ping included. */
    void sent() {
        this.lastSent.set(System.nanoTime());
    }

    /** Nothing from the client for longer than {@code timeout}. */
    boolean silentFor(Duration timeout) {
        return System.nanoTime() - this.lastHeard.get() > timeout.toNanos();
    }

    /** Nothing to the client for {@code interval} or longer. */
    boolean idleFor(Duration interval) {
        return System.nanoTime() - this.lastSent.get() >= interval.toNanos();
    }
}
