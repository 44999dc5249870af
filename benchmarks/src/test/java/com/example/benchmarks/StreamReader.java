package com.example.benchmarks;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

import com.example.kit.test.ChatHttp;
import com.example.kit.test.EventStream;
import com.example.kit.test.Json;
import com.example.kit.test.ServerSentEvent;

/**
 * A reply read as an event stream, the two ways the contract serves one: {@code POST
 * /api/replies} then {@code GET} its stream (what EventSource needs), or one {@code POST
 * /api/chat} answered with the stream (fetch, as ChatGPT's page does; its first event,
 * {@code reply}, names the reply).
 */
final class StreamReader {

    /** How a client opens a reply's event stream. */
    interface Opener {

        EventStream open(ChatHttp http, String prompt);
    }

    private StreamReader() {
    }

    /** {@code POST /api/replies}, then {@code GET} its stream: two requests. */
    static EventStream postThenGet(ChatHttp http, String prompt) {
        return http.streamReply(prompt);
    }

    /** {@code POST /api/chat} with {@code Accept: text/event-stream}: one request. */
    static EventStream post(ChatHttp http, String prompt) {
        HttpRequest request = HttpRequest.newBuilder(http.uri("/api/chat")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(Json.object("prompt", prompt))).build();
        return http.open(request);
    }

    /** Reads the stream {@code opener} opens to its end; {@code requests}: what opening it takes. */
    static TimedReply read(ChatHttp http, String prompt, Opener opener, int requests, Duration timeout) {
        long sent = System.nanoTime();
        try (EventStream stream = opener.open(http, prompt)) {
            List<ServerSentEvent> events = stream.readToEnd(timeout);
            List<Long> tokens = events.stream().filter((event) -> "token".equals(event.event()))
                    .map(ServerSentEvent::receivedNanos).toList();
            ServerSentEvent last = events.isEmpty() ? null : events.getLast();
            String finish = (last == null) ? "none" : switch (last.event()) {
                case "done" -> last.json().path("finishReason").asString();
                case "error" -> "error";
                default -> "none";
            };
            return new TimedReply(sent, tokens, requests, finish);
        }
    }
}
