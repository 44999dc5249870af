package com.example.chat;

/**
 * A text frame that is not one the server reads: not JSON, no {@code "type"}, a type it does
 * not know, a field of the wrong kind. The client gets an error frame saying so, and the
 * socket stays open.
 */
class BadFrameException extends RuntimeException {

    /** A frame the server reads, to put in messages. */
    static final String EXAMPLE = "{\"type\":\"prompt\",\"prompt\":\"your question\"}";

    BadFrameException(String message) {
        super(message);
    }
}
