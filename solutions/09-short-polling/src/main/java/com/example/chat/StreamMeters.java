package com.example.chat;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The meters of one transport: {@code chat.streams.active} (open streams) and
 * {@code chat.tokens.sent}, both tagged {@code transport}.
 */
record StreamMeters(AtomicInteger openStreams, Counter tokensSent) {

    static StreamMeters register(MeterRegistry meters, String transport) {
        AtomicInteger openStreams = new AtomicInteger();
        Gauge.builder("chat.streams.active", openStreams, AtomicInteger::get).tag("transport", transport)
                .description("Open streaming connections").register(meters);
        Counter tokensSent = Counter.builder("chat.tokens.sent").tag("transport", transport)
                .description("Tokens sent to clients").register(meters);
        return new StreamMeters(openStreams, tokensSent);
    }
}
