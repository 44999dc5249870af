package com.example.chat;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * The data of the events a reply's stream sends, written as JSON.
 */
final class ReplyEvents {

    private ReplyEvents() {
    }

    /** {@code event: token}: the token number {@code seq} of the reply. */
    record Token(int seq, String text) {
    }

    /** {@code event: done}: the reply has ended. */
    record Done(String finishReason, int tokens) {
    }

    /** {@code event: error}: the model failed; the reply ends here. */
    record Error(String message) {
    }

    /** Event {@code seq} of a reply's log as a Server-Sent Event, with {@code seq} as its id. */
    static SseEventBuilder toSse(int seq, Object event) {
        SseEventBuilder sse = SseEmitter.event().id(String.valueOf(seq));
        return switch (event) {
            case String text -> sse.name("token").data(new Token(seq, text));
            case Reply.End end when "error".equals(end.finishReason()) -> sse.name("error").data(new Error(end.message()));
            case Reply.End end -> sse.name("done").data(new Done(end.finishReason(), end.tokens()));
            default -> throw new IllegalArgumentException("Not an event of a reply: " + event);
        };
    }
}
