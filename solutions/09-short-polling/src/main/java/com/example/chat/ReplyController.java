package com.example.chat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Replies over HTTP: create one, see how it stands, cancel it, and stream it with
 * Server-Sent Events, from the start or, after a lost connection, from where the client
 * stopped. A stream sends a heartbeat while no token is due, ends after
 * {@code chat.sse.timeout} (the client resumes), and is counted in {@code chat.streams.active}.
 */
@RestController
class ReplyController {

    private static final Logger logger = LoggerFactory.getLogger(ReplyController.class);

    /** How long EventSource waits before it reconnects, sent first on every stream. */
    static final Duration RETRY = Duration.ofSeconds(1);

    private final Replies replies;

    private final Duration heartbeat;

    private final Duration timeout;

    /** The meters of streams opened with GET (EventSource: "sse") and with POST ("fetch"). */
    private final StreamMeters sse;

    private final StreamMeters fetch;

    ReplyController(Replies replies, MeterRegistry meters, @Value("${chat.sse.heartbeat:15s}") Duration heartbeat,
            @Value("${chat.sse.timeout:5m}") Duration timeout) {
        this.replies = replies;
        this.heartbeat = heartbeat;
        this.timeout = timeout;
        this.sse = StreamMeters.register(meters, "sse");
        this.fetch = StreamMeters.register(meters, "fetch");
    }

    @PostMapping(path = "/api/replies", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReplyCreated> create(@RequestBody ChatRequest request) {
        Reply reply = this.replies.start(request.prompt());
        return ResponseEntity.created(URI.create("/api/replies/" + reply.id()))
                .body(new ReplyCreated(reply.id(), "/api/replies/" + reply.id() + "/stream"));
    }

    /**
     * The chat as ChatGPT streams it: one POST with the prompt, answered with the reply's
     * stream, which starts with a "reply" event naming the reply, so that a client that
     * loses this response can resume with {@code GET /api/replies/{id}/stream}.
     * (A POST that accepts JSON gets the whole reply from ChatController, as in lesson 01.)
     */
    @PostMapping(path = "/api/chat", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> chat(@RequestBody ChatRequest request) {
        Reply reply = this.replies.start(request.prompt());
        SseEmitter emitter = newEmitter();
        SseEmitter.SseEventBuilder first = SseEmitter.event().name("reply")
                .data(new ReplyCreated(reply.id(), "/api/replies/" + reply.id() + "/stream"));
        Thread.startVirtualThread(() -> send(reply, 0, emitter, first, this.fetch));
        return streaming(emitter);
    }

    @GetMapping(path = "/api/replies/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ReplyStatus status(@PathVariable String id) {
        return find(id).status();
    }

    /** Cancels a running reply: it ends with finishReason "cancelled"; 409 if it has ended. */
    @PostMapping("/api/replies/{id}/cancel")
    ResponseEntity<Void> cancel(@PathVariable String id) {
        if (!find(id).end(FinishReason.CANCELLED, null)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Reply " + id + " has already ended.");
        }
        return ResponseEntity.accepted().build();
    }

    /**
     * Streams the reply's events after {@code Last-Event-ID} (the header EventSource sends
     * when it reconnects, or the {@code lastEventId} parameter), or all of them.
     */
    @GetMapping(path = "/api/replies/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> stream(@PathVariable String id,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
            @RequestParam(name = "lastEventId", required = false) String lastEventIdParameter) {
        Reply reply = find(id);
        String lastEventId = (lastEventIdHeader != null) ? lastEventIdHeader : lastEventIdParameter;
        long from = (lastEventId != null) ? eventAfter(reply, lastEventId) : 0;
        if (reply.ended() && from >= reply.eventCount()) {
            // Nothing left to send: 204 tells EventSource to stop reconnecting.
            return ResponseEntity.noContent().build();
        }
        SseEmitter emitter = newEmitter();
        Thread.startVirtualThread(() -> send(reply, (int) from, emitter, null, this.sse));
        return streaming(emitter);
    }

    private SseEmitter newEmitter() {
        SseEmitter emitter = new SseEmitter(this.timeout.toMillis());
        // At the timeout, end the stream quietly: the client reconnects and resumes.
        emitter.onTimeout(emitter::complete);
        return emitter;
    }

    /**
     * Sends the reply's events from {@code from} on, as the model produces them, after
     * {@code first} if there is one, counting them in the transport's meters.
     */
    private void send(Reply reply, int from, SseEmitter emitter, SseEmitter.SseEventBuilder first,
            StreamMeters meters) {
        int seq = from;
        reply.readerCame();
        meters.openStreams().incrementAndGet();
        try {
            emitter.send(SseEmitter.event().reconnectTime(RETRY.toMillis()));
            if (first != null) {
                emitter.send(first);
            }
            while (true) {
                Reply.Event event = reply.await(seq, this.heartbeat);
                if (event == null) {
                    // No token for a while: a comment keeps proxies from closing the
                    // connection, and finds out whether the client is still there.
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                    continue;
                }
                emitter.send(ReplyEvents.toSse(event));
                if (event instanceof Reply.End) {
                    break;
                }
                meters.tokensSent().increment();
                seq++;
            }
            emitter.complete();
        }
        catch (IOException ex) {
            // The client went away (Spring says so with an IOException): not an error. The
            // reply goes on, and the client may resume it.
            logger.info("Stream of reply {} closed at event {}: the client went away.", reply.id(), seq);
        }
        catch (RuntimeException ex) {
            if (streamHadEnded(ex)) {
                logger.info("Stream of reply {} closed at event {}: the stream had ended "
                        + "(it timed out, or the server is stopping).", reply.id(), seq);
            }
            else {
                // A bug, such as an event that cannot be written: say so, with its cause, and
                // end the response (completeWithError would have Spring log it twice more).
                logger.error("Stream of reply {} failed at event {}.", reply.id(), seq, ex);
                emitter.complete();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        finally {
            meters.openStreams().decrementAndGet();
            reply.readerLeft();
        }
    }

    /**
     * Whether a send failed only because the stream had ended already (it timed out, or the
     * server is stopping): SseEmitter then throws an IllegalStateException of its own, while
     * it wraps any other failure, such as an event it cannot write, with that failure as the cause.
     */
    private static boolean streamHadEnded(RuntimeException ex) {
        return ex instanceof IllegalStateException && ex.getCause() == null;
    }

    /**
     * A stream's response: never cached, and never buffered by a proxy such as nginx
     * ({@code X-Accel-Buffering: no}), which would otherwise hold the tokens back.
     */
    private static ResponseEntity<SseEmitter> streaming(SseEmitter emitter) {
        return ResponseEntity.ok().header("Cache-Control", "no-cache").header("X-Accel-Buffering", "no").body(emitter);
    }

    /** The first event to send after {@code lastEventId}; 400 if that id is not one of the reply's events. */
    private static long eventAfter(Reply reply, String lastEventId) {
        if (!lastEventId.matches("[0-9]+")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Last-Event-ID must be the id of an event, "
                    + "a whole number from 0; '" + lastEventId + "' is not.");
        }
        long last = (lastEventId.length() > 18) ? Long.MAX_VALUE - 1 : Long.parseLong(lastEventId);
        if (!reply.ended() && last >= reply.eventCount()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Reply " + reply.id() + " has no event "
                    + last + " yet: it has produced " + reply.eventCount() + ".");
        }
        return last + 1;
    }

    private Reply find(String id) {
        return this.replies.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "There is no reply with the id '" + id + "'."));
    }
}
