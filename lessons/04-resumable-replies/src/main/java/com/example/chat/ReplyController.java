package com.example.chat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import com.example.kit.TodoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * Replies over HTTP: create one, see how it stands, and stream it with Server-Sent
 * Events, from the start or, after a lost connection, from where the client stopped.
 */
@RestController
class ReplyController {

    private static final Logger logger = LoggerFactory.getLogger(ReplyController.class);

    /** How long EventSource waits before it reconnects, sent first on every stream. */
    static final Duration RETRY = Duration.ofSeconds(1);

    private final Replies replies;

    ReplyController(Replies replies) {
        this.replies = replies;
    }

    @PostMapping(path = "/api/replies", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReplyCreated> create(@RequestBody ChatRequest request) {
        Reply reply = this.replies.start(request.prompt());
        return ResponseEntity.created(URI.create("/api/replies/" + reply.id()))
                .body(new ReplyCreated(reply.id(), "/api/replies/" + reply.id() + "/stream"));
    }

    @GetMapping(path = "/api/replies/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ReplyStatus status(@PathVariable String id) {
        return find(id).status();
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
        // TODO-02: resume after the last event the client has. Replace the `if` and the
        //          `long from = 0;` below with one declaration that gives `from` its value at
        //          once: eventAfter(reply, lastEventId) when there is a lastEventId, else 0.
        //          (The lambda below reads `from`, so it must be effectively final: assigning
        //          it a second time does not compile.) Then, when the reply has ended and
        //          nothing is left to send, answer 204 No Content instead of a stream.
        if (lastEventId != null) {
            throw new TodoException("TODO-02", "in ReplyController.stream, resume after the Last-Event-ID (Hint 3).");
        }
        long from = 0;
        SseEmitter emitter = new SseEmitter(0L);
        Thread.startVirtualThread(() -> send(reply, (int) from, emitter));
        return ResponseEntity.ok(emitter);
    }

    /** Sends the reply's events from {@code from} on, as the model produces them. */
    private void send(Reply reply, int from, SseEmitter emitter) {
        int seq = from;
        try {
            // TODO-03: send the retry first (SseEmitter.event().reconnectTime(RETRY.toMillis())),
            //          then the reply's events from `seq` on, each as soon as it exists
            //          (reply.await(seq)), written with ReplyEvents.toSse(event), until the
            //          reply's End; then complete the emitter. (Add a catch of
            //          InterruptedException, which reply.await throws.)
            emitter.send(ReplyEvents.toSse(new Reply.End(seq, FinishReason.ERROR,
                    "TODO-03 is not done yet: in ReplyController.send, send the retry, then the reply's events (Hint 6).")));
            emitter.complete();
        }
        catch (IOException ex) {
            // The client went away (Spring says so with an IOException): not an error. The
            // reply goes on, and the client may resume it.
            logger.info("Stream of reply {} closed at event {}: the client went away.", reply.id(), seq);
        }
        catch (RuntimeException ex) {
            if (streamHadEnded(ex)) {
                logger.info("Stream of reply {} closed at event {}: the stream had ended (the server is stopping).",
                        reply.id(), seq);
            }
            else {
                // A bug, such as an event that cannot be written: say so, with its cause, and
                // end the response (completeWithError would have Spring log it twice more).
                logger.error("Stream of reply {} failed at event {}.", reply.id(), seq, ex);
                emitter.complete();
            }
        }
    }

    /**
     * Whether a send failed only because the stream had ended already (the server is
     * stopping): SseEmitter then throws an IllegalStateException of its own, while it wraps
     * any other failure, such as an event it cannot write, with that failure as the cause.
     */
    private static boolean streamHadEnded(RuntimeException ex) {
        return ex instanceof IllegalStateException && ex.getCause() == null;
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
