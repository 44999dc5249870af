package com.example.chat;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a reply ended. On the wire it is written in lower case: {@code "stop"},
 * {@code "cancelled"} or {@code "error"}.
 */
enum FinishReason {

    /** The model finished the reply. */
    STOP,

    /** Someone stopped the reply before the model finished it (lesson 05). */
    CANCELLED,

    /** The model failed in the middle of the reply. */
    ERROR;

    /** The name JSON uses for it, e.g. {@code "stop"}. */
    @JsonValue
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
