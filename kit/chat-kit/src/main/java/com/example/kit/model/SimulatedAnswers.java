package com.example.kit.model;

import java.util.List;
import java.util.Locale;

/**
 * The simulated model's answers to ordinary prompts: a little about the workshop's
 * transports, and otherwise readable filler chosen by the prompt's hash, so the same
 * prompt always gets the same answer.
 */
final class SimulatedAnswers {

    private static final String SSE = "Server-Sent Events keep one HTTP response open and write each "
            + "token as an event. The browser's EventSource reconnects by itself and sends "
            + "Last-Event-ID, so the server can resume where the stream broke. That is why chat "
            + "sites stream their replies over SSE.";

    private static final String WEBSOCKET = "A WebSocket is a full-duplex connection upgraded "
            + "from HTTP. Both sides can send frames at any time, which suits games and "
            + "collaboration. For a reply that flows one way, it brings its own protocol to "
            + "design: framing, resuming, errors and origin checks.";

    private static final String LONG_POLLING = "Long polling asks the server for new tokens and "
            + "waits until there are some. Each answer ends the request, so the client asks "
            + "again at once. It works through any proxy, at the cost of one request per batch.";

    private static final String SHORT_POLLING = "Short polling asks the server for new tokens "
            + "every so often and gets an answer at once, often an empty one. It is the simplest "
            + "transport, and the slowest to show a token.";

    private static final String GREETING = "Hello! Ask me about Server-Sent Events, WebSocket or "
            + "polling, or try /count 20, /echo some text, or /fail 3.";

    private static final List<String> FILLER = List.of(
            "That is a good question.",
            "Let me think about it step by step.",
            "A streaming reply shows its first words long before its last.",
            "Each token travels as soon as the model produces it.",
            "The answer depends on what you measure.",
            "Latency is the time to the first token; throughput is tokens per second.",
            "A connection that stays open costs little while it waits.",
            "Proxies and load balancers decide how long a quiet connection may live.",
            "Measure before you believe a rule of thumb.",
            "In short: it depends, and now you know on what.");

    private SimulatedAnswers() {
    }

    static String answer(String prompt) {
        String text = prompt.toLowerCase(Locale.ROOT);
        if (text.contains("websocket")) {
            return WEBSOCKET;
        }
        if (text.contains("long poll")) {
            return LONG_POLLING;
        }
        if (text.contains("poll")) {
            return SHORT_POLLING;
        }
        if (text.contains("sse") || text.contains("server-sent") || text.contains("eventsource")) {
            return SSE;
        }
        if (text.strip().matches("(hello|hi|hey)\\b.*")) {
            return GREETING;
        }
        return filler(prompt.hashCode());
    }

    private static String filler(int seed) {
        int start = Math.floorMod(seed, FILLER.size());
        int count = 3 + Math.floorMod(seed >>> 8, 3);
        StringBuilder answer = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                answer.append(' ');
            }
            answer.append(FILLER.get((start + i) % FILLER.size()));
        }
        return answer.toString();
    }
}
