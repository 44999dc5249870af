package com.example.kit.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into tokens as GPT models roughly do: each token is a word with the
 * whitespace before it, so the tokens concatenate back to the text exactly.
 */
public final class Tokens {

    /** Whitespace, then a word; or whitespace alone at the very end. */
    private static final Pattern TOKEN = Pattern.compile("\\s*\\S+|\\s+");

    private Tokens() {
    }

    public static List<String> split(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }
}
