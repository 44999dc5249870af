package com.example.workshop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the tool reads in a lesson's README.md: its title, the list of checks the starter fails
 * (each with the TODO that fixes it), and its hints (each with the TODOs it is about).
 */
record LessonReadme(Path file, String text) {

    static final Pattern TITLE = Pattern.compile("(?m)^# Lesson \\d+: (.+)$");

    /** A line of the starter-fails list: {@code - `BlockingChatTest.repliesWithTheWholeText` (TODO-01)}. */
    static final Pattern DECLARED = Pattern.compile("^- `(\\w+)\\.(\\w+)`(.*)$");

    /**
     * {@code <summary>Hint 2 (TODO-03): the stream answers 501</summary>}, or, in READMEs
     * written before hints named their TODO, {@code <summary>Hint 2: the stream answers 501</summary>}.
     */
    static final Pattern HINT = Pattern.compile(
            "<summary>\\s*Hint\\s+(\\d+)\\s*(?:\\(([^)]*)\\))?\\s*:?\\s*(.*?)\\s*</summary>", Pattern.DOTALL);

    static final Pattern TODO = Pattern.compile("TODO-(\\d+)");

    /** A check the starter is meant to fail, the TODO that fixes it, and its place in the list. */
    record DeclaredFailure(String test, OptionalInt todo, int position) {
    }

    /** One of the README's hints: "Hint 2 (TODO-03): the stream answers 501". */
    record Hint(int number, Set<Integer> todos, String symptom) {

        String label() {
            return "Hint " + this.number + (this.todos.isEmpty() ? ""
                    : " (" + String.join(", ", this.todos.stream().map(Todos::name).toList()) + ")");
        }
    }

    static LessonReadme read(Path file) {
        try {
            return new LessonReadme(file, Files.readString(file));
        }
        catch (IOException ex) {
            return new LessonReadme(file, "");
        }
    }

    Optional<String> title() {
        Matcher title = TITLE.matcher(this.text);
        return title.find() ? Optional.of(title.group(1).trim()) : Optional.empty();
    }

    /** The list between {@code <!-- starter-fails -->} and {@code <!-- /starter-fails -->}, in order. */
    List<DeclaredFailure> declaredFailures() {
        List<DeclaredFailure> declared = new ArrayList<>();
        boolean inList = false;
        for (String line : this.text.lines().toList()) {
            if (line.contains("<!-- starter-fails -->")) {
                inList = true;
            }
            else if (line.contains("<!-- /starter-fails -->")) {
                break;
            }
            else if (inList) {
                Matcher matcher = DECLARED.matcher(line.strip());
                if (matcher.matches()) {
                    Matcher todo = TODO.matcher(matcher.group(3));
                    declared.add(new DeclaredFailure(matcher.group(1) + "." + matcher.group(2),
                            todo.find() ? OptionalInt.of(Integer.parseInt(todo.group(1))) : OptionalInt.empty(),
                            declared.size()));
                }
            }
        }
        return declared;
    }

    Optional<DeclaredFailure> declared(String test) {
        return declaredFailures().stream().filter((declared) -> declared.test().equals(test)).findFirst();
    }

    List<Hint> hints() {
        List<Hint> hints = new ArrayList<>();
        Matcher hint = HINT.matcher(this.text);
        while (hint.find()) {
            Set<Integer> todos = new TreeSet<>();
            Matcher todo = TODO.matcher(hint.group(2) == null ? "" : hint.group(2));
            while (todo.find()) {
                todos.add(Integer.parseInt(todo.group(1)));
            }
            hints.add(new Hint(Integer.parseInt(hint.group(1)), todos, plainText(hint.group(3))));
        }
        return hints;
    }

    /**
     * The hint to open for a failure tied to {@code todo}: the one the failure's message names
     * ("see Hint 3"), else the first hint about that TODO (the hints of a TODO go from a nudge to
     * the answer), else, in a README whose hints name no TODO, the hint of the same number.
     */
    Optional<Hint> hintFor(OptionalInt todo, String message) {
        List<Hint> hints = hints();
        Matcher named = Pattern.compile("\\bHint (\\d+)\\b").matcher(message);
        if (named.find()) {
            int number = Integer.parseInt(named.group(1));
            Optional<Hint> hint = hints.stream().filter((h) -> h.number() == number).findFirst();
            if (hint.isPresent()) {
                return hint;
            }
        }
        if (todo.isEmpty()) {
            return Optional.empty();
        }
        Optional<Hint> about = hints.stream().filter((h) -> h.todos().contains(todo.getAsInt())).findFirst();
        if (about.isPresent() || hints.stream().anyMatch((h) -> !h.todos().isEmpty())) {
            return about;
        }
        return hints.stream().filter((h) -> h.number() == todo.getAsInt()).findFirst();
    }

    /** "<code>/fail 3</code> answers 501" -> "/fail 3 answers 501". */
    static String plainText(String html) {
        return html.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&").replaceAll("\\s+", " ").trim();
    }
}
