package com.example.chat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A frame the server sends over the socket, as a JSON object whose {@code "type"} says which
 * kind it is. Every frame names its reply ({@code "id"}), so several replies can stream on
 * one socket at once: {@code reply} (a prompt's answer: its reply's id), then the reply's
 * {@code token}s, then its end, {@code done} or {@code error}. An error frame whose id is
 * null concerns no reply: a frame the server could not read, or a bad prompt.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = ServerFrame.ReplyFrame.class, name = "reply"),
        @JsonSubTypes.Type(value = ServerFrame.TokenFrame.class, name = "token"),
        @JsonSubTypes.Type(value = ServerFrame.DoneFrame.class, name = "done"),
        @JsonSubTypes.Type(value = ServerFrame.ErrorFrame.class, name = "error") })
sealed interface ServerFrame {

    /** {@code {"type":"reply","id":"...","ref":"..."}}: a prompt's reply has started; {@code ref} as the prompt sent it, or null. */
    record ReplyFrame(String id, String ref) implements ServerFrame {
    }

    /** {@code {"type":"token","id":"...","seq":0,"text":"Hello"}}: token {@code seq} of reply {@code id}. */
    record TokenFrame(String id, int seq, String text) implements ServerFrame {
    }

    /** {@code {"type":"done","id":"...","finishReason":"stop","tokens":2}}: the reply has ended. */
    record DoneFrame(String id, FinishReason finishReason, int tokens) implements ServerFrame {
    }

    /** {@code {"type":"error","id":"...","message":"..."}}: the reply failed, or, with id null, a frame or prompt was refused. */
    record ErrorFrame(String id, String message) implements ServerFrame {
    }

    /**
     * An event of reply {@code id}'s log as a frame. The switch covers every kind of
     * {@link Reply.Event} (the compiler checks it), so it needs no default.
     */
    static ServerFrame of(String id, Reply.Event event) {
        return switch (event) {
            case Reply.Token token -> new TokenFrame(id, token.seq(), token.text());
            case Reply.End end when end.finishReason() == FinishReason.ERROR -> new ErrorFrame(id, end.message());
            case Reply.End end -> new DoneFrame(id, end.finishReason(), end.tokens());
        };
    }
}
