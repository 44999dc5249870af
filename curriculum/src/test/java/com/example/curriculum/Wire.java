package com.example.curriculum;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule 4 of the convention: a wire block (an event stream or an HTTP exchange shown in a
 * text or a slide) is exactly what the solution sends, as {@code curl -N} (or
 * {@code curl -i}) prints it. A marker before the block says which request produced it:
 *
 * <pre>{@code
 * <!-- wire 02: POST /api/replies {"prompt":"/count 2"} then GET /api/replies/{id}/stream -->
 * }</pre>
 *
 * in markdown (an HTML comment on the line before the fence, invisible when rendered), and
 * {@code <pre data-wire='02: POST ... then GET ...'>} in the slides. The grammar, in full:
 *
 * <pre>
 * marker  = "wire " NN [" --name=value"]... ": " step [" then " step]...
 * step    = ["-i "] METHOD " " PATH [" Name:value"]... [" " JSON]
 * </pre>
 *
 * NN is the solution whose wire it is; {@code --name=value} are Spring properties for its
 * server (besides the small model delays every server gets); the block shows the response
 * to the last step; {@code {id}} in a path or header is the id of the reply an earlier step
 * created; {@code Name:value} (no space) is a request header; {@code -i} shows the status
 * line and headers before the body, as {@code curl -i}.
 *
 * <p>In the block, lines starting with {@code $ } (and their {@code \}-continuations) at the
 * top are the command, not compared; a line {@code ...} stands for any number of lines (it
 * may go on with words that say what it leaves out: {@code ... then the other tokens});
 * {@code ID}, {@code <id>}, {@code {id}}, {@code <uuid>}, {@code ...} within a line stand for
 * an id, and {@code <date>} for a date. Trailing white space and blank lines at the end are
 * not compared. With {@code -i}, the headers shown must be among those sent (any order):
 * a text shows the ones that matter.
 */
final class Wire {

    /** A line of an event stream or of an HTTP response head: what makes a block a wire block. */
    static final Pattern WIRE_LINE = Pattern.compile("^(?:(?:id|event|data|retry):|HTTP/\\d(?:\\.\\d)? \\d{3}).*");

    private static final Pattern MARKER = Pattern.compile("wire\\s+(\\d\\d)((?:\\s+--[\\w.-]+=\\S*)*)\\s*:\\s+(.+)",
            Pattern.DOTALL);

    private static final Pattern HEADER = Pattern.compile("([A-Za-z][A-Za-z0-9-]*):(\\S+)");

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\.\\.\\.|…|<uuid>|\\bUUID\\b|<id>|\\{id}|\\bID\\b|<date>|\\bDATE\\b");

    private static final String ID = "[A-Za-z0-9_-]+";

    private static final Pattern GAP = Pattern.compile("(?:\\.\\.\\.|…)(?:\\s.*)?");

    /** A request of a marker. */
    record Step(boolean showHeaders, String method, String path, Map<String, String> headers, Optional<String> body) {
    }

    /** What a marker says: the solution, its server's properties, and the requests. */
    record Marker(String lesson, Map<String, String> properties, List<Step> steps) {

        Step shown() {
            return this.steps.getLast();
        }
    }

    /** A block to check: where it is, its marker's text (if it has one), and its lines. */
    record Block(Path file, int line, Optional<String> marker, List<String> lines) {

        String where() {
            return "the wire block at line " + this.line;
        }
    }

    /** What the server answered: what {@code curl -i} prints, split. */
    record Exchange(int status, List<Map.Entry<String, String>> headers, String body) {

        String statusLine() {
            return "HTTP/1.1 " + this.status;
        }

        /** As {@code curl -i} prints it ({@code showHeaders}) or {@code curl -N}. */
        String printed(boolean showHeaders) {
            if (!showHeaders) {
                return this.body;
            }
            StringBuilder text = new StringBuilder(statusLine()).append('\n');
            this.headers.forEach((header) -> text.append(header.getKey()).append(": ").append(header.getValue()).append('\n'));
            return text.append('\n').append(this.body).toString();
        }
    }

    private Wire() {
    }

    /** Whether a block's lines look like a wire block: it then needs a marker. */
    static boolean looksLikeWire(List<String> lines) {
        return lines.stream().anyMatch((line) -> WIRE_LINE.matcher(line.strip()).matches());
    }

    /** The marker a comment or attribute holds, or why it is not one. */
    static Marker parse(String text) {
        Matcher marker = MARKER.matcher(text.strip());
        if (!marker.matches()) {
            throw new IllegalArgumentException("\"" + text.strip() + "\" is not a wire marker: write "
                    + "\"wire NN: METHOD PATH [Name:value]... [JSON] [then ...]\"");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (String property : marker.group(2).strip().split("\\s+")) {
            if (!property.isEmpty()) {
                int equals = property.indexOf('=');
                properties.put(property.substring(2, equals), property.substring(equals + 1));
            }
        }
        List<Step> steps = new ArrayList<>();
        for (String step : marker.group(3).strip().split("\\s+then\\s+")) {
            steps.add(step(step.strip()));
        }
        return new Marker(marker.group(1), properties, steps);
    }

    private static Step step(String text) {
        boolean showHeaders = text.startsWith("-i ");
        String rest = showHeaders ? text.substring(3).strip() : text;
        Optional<String> body = Optional.empty();
        int json = rest.indexOf('{', rest.indexOf(' ') + 1);
        // "{" starts the body only as a token of its own, not in a path like /api/replies/{id}.
        while (json > 0 && rest.charAt(json - 1) != ' ') {
            json = rest.indexOf('{', json + 1);
        }
        if (json > 0) {
            body = Optional.of(rest.substring(json).strip());
            rest = rest.substring(0, json).strip();
        }
        String[] words = rest.split("\\s+");
        if (words.length < 2 || !words[0].matches("GET|POST|PUT|DELETE|PATCH|HEAD") || !words[1].startsWith("/")) {
            throw new IllegalArgumentException("\"" + text + "\" is not a step: write \"METHOD /path [Name:value]... [JSON]\"");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 2; i < words.length; i++) {
            Matcher header = HEADER.matcher(words[i]);
            if (!header.matches()) {
                throw new IllegalArgumentException("\"" + words[i] + "\" in \"" + text
                        + "\" is not a header: write Name:value, without a space");
            }
            headers.put(header.group(1), header.group(2));
        }
        return new Step(showHeaders, words[0], words[1], headers, body);
    }

    /**
     * Compares what a block shows with what was sent; empty when they agree, else the first
     * difference, with the text to show instead.
     */
    static Optional<String> compare(List<String> shownLines, Exchange exchange, boolean showHeaders) {
        List<String> shown = trim(withoutCommand(shownLines));
        List<String> sent = trim(exchange.printed(showHeaders).lines().toList());
        if (showHeaders) {
            if (shown.isEmpty() || !line(shown.get(0)).matcher(sent.get(0)).matches()) {
                return Optional.of("its first line is \"" + (shown.isEmpty() ? "" : shown.get(0)) + "\", but the status line sent is \""
                        + sent.get(0) + "\" (Tomcat sends no reason phrase)" + seeWhatWasSent(exchange, true));
            }
            int end = shown.indexOf("");
            List<String> shownHeaders = shown.subList(1, (end < 0) ? shown.size() : end);
            for (String header : shownHeaders) {
                Pattern pattern = Pattern.compile("(?i:" + Pattern.quote(header.split(":", 2)[0]) + ")"
                        + line(header.contains(":") ? ":" + header.split(":", 2)[1] : "").pattern());
                boolean found = exchange.headers().stream()
                        .anyMatch((sentHeader) -> pattern.matcher(sentHeader.getKey() + ": " + sentHeader.getValue()).matches());
                if (!found) {
                    return Optional.of("it shows the header \"" + header + "\", which the response does not have"
                            + seeWhatWasSent(exchange, true));
                }
            }
            if (end < 0) {
                return Optional.empty(); // the status line and headers only
            }
            shown = trim(shown.subList(end + 1, shown.size()));
            sent = trim(exchange.body().lines().toList());
        }
        Optional<String> difference = difference(shown, sent, showHeaders ? "of the body" : "of the block");
        return difference.map((what) -> what + seeWhatWasSent(exchange, showHeaders));
    }

    /** The block's lines without the command at its top ({@code $ ...} lines and their continuations). */
    static List<String> withoutCommand(List<String> lines) {
        int first = 0;
        boolean continued = false;
        while (first < lines.size() && (lines.get(first).startsWith("$ ") || continued || lines.get(first).isBlank())) {
            continued = lines.get(first).stripTrailing().endsWith("\\");
            first++;
        }
        return lines.subList(first, lines.size());
    }

    /** The first line where {@code shown} (with its {@code ...} gaps) stops matching {@code sent}. */
    private static Optional<String> difference(List<String> shown, List<String> sent, String part) {
        if (matches(shown, 0, sent, 0)) {
            return Optional.empty();
        }
        int s = 0;
        int a = 0;
        while (s < shown.size() && a < sent.size()) {
            if (isGap(shown.get(s))) {
                s++;
                if (s == shown.size()) {
                    return Optional.empty();
                }
                while (a < sent.size() && !line(shown.get(s)).matcher(sent.get(a)).matches()) {
                    a++;
                }
                if (a == sent.size()) {
                    break;
                }
                continue;
            }
            if (!line(shown.get(s)).matcher(sent.get(a)).matches()) {
                return Optional.of("line " + (s + 1) + " " + part + " shows \"" + shown.get(s) + "\", but the solution sent \""
                        + sent.get(a) + "\"");
            }
            s++;
            a++;
        }
        if (s < shown.size()) {
            return Optional.of("the block shows \"" + shown.get(s) + "\" (its line " + (s + 1) + ") where the solution sent no more");
        }
        return Optional.of("the solution sent more after the block's last line: \"" + sent.get(a)
                + "\" (end the block with a line \"...\" to show only the start)");
    }

    private static boolean matches(List<String> shown, int s, List<String> sent, int a) {
        if (s == shown.size()) {
            return a == sent.size();
        }
        if (isGap(shown.get(s))) {
            for (int next = a; next <= sent.size(); next++) {
                if (matches(shown, s + 1, sent, next)) {
                    return true;
                }
            }
            return false;
        }
        return a < sent.size() && line(shown.get(s)).matcher(sent.get(a)).matches() && matches(shown, s + 1, sent, a + 1);
    }

    /** A line {@code ...} (or {@code …}), maybe followed by words that say what it leaves out. */
    private static boolean isGap(String line) {
        return GAP.matcher(line.strip()).matches();
    }

    /** A shown line as a pattern: literal, but for its placeholders. */
    static Pattern line(String shown) {
        StringBuilder regex = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(shown);
        int from = 0;
        while (placeholder.find()) {
            regex.append(Pattern.quote(shown.substring(from, placeholder.start())));
            regex.append(switch (placeholder.group()) {
                case "...", "…" -> ".*?";
                case "<date>", "DATE" -> ".+?";
                default -> ID;
            });
            from = placeholder.end();
        }
        regex.append(Pattern.quote(shown.substring(from)));
        return Pattern.compile(regex.toString());
    }

    private static List<String> trim(List<String> lines) {
        List<String> trimmed = new ArrayList<>(lines.stream().map(String::stripTrailing).toList());
        while (!trimmed.isEmpty() && trimmed.getLast().isEmpty()) {
            trimmed.removeLast();
        }
        while (!trimmed.isEmpty() && trimmed.getFirst().isEmpty()) {
            trimmed.removeFirst();
        }
        return trimmed;
    }

    private static String seeWhatWasSent(Exchange exchange, boolean showHeaders) {
        List<String> lines = exchange.printed(showHeaders).lines().toList();
        List<String> start = lines.subList(0, Math.min(lines.size(), 24));
        return "; the solution sent" + (lines.size() > start.size() ? " (first 24 lines)" : "") + ":\n        "
                + String.join("\n        ", start);
    }
}
