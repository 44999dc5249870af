package com.example.kit.model;

/**
 * The model failed in the middle of a reply, after some tokens were produced (the
 * {@code /fail N} prompt does it on purpose). Thrown by the iteration of
 * {@link ChatModel#tokens(String)}.
 */
public class ModelFailedException extends RuntimeException {

    public ModelFailedException(String message) {
        super(message);
    }
}
