package com.example.kit.model;

/**
 * The checks every prompt passes before any generation starts.
 */
public final class PromptValidator {

    private final int maxChars;

    public PromptValidator(int maxChars) {
        this.maxChars = maxChars;
    }

    /**
     * @throws BadPromptException if the prompt is missing, blank or holds a lone surrogate
     * @throws PromptTooLongException if it has more than {@code maxChars} code points
     */
    public void validate(String prompt) {
        if (prompt == null) {
            throw new BadPromptException("The prompt is missing: send {\"prompt\": \"your question\"}.");
        }
        if (prompt.isBlank()) {
            throw new BadPromptException("The prompt is blank: write something to ask.");
        }
        if (hasLoneSurrogate(prompt)) {
            throw new BadPromptException("The prompt holds a lone surrogate, which is not a Unicode character.");
        }
        int length = prompt.codePointCount(0, prompt.length());
        if (length > maxChars) {
            throw new PromptTooLongException(length, maxChars);
        }
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a valid pair
            }
            else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
