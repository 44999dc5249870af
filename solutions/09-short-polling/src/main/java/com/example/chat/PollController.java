package com.example.chat;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Replies by polling: the client asks for the tokens from {@code from} on, and gets at once
 * those that exist now. It asks again, from the answer's {@code next}, until the answer
 * says {@code done}. Nothing stays open between two polls.
 */
@RestController
class PollController {

    private final Replies replies;

    private final Duration interval;

    /** The poll transport's meters: chat.tokens.sent{transport=poll} counts the tokens polls answer. */
    private final StreamMeters poll;

    PollController(Replies replies, MeterRegistry meters, @Value("${chat.poll.interval:500ms}") Duration interval) {
        this.replies = replies;
        this.interval = interval;
        this.poll = StreamMeters.register(meters, "poll");
    }

    /** How often the page polls: a property of the server, so the page needs no rebuild to change it. */
    @GetMapping(path = "/api/polling", produces = MediaType.APPLICATION_JSON_VALUE)
    PollingSettings settings() {
        return new PollingSettings(this.interval.toMillis());
    }

    /** A short poll: the reply's tokens from {@code from} on, answered at once. */
    @GetMapping(path = "/api/replies/{id}/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TokenBatch> tokens(@PathVariable String id, @RequestParam String from) {
        Reply reply = this.replies.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "There is no reply with the id '" + id + "'."));
        int start = cursor(reply, from);
        TokenBatch batch = TokenBatch.of(reply.id(), start, reply.tokensFrom(start));
        this.poll.tokensSent().increment(batch.tokens().size());
        // The same URL answers differently a moment later: no cache may keep an answer.
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(batch);
    }

    /**
     * The first token a poll asks for; 400 unless it is a whole number from 0 to the reply's
     * number of tokens so far (one past the latest token: the next one to come).
     */
    private static int cursor(Reply reply, String from) {
        if (!from.matches("[0-9]+")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "from must be a whole number from 0, the seq of the first token to send; '" + from + "' is not.");
        }
        int tokens = reply.tokenCount();
        // More than 9 digits is more tokens than any reply has (at most 100,000): no need to parse it.
        if (from.length() > 9 || Integer.parseInt(from) > tokens) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Reply " + reply.id() + " has " + tokens
                    + " tokens so far: from may be at most " + tokens + " (the next token), not " + from + ".");
        }
        return Integer.parseInt(from);
    }
}
