package com.example.kit.model;

/**
 * A language model, as the lessons see it: a prompt in, tokens out.
 *
 * <p>The tokens of a reply concatenate to its text: the first has no leading space, the
 * later ones carry theirs ({@code "Hello"}, {@code " world"}), as GPT tokens do.
 *
 * <p>{@link #tokens(String)} checks the prompt at once and generates nothing yet: each
 * token is produced when a loop asks for it, after the model's delay. So a loop that stops
 * early (a cancelled reply, a client gone) makes the model generate no more tokens:
 * <pre>{@code
 * for (String token : model.tokens(prompt)) {
 *     send(token);
 * }
 * }</pre>
 */
public interface ChatModel {

    /**
     * Checks the prompt and returns its reply's tokens, to be generated one by one as they
     * are iterated.
     *
     * @throws BadPromptException at once (400) for a missing, blank or malformed prompt
     * @throws PromptTooLongException at once (413) for a prompt over {@code chat.prompt.max-chars}
     * @see ModelFailedException thrown by the iteration when the model fails mid-reply
     */
    Iterable<String> tokens(String prompt);
}
