package com.example.workshop;

/**
 * An expected failure (a lesson not done, no git, a port taken...): {@link Main} prints its
 * message, a sentence for the learner, without a stack trace, and exits with 1.
 */
final class Problem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    Problem(String message) {
        super(message);
    }
}
