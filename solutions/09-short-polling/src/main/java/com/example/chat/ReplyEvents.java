package com.example.chat;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * A reply's events as Server-Sent Events: each has its {@code seq} as its id, and its data
 * written as JSON.
 */
final class ReplyEvents {

    private ReplyEvents() {
    }

    /** {@code event:done}: the reply has ended. */
    record Done(FinishReason finishReason, int tokens) {
    }

    /** {@code event:error}: the model failed; the reply ends here. */
    record Error(String message) {
    }

    /**
     * An event of a reply's log as a Server-Sent Event. The switch covers every kind of
     * {@link Reply.Event} (the compiler checks it), so it needs no default.
     */
    static SseEventBuilder toSse(Reply.Event event) {
        SseEventBuilder sse = SseEmitter.event().id(String.valueOf(event.seq()));
        return switch (event) {
            // A token's data is the token itself: {"seq":0,"text":"Hello"}.
            case Reply.Token token -> sse.name("token").data(token);
            case Reply.End end when end.finishReason() == FinishReason.ERROR -> sse.name("error").data(new Error(end.message()));
            case Reply.End end -> sse.name("done").data(new Done(end.finishReason(), end.tokens()));
        };
    }
}
