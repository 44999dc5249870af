package com.example.kit.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * A real WebSocket client for the chat's {@code /ws/chat}: the JDK's
 * {@link java.net.http.WebSocket} (RFC 6455; it sends no {@code Origin}, as a non-browser
 * client does). Text frames are queued as they arrive, each parsed as JSON, so a test reads
 * them in order, with a timeout.
 */
public final class ChatSocket implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();

    /** The close code the server sent (or -1 when the connection failed), once it has closed. */
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();

    /** How many pings the server has sent (the JDK's client answers each with a pong by itself). */
    private final AtomicInteger pings = new AtomicInteger();

    private WebSocket socket;

    private ChatSocket() {
    }

    /** A text frame the server sent, parsed, with the time it arrived ({@link System#nanoTime()}). */
    public record Frame(String text, JsonNode json, long arrivedNanos) {

        public String type() {
            return this.json.path("type").asString();
        }

        /** The frame's {@code id}, or null when it is null or missing. */
        public String id() {
            JsonNode id = this.json.path("id");
            return id.isString() ? id.asString() : null;
        }

        @Override
        public String toString() {
            return this.text;
        }
    }

    /** The handshake was refused: the server answered {@code status} instead of 101. */
    public static final class HandshakeRefusedException extends RuntimeException {

        private final int status;

        HandshakeRefusedException(String path, int status) {
            super("The WebSocket handshake at " + path + " was answered " + status + ", not 101 Switching Protocols");
            this.status = status;
        }

        public int status() {
            return this.status;
        }
    }

    /**
     * Opens a socket to {@code ws://localhost:port/path}.
     *
     * @throws HandshakeRefusedException when the server does not switch protocols
     */
    public static ChatSocket open(int port, String path) {
        ChatSocket chat = new ChatSocket();
        try {
            chat.socket = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create("ws://localhost:" + port + path), chat.new Listener())
                    .get(20, TimeUnit.SECONDS);
            return chat;
        }
        catch (ExecutionException | CompletionException ex) {
            if (ex.getCause() instanceof WebSocketHandshakeException refused) {
                throw new HandshakeRefusedException(path, refused.getResponse().statusCode());
            }
            throw new IllegalStateException("Could not open a WebSocket at " + path, ex.getCause());
        }
        catch (TimeoutException ex) {
            throw new IllegalStateException("The WebSocket handshake at " + path + " did not end within 20 s", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", ex);
        }
    }

    /** Sends a text frame, as it is: JSON or not. */
    public void send(String text) {
        this.socket.sendText(text, true).join();
    }

    /** Sends a binary frame, which the chat does not read. */
    public void sendBinary(byte[] bytes) {
        this.socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /** How many pings the server has sent so far. */
    public int pings() {
        return this.pings.get();
    }

    /** Sends {@code {"type":"prompt","prompt":...,"ref":...}}, without {@code ref} when it is null. */
    public void prompt(String prompt, String ref) {
        Map<String, String> frame = new LinkedHashMap<>();
        frame.put("type", "prompt");
        frame.put("prompt", prompt);
        if (ref != null) {
            frame.put("ref", ref);
        }
        send(Json.write(frame));
    }

    /** The next frame, waiting at most {@code timeout}; null if none came by then. */
    public Frame next(Duration timeout) {
        try {
            return this.frames.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", ex);
        }
    }

    /**
     * The frames from now until the first that {@code last} accepts, that one included; if
     * none does within {@code timeout} (in all), the frames that came meanwhile.
     */
    public List<Frame> readUntil(Predicate<Frame> last, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Frame> read = new ArrayList<>();
        while (true) {
            Frame frame = next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (frame == null) {
                return read;
            }
            read.add(frame);
            if (last.test(frame)) {
                return read;
            }
        }
    }

    /** Whether the server (or the network) has closed the connection. */
    public boolean isClosed() {
        return this.closed.isDone();
    }

    /** The close code, once closed; null if still open after {@code timeout}. */
    public Integer closeCode(Duration timeout) {
        try {
            return this.closed.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (TimeoutException ex) {
            return null;
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", ex);
        }
    }

    /** Closes the connection at once, without a close handshake: a client that has gone away. */
    public void abort() {
        this.socket.abort();
    }

    /** Closes with 1000 (normal closure), as a page that is closed does. */
    @Override
    public void close() {
        if (!this.socket.isOutputClosed()) {
            this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally((ex) -> null).join();
        }
        this.socket.abort();
    }

    /** The frame as JSON; a frame that is not JSON (a server's bug) as a missing node, so that its text still shows. */
    private static JsonNode parse(String text) {
        try {
            return Json.parse(text);
        }
        catch (RuntimeException ex) {
            return MissingNode.getInstance();
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            this.text.append(data);
            if (last) {
                String whole = this.text.toString();
                this.text.setLength(0);
                ChatSocket.this.frames.add(new Frame(whole, parse(whole), System.nanoTime()));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            ChatSocket.this.pings.incrementAndGet();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            ChatSocket.this.closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            ChatSocket.this.closed.complete(-1);
        }
    }
}
