package com.example.curriculum;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lesson's README read as the convention needs it (see {@code curriculum/README.md}): its
 * fenced blocks, its {@code ## } sections, its {@code ### Step} headings and its hints, each
 * with the line it starts on, so that a problem can say where it is.
 *
 * <p>Markdown is read line by line, not parsed in full: a fence is a line starting with
 * three backquotes, a hint is {@code <details><summary>...</summary>} up to
 * {@code </details>}. That is all the convention uses.
 */
record LessonText(Path file, List<String> lines, List<Block> blocks, List<Heading> headings, List<Hint> hints) {

    static final Pattern TODO = Pattern.compile("TODO-(\\d+)");

    private static final Pattern FENCE = Pattern.compile("^```\\s*([\\w+-]*)\\s*$");

    private static final Pattern SUMMARY = Pattern.compile("<details>\\s*<summary>(.*?)</summary>");

    private static final Pattern COMMENT_LINE = Pattern.compile("^\\s*<!--(.*)-->\\s*$");

    /** A fenced block: its language ({@code ""} when none), its text, and where it is. */
    record Block(String language, String text, int line, int endLine, String section, Optional<String> comment) {

        /** The block's lines, without the fences. */
        List<String> lines() {
            return this.text.lines().toList();
        }
    }

    /** A {@code ## } or {@code ### } heading. */
    record Heading(int level, String text, int line) {
    }

    /** A hint: its summary (as written, HTML included), its line, and the blocks it holds. */
    record Hint(String summary, int line, int endLine, List<Block> blocks) {

        /** The TODO its summary names in {@code (TODO-0K)}, if it does. */
        Optional<String> todo() {
            Matcher named = Pattern.compile("\\((TODO-\\d+)\\)").matcher(this.summary);
            return named.find() ? Optional.of(named.group(1)) : Optional.empty();
        }
    }

    static LessonText read(Path file) {
        return parse(file, Files2.read(file));
    }

    static LessonText parse(Path file, String text) {
        List<String> lines = text.lines().toList();
        List<Block> blocks = new ArrayList<>();
        List<Heading> headings = new ArrayList<>();
        String section = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher fence = FENCE.matcher(line);
            if (fence.matches()) {
                int start = i;
                StringBuilder body = new StringBuilder();
                for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                    body.append(lines.get(i)).append('\n');
                }
                blocks.add(new Block(fence.group(1), body.toString(), start + 1, i + 1, section,
                        commentBefore(lines, start)));
                continue;
            }
            if (line.startsWith("## ")) {
                section = line.strip();
                headings.add(new Heading(2, line.substring(3).strip(), i + 1));
            }
            else if (line.startsWith("### ")) {
                headings.add(new Heading(3, line.substring(4).strip(), i + 1));
            }
        }
        List<Hint> hints = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher summary = SUMMARY.matcher(lines.get(i));
            if (!summary.find() || insideBlock(blocks, i + 1)) {
                continue;
            }
            int start = i + 1;
            int end = start;
            while (end <= lines.size() && !(lines.get(end - 1).contains("</details>") && !insideBlock(blocks, end))) {
                end++;
            }
            int last = end;
            List<Block> inside = blocks.stream().filter((block) -> block.line() > start && block.line() < last).toList();
            hints.add(new Hint(summary.group(1).strip(), start, end, inside));
        }
        return new LessonText(file, lines, List.copyOf(blocks), List.copyOf(headings), List.copyOf(hints));
    }

    /** The blocks inside {@code ## Steps} (up to the next {@code ## } heading). */
    List<Block> stepBlocks() {
        return this.blocks.stream().filter((block) -> block.section().equals("## Steps")).toList();
    }

    /** The TODOs the hints name, in the order of their number. */
    List<Hint> hintsOf(String todo) {
        return this.hints.stream().filter((hint) -> hint.todo().filter(todo::equals).isPresent()).toList();
    }

    private static boolean insideBlock(List<Block> blocks, int line) {
        return blocks.stream().anyMatch((block) -> line >= block.line() && line <= block.endLine());
    }

    /** The HTML comment on the last non-blank line before a fence, without its delimiters. */
    private static Optional<String> commentBefore(List<String> lines, int fence) {
        for (int i = fence - 1; i >= 0; i--) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            Matcher comment = COMMENT_LINE.matcher(lines.get(i));
            return comment.matches() ? Optional.of(comment.group(1).strip()) : Optional.empty();
        }
        return Optional.empty();
    }
}
