package com.example.benchmarks;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.example.kit.test.Json;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * One prompt's reply over a socket opened by OkHttp's WebSocket client, a well-known client
 * this repository did not write. Unlike the JDK's, it offers {@code permessage-deflate}
 * (RFC 7692) in its handshake, as browsers do, so the server may compress its frames.
 *
 * @param extensions the extensions the server agreed to ({@code Sec-WebSocket-Extensions}), or null
 * @param tokens how many token frames came before {@code done}
 */
record OkHttpSocketReply(String extensions, long tokens) {

    /** {@code {"type":"prompt","prompt":"..."}} */
    private record PromptFrame(String type, String prompt) {
    }

    private static final OkHttpClient CLIENT = new OkHttpClient.Builder().build();

    static OkHttpSocketReply read(int port, String prompt, Duration timeout) {
        CompletableFuture<String> extensions = new CompletableFuture<>();
        CompletableFuture<Long> done = new CompletableFuture<>();
        AtomicLong tokens = new AtomicLong();
        Request request = new Request.Builder().url("ws://127.0.0.1:" + port + "/ws/chat").build();
        WebSocket socket = CLIENT.newWebSocket(request, new WebSocketListener() {

            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                extensions.complete(response.header("Sec-WebSocket-Extensions"));
                webSocket.send(Json.write(new PromptFrame("prompt", prompt)));
            }

            @Override
            public void onMessage(WebSocket webSocket, String text) {
                switch (Json.parse(text).path("type").asString()) {
                    case "token" -> tokens.incrementAndGet();
                    case "done", "error" -> done.complete(tokens.get());
                    default -> {
                        // the reply frame
                    }
                }
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
                done.completeExceptionally(failure);
            }
        });
        try {
            long read = done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new OkHttpSocketReply(extensions.getNow(null), read);
        }
        catch (Exception ex) {
            throw new IllegalStateException("OkHttp's socket did not read the reply of '" + prompt + "'", ex);
        }
        finally {
            socket.close(1000, null);
        }
    }
}
