package com.example.curriculum;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules 1 and 2 of the convention, read from the text alone: steps teach and don't paste,
 * hints name their TODO. Each check returns every problem it finds.
 */
final class TextChecks {

    /** Languages of code a learner would paste: not allowed in {@code ## Steps}. */
    private static final Set<String> CODE_LANGUAGES = Set.of("java", "js", "javascript", "jsx", "ts", "typescript",
            "kotlin", "groovy");

    /** A line of Java or JavaScript, in a block that names no language. */
    private static final Pattern CODE_LINE = Pattern.compile(
            "^\\s*(?:(?:public|private|protected|return|final|const|let|var|function|async|await|import|throw)\\b"
                    + "|(?:if|for|while|catch|switch)\\s*\\().*|.*[;{}]\\s*$");

    /** A shell command line: what a block of commands holds, and may end with {@code ;} or {@code &}. */
    private static final Pattern SHELL_LINE = Pattern.compile("^\\s*(?:\\$\\s+|\\./|curl\\b|\\{\"|#|\\[|(?:id|event|data|retry)?:).*");

    private static final Pattern STEP = Pattern.compile("Step (\\d+): (.+?)(?: \\((TODO-\\d+)\\))?");

    private static final Pattern SUMMARY = Pattern.compile("Hint (\\d+) \\((TODO-\\d+)\\): (.+)");

    private TextChecks() {
    }

    /**
     * Rule 1: no Java or JavaScript block inside {@code ## Steps}, and every TODO of the
     * starter has its step, {@code ### Step N: <what> (TODO-0K)}, numbered from 1.
     */
    static Problems stepsDontPaste(LessonText text, Set<String> todos) {
        Problems problems = new Problems();
        for (LessonText.Block block : text.stepBlocks()) {
            String language = block.language().toLowerCase();
            boolean code = CODE_LANGUAGES.contains(language) || (language.isEmpty() && looksLikeCode(block));
            if (code) {
                problems.add(text.file(), block.line(),
                        "a " + (language.isEmpty() ? "block of code" : "```" + language + " block") + " inside ## Steps: steps teach, they don't paste",
                        "say what to build and why, name the API in inline code (e.g. `Thread.startVirtualThread`), "
                                + "show the wire result in a ```text or ```shell block; move the code to the last hint of its TODO");
            }
        }
        int expected = 1;
        Set<String> stepped = new TreeSet<>();
        for (LessonText.Heading heading : text.headings()) {
            if (heading.level() != 3 || !heading.text().startsWith("Step")) {
                continue;
            }
            Matcher step = STEP.matcher(heading.text());
            if (!step.matches()) {
                problems.add(text.file(), heading.line(), "the heading \"### " + heading.text() + "\" is not a step heading",
                        "write \"### Step N: <what to build> (TODO-0K)\" (the TODO only when the step has one)");
                continue;
            }
            if (Integer.parseInt(step.group(1)) != expected) {
                problems.add(text.file(), heading.line(), "step " + step.group(1) + " comes where step " + expected + " is due",
                        "number the steps 1, 2, 3... in order");
            }
            expected = Integer.parseInt(step.group(1)) + 1;
            if (step.group(3) != null) {
                stepped.add(step.group(3));
            }
        }
        for (String todo : todos) {
            if (!stepped.contains(todo)) {
                problems.add(text.file(), 0, todo + " has no step heading that names it",
                        "add \"### Step N: <what to build> (" + todo + ")\" under ## Steps");
            }
        }
        return problems;
    }

    /**
     * Rule 2: every hint's summary is {@code Hint N (TODO-0K): <symptom>}, names a TODO the
     * starter has, and every TODO has at least one hint.
     */
    static Problems hintsNameTodos(LessonText text, Set<String> todos) {
        Problems problems = new Problems();
        int expected = 1;
        for (LessonText.Hint hint : text.hints()) {
            Matcher summary = SUMMARY.matcher(hint.summary());
            if (!summary.matches()) {
                Matcher mentioned = LessonText.TODO.matcher(hint.summary());
                String todo = mentioned.find() ? mentioned.group() : "TODO-0K";
                problems.add(text.file(), hint.line(), "the hint's summary \"" + hint.summary() + "\" does not name its TODO",
                        "write <summary>Hint " + expected + " (" + todo + "): <the symptom the learner sees></summary>");
                expected++;
                continue;
            }
            if (Integer.parseInt(summary.group(1)) != expected) {
                problems.add(text.file(), hint.line(), "hint " + summary.group(1) + " comes where hint " + expected + " is due",
                        "number the hints 1, 2, 3... in order");
            }
            expected = Integer.parseInt(summary.group(1)) + 1;
            if (!todos.contains(summary.group(2))) {
                problems.add(text.file(), hint.line(), "hint " + summary.group(1) + " names " + summary.group(2)
                        + ", which the starter does not have (it has " + todos + ")", "name one of the starter's TODOs");
            }
        }
        for (String todo : todos) {
            if (text.hintsOf(todo).isEmpty()) {
                problems.add(text.file(), 0, todo + " has no hint",
                        "add <details><summary>Hint N (" + todo + "): <the symptom></summary> under ## Hints, "
                                + "from a nudge to the answer");
            }
        }
        return problems;
    }

    /** Whether a block without a language holds code rather than commands or output. */
    private static boolean looksLikeCode(LessonText.Block block) {
        List<String> lines = block.lines().stream().filter((line) -> !line.isBlank()).toList();
        return lines.stream().anyMatch((line) -> CODE_LINE.matcher(line).matches() && !SHELL_LINE.matcher(line).matches());
    }
}
