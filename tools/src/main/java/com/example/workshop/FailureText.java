package com.example.workshop;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * A failure's message, as a learner reads it: sentences, whole. The lessons' checks fail
 * with a sentence that says what was measured, in its units, against what, and which TODO
 * fixes it; a starter's stub answers "TODO-01 is not done yet: ...", often inside the
 * server's JSON, and that sentence alone says it best. Lines are never cut in the middle of
 * a sentence; only a value longer than any sentence (a whole response body, say) is cut,
 * and what was left out is counted.
 */
final class FailureText {

    /** Longer than any sentence the checks write; a longer line is a dump of some value. */
    static final int LONGEST_LINE = 400;

    static final int MOST_LINES = 8;

    private FailureText() {
    }

    /** @param rest where the whole message is, for a message too long to show whole */
    static List<String> lines(String message, String rest) {
        Matcher stub = Todos.NOT_DONE.matcher(message);
        if (stub.find()) {
            return List.of(sentenceFrom(message, stub.start()));
        }
        List<String> lines = message.lines().map(String::strip).filter((line) -> !line.isEmpty())
                .collect(Collectors.toCollection(ArrayList::new));
        if (lines.isEmpty()) {
            return List.of("(the check gave no message)");
        }
        // AssertJ puts a check's own description first, in brackets: "[the reply's text] ".
        String first = lines.get(0);
        if (first.startsWith("[") && first.endsWith("]")) {
            lines.set(0, first.substring(1, first.length() - 1).strip());
        }
        List<String> shown = new ArrayList<>();
        for (String line : lines.subList(0, Math.min(lines.size(), MOST_LINES))) {
            shown.add(cut(line));
        }
        if (lines.size() > MOST_LINES) {
            shown.add("... (" + (lines.size() - MOST_LINES) + " more lines, in " + rest + ")");
        }
        return shown;
    }

    /**
     * The sentence that starts at {@code start}, to its end: a full stop followed by a quote
     * (it was quoted, in JSON or in the page's text) or by the end of the line. Quotes inside
     * it (escaped in JSON: {@code set finishReason to \"error\".}) are kept. A sentence with
     * no full stop ends at the first quote.
     */
    static String sentenceFrom(String message, int start) {
        String line = message.substring(start).lines().findFirst().orElse("");
        int end = -1;
        for (int i = 1; i < line.length() && end < 0; i++) {
            if (".!?".indexOf(line.charAt(i - 1)) >= 0 && quoteAt(line, i)) {
                end = i;
            }
        }
        for (int i = 0; i < line.length() && end < 0; i++) {
            if (quoteAt(line, i)) {
                end = i;
            }
        }
        return (end < 0 ? line : line.substring(0, end)).replace("\\\"", "\"").strip();
    }

    private static boolean quoteAt(String text, int i) {
        char c = text.charAt(i);
        return c == '"' || c == '\'' || (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '"');
    }

    static String cut(String line) {
        if (line.length() <= LONGEST_LINE) {
            return line;
        }
        int end = line.lastIndexOf(' ', LONGEST_LINE);
        end = end < LONGEST_LINE / 2 ? LONGEST_LINE : end;
        return line.substring(0, end) + " ... (" + (line.length() - end) + " more characters)";
    }
}
