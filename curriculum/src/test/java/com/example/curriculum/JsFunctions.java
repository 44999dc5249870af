package com.example.curriculum;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the top-level function declarations of a JavaScript file ({@code function f(...) {}},
 * {@code async function f}, {@code function* f}, optionally {@code export}ed), so that a
 * hint's JS listing can replace the starter's function of the same name.
 *
 * <p>Not a JavaScript parser: a scanner that matches brackets while skipping strings,
 * template literals (with their {@code ${...}}), comments and regular-expression literals.
 * That is enough for the whole declarations the convention allows; whether the result is
 * valid JavaScript is then checked by a real parser ({@code node --check}).
 */
final class JsFunctions {

    /** A function's name and where its declaration starts and ends ({@code end} exclusive). */
    record Function(String name, int start, int end) {
    }

    private static final Pattern DECLARATION = Pattern.compile(
            "\\G(?:export\\s+)?(?:async\\s+)?function\\s*\\*?\\s*([A-Za-z_$][\\w$]*)\\s*\\(");

    private static final Pattern IMPORT = Pattern.compile("\\Gimport\\b[^;]*;");

    private static final String REGEX_BEFORE = "(,=:[!&|?{};+-*%<>~^";

    private JsFunctions() {
    }

    /** The top-level function declarations, in order. */
    static List<Function> of(String source) {
        return scan(source, null);
    }

    /**
     * The top-level function declarations; what else the source holds at the top level
     * (besides comments, white space and {@code import} lines) is added to {@code others}.
     */
    static List<Function> scan(String source, List<String> others) {
        List<Function> functions = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            int skipped = skipTrivia(source, i);
            if (skipped != i) {
                i = skipped;
                continue;
            }
            Matcher declaration = DECLARATION.matcher(source).region(i, source.length());
            if (declaration.lookingAt() && wordStart(source, i)) {
                int parameters = declaration.end() - 1;
                int body = skipTrivia(source, matching(source, parameters) + 1);
                while (body < source.length() && source.charAt(body) != '{') {
                    body = skipTrivia(source, body + 1);
                }
                int end = matching(source, body) + 1;
                functions.add(new Function(declaration.group(1), i, end));
                i = end;
                continue;
            }
            Matcher imported = IMPORT.matcher(source).region(i, source.length());
            if (imported.lookingAt()) {
                i = imported.end();
                continue;
            }
            int statementEnd = statementEnd(source, i);
            if (others != null) {
                others.add(source.substring(i, statementEnd).strip());
            }
            i = statementEnd;
        }
        return functions;
    }

    /** Skips white space and comments from {@code i}. */
    private static int skipTrivia(String source, int i) {
        while (i < source.length()) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            }
            else if (source.startsWith("//", i)) {
                int newline = source.indexOf('\n', i);
                i = (newline < 0) ? source.length() : newline + 1;
            }
            else if (source.startsWith("/*", i)) {
                int close = source.indexOf("*/", i + 2);
                i = (close < 0) ? source.length() : close + 2;
            }
            else {
                break;
            }
        }
        return i;
    }

    /** The end of a top-level statement that is not a function: past its {@code ;}, or its line. */
    private static int statementEnd(String source, int i) {
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == ';' ) {
                return i + 1;
            }
            if (c == '\n') {
                return i + 1;
            }
            if (c == '(' || c == '[' || c == '{') {
                i = matching(source, i) + 1;
                continue;
            }
            int literal = skipLiteral(source, i);
            i = (literal > i) ? literal : i + 1;
        }
        return i;
    }

    /** The index of the bracket that closes the one at {@code open}. */
    static int matching(String source, int open) {
        if (open >= source.length()) {
            return source.length() - 1;
        }
        char opening = source.charAt(open);
        char closing = switch (opening) {
            case '(' -> ')';
            case '[' -> ']';
            case '{' -> '}';
            default -> throw new IllegalArgumentException("no bracket at " + open + ": " + opening);
        };
        int depth = 0;
        int i = open;
        while (i < source.length()) {
            int literal = skipLiteral(source, i);
            if (literal > i) {
                i = literal;
                continue;
            }
            char c = source.charAt(i);
            if (c == opening) {
                depth++;
            }
            else if (c == closing) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
            else if (c == '(' || c == '[' || c == '{') {
                i = matching(source, i) + 1;
                continue;
            }
            i++;
        }
        return source.length() - 1;
    }

    /** Past a string, template, comment or regular expression starting at {@code i}; else {@code i}. */
    private static int skipLiteral(String source, int i) {
        char c = source.charAt(i);
        if (c == '\'' || c == '"') {
            int j = i + 1;
            while (j < source.length() && source.charAt(j) != c && source.charAt(j) != '\n') {
                j += (source.charAt(j) == '\\') ? 2 : 1;
            }
            return Math.min(j + 1, source.length());
        }
        if (c == '`') {
            int j = i + 1;
            while (j < source.length() && source.charAt(j) != '`') {
                if (source.charAt(j) == '\\') {
                    j += 2;
                }
                else if (source.startsWith("${", j)) {
                    j = matching(source, j + 1) + 1;
                }
                else {
                    j++;
                }
            }
            return Math.min(j + 1, source.length());
        }
        if (source.startsWith("//", i) || source.startsWith("/*", i)) {
            return skipTrivia(source, i);
        }
        if (c == '/' && startsARegex(source, i)) {
            int j = i + 1;
            boolean inClass = false;
            while (j < source.length() && source.charAt(j) != '\n') {
                char r = source.charAt(j);
                if (r == '\\') {
                    j += 2;
                    continue;
                }
                if (r == '[') {
                    inClass = true;
                }
                else if (r == ']') {
                    inClass = false;
                }
                else if (r == '/' && !inClass) {
                    break;
                }
                j++;
            }
            return Math.min(j + 1, source.length());
        }
        return i;
    }

    /** A {@code /} starts a regular expression after an operator or a keyword, not after a value. */
    private static boolean startsARegex(String source, int i) {
        int j = i - 1;
        while (j >= 0 && Character.isWhitespace(source.charAt(j))) {
            j--;
        }
        if (j < 0) {
            return true;
        }
        char before = source.charAt(j);
        if (REGEX_BEFORE.indexOf(before) >= 0) {
            return true;
        }
        int wordEnd = j + 1;
        while (j >= 0 && Character.isLetter(source.charAt(j))) {
            j--;
        }
        String word = source.substring(j + 1, wordEnd);
        return word.equals("return") || word.equals("typeof") || word.equals("case") || word.equals("yield")
                || word.equals("await") || word.equals("of") || word.equals("in");
    }

    private static boolean wordStart(String source, int i) {
        return i == 0 || !(Character.isLetterOrDigit(source.charAt(i - 1)) || source.charAt(i - 1) == '_'
                || source.charAt(i - 1) == '$' || source.charAt(i - 1) == '.');
    }
}
