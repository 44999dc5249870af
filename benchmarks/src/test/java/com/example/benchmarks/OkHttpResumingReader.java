package com.example.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.example.kit.test.Json;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import tools.jackson.databind.JsonNode;

/**
 * One prompt's reply over OkHttp's WebSocket client, resumed as the contract says when the
 * socket is lost: a new socket, then {@code {"type":"resume","id":...,"from":k}} with
 * {@code k} the first token it lacks. WebSocket itself has no reconnection (EventSource
 * does): this is what the page of lesson 08 does by hand, written against a client this
 * repository did not write.
 */
final class OkHttpResumingReader {

    /** {@code {"type":"prompt","prompt":"..."}} */
    private record PromptFrame(String type, String prompt) {
    }

    /** {@code {"type":"resume","id":"...","from":k}} */
    private record ResumeFrame(String type, String id, int from) {
    }

    private static final OkHttpClient CLIENT = new OkHttpClient.Builder().build();

    /** A short pause before a new socket, as the page's backoff starts. */
    private static final Executor AFTER_A_PAUSE = CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS);

    private final Request request;

    private final Map<Integer, String> tokens = new ConcurrentHashMap<>();

    private final AtomicInteger duplicates = new AtomicInteger();

    private final AtomicInteger socketsOpened = new AtomicInteger();

    private final CompletableFuture<Void> done = new CompletableFuture<>();

    private volatile String id;

    private volatile String extensions;

    private volatile WebSocket socket;

    OkHttpResumingReader(int port) {
        this.request = new Request.Builder().url("ws://127.0.0.1:" + port + "/ws/chat").build();
    }

    /** Opens the first socket and sends the prompt. */
    void prompt(String prompt) {
        open(new PromptFrame("prompt", prompt));
    }

    /** How many tokens have arrived so far. */
    int tokens() {
        return this.tokens.size();
    }

    int duplicates() {
        return this.duplicates.get();
    }

    int socketsOpened() {
        return this.socketsOpened.get();
    }

    /** {@code Sec-WebSocket-Extensions} of the first handshake, or null. */
    String extensions() {
        return this.extensions;
    }

    /** Waits for the {@code done} frame, closes the socket, and returns the tokens in seq order. */
    String awaitText(Duration timeout) throws Exception {
        try {
            this.done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        finally {
            this.socket.close(1000, null);
        }
        return IntStream.range(0, this.tokens.size()).mapToObj(this.tokens::get).collect(Collectors.joining());
    }

    private void open(Object firstFrame) {
        this.socketsOpened.incrementAndGet();
        this.socket = CLIENT.newWebSocket(this.request, new WebSocketListener() {

            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                if (OkHttpResumingReader.this.extensions == null) {
                    OkHttpResumingReader.this.extensions = response.header("Sec-WebSocket-Extensions");
                }
                webSocket.send(Json.write(firstFrame));
            }

            @Override
            public void onMessage(WebSocket webSocket, String text) {
                read(Json.parse(text));
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
                lost(failure);
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                lost(new IllegalStateException("The server closed the socket: " + code + " " + reason));
            }
        });
    }

    private void read(JsonNode frame) {
        switch (frame.path("type").asString()) {
            case "reply" -> this.id = frame.path("id").asString();
            case "token" -> {
                if (this.tokens.put(frame.path("seq").asInt(), frame.path("text").asString()) != null) {
                    this.duplicates.incrementAndGet();
                }
            }
            case "done" -> this.done.complete(null);
            default -> this.done.completeExceptionally(new IllegalStateException("Unexpected frame: " + frame));
        }
    }

    /** The socket is gone before the reply ended: resume it on a new one, from the first token missing. */
    private void lost(Throwable why) {
        if (this.done.isDone()) {
            return;
        }
        if (this.id == null) {
            this.done.completeExceptionally(new IllegalStateException("Lost the socket before the reply frame", why));
            return;
        }
        int from = this.tokens.size(); // tokens arrive in seq order on one socket: 0..from-1 are here
        CompletableFuture.runAsync(() -> open(new ResumeFrame("resume", this.id, from)), AFTER_A_PAUSE);
    }
}
