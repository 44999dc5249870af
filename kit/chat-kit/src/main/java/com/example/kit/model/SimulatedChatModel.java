package com.example.kit.model;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.function.IntFunction;

/**
 * A deterministic stand-in for a language model: offline, no keys, and the same prompt
 * gives the same tokens on every transport, so tests can compare replies exactly.
 *
 * <p>Magic prompts, for demos and tests:
 * <ul>
 * <li>{@code /count N}: the N tokens {@code 1}, {@code " 2"}, ..., {@code " N"} (1 to 100,000);
 * <li>{@code /echo TEXT}: TEXT back verbatim (everything after the first space);
 * <li>{@code /fail N}: the first N tokens of {@code /count N}, then the model fails;
 * <li>anything else: a short deterministic answer (see {@link SimulatedAnswers}).
 * </ul>
 * The first token comes after {@code firstTokenDelay}, each later one after {@code tokenDelay}.
 */
public class SimulatedChatModel implements ChatModel {

    static final int MAX_COUNT = 100_000;

    private final PromptValidator validator;

    private final Duration firstTokenDelay;

    private final Duration tokenDelay;

    public SimulatedChatModel(PromptValidator validator, Duration firstTokenDelay, Duration tokenDelay) {
        this.validator = validator;
        this.firstTokenDelay = firstTokenDelay;
        this.tokenDelay = tokenDelay;
    }

    @Override
    public Iterable<String> tokens(String prompt) {
        this.validator.validate(prompt);
        Script script = script(prompt);
        return () -> new TimedTokens(script);
    }

    /** What the model will say: {@code size} tokens, then maybe a failure. */
    private record Script(int size, IntFunction<String> token, String failure) {

        static Script of(List<String> tokens) {
            return new Script(tokens.size(), tokens::get, null);
        }
    }

    private static Script script(String prompt) {
        String command = prompt.split(" ", 2)[0];
        String argument = prompt.contains(" ") ? prompt.substring(prompt.indexOf(' ') + 1) : "";
        return switch (command) {
            case "/count" -> new Script(number("/count", argument, 1), SimulatedChatModel::countToken, null);
            case "/fail" -> {
                int n = number("/fail", argument, 0);
                yield new Script(n, SimulatedChatModel::countToken,
                        "The model failed after " + n + " tokens, as /fail " + n + " asks.");
            }
            case "/echo" -> Script.of(Tokens.split(argument));
            default -> Script.of(Tokens.split(SimulatedAnswers.answer(prompt)));
        };
    }

    private static String countToken(int index) {
        return (index == 0) ? "1" : " " + (index + 1);
    }

    private static int number(String command, String argument, int min) {
        String range = command + " takes a whole number from " + min + " to " + MAX_COUNT;
        try {
            int n = Integer.parseInt(argument.strip());
            if (n >= min && n <= MAX_COUNT) {
                return n;
            }
        }
        catch (NumberFormatException ex) {
            // reported below
        }
        throw new BadPromptException(range + ", not '" + argument + "'.");
    }

    /** Produces the script's tokens one by one, each after the model's delay. */
    private final class TimedTokens implements Iterator<String> {

        private final Script script;

        private int index;

        TimedTokens(Script script) {
            this.script = script;
        }

        @Override
        public boolean hasNext() {
            if (this.index < this.script.size()) {
                return true;
            }
            if (this.script.failure() != null) {
                pause();
                throw new ModelFailedException(this.script.failure());
            }
            return false;
        }

        @Override
        public String next() {
            if (this.index >= this.script.size()) {
                throw new NoSuchElementException();
            }
            pause();
            return this.script.token().apply(this.index++);
        }

        private void pause() {
            try {
                Thread.sleep((this.index == 0) ? firstTokenDelay : tokenDelay);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new CancellationException("The generation was interrupted.");
            }
        }
    }
}
