package com.example.chat;

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
}
