package com.example.kit.model;

import org.springframework.http.HttpStatus;

/**
 * A prompt longer than {@code chat.prompt.max-chars}: Spring MVC answers it with
 * {@code 413 Content Too Large} and a problem detail.
 */
public class PromptTooLongException extends BadPromptException {

    public PromptTooLongException(int length, int maxChars) {
        super(HttpStatus.CONTENT_TOO_LARGE, "The prompt has " + length
                + " characters; at most " + maxChars + " are allowed (chat.prompt.max-chars).");
    }
}
