package com.example.kit.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Proves that a lesson's starter fails exactly as its README declares. The build runs it
 * in each starter module after the tests (whose failures it ignores there):
 * <ul>
 * <li>every test the README lists between {@code <!-- starter-fails -->} and
 * {@code <!-- /starter-fails -->} must fail, and mention the TODO named beside it (every
 * line names one: a failure that names no TODO does not tell the learner what to do);
 * <li>every other test must pass.
 * </ul>
 * A README line reads: {@code - `BlockingChatTest.repliesWithTheWholeText` (TODO-01)}.
 */
public final class StarterCheck {

    private static final Pattern DECLARED = Pattern.compile("^- `(\\w+)\\.(\\w+)`(.*)$");

    private static final Pattern TODO = Pattern.compile("TODO-\\d+");

    private StarterCheck() {
    }

    /** Outcome of one test in the surefire reports. */
    record Outcome(boolean failed, boolean skipped, String failure) {
    }

    public static void main(String[] args) throws Exception {
        Path lesson = Path.of(args[0]);
        if (!Files.isDirectory(lesson.resolve("src"))) {
            return; // the lessons/ aggregator itself, which inherits this check but has no lesson
        }
        if (args.length > 2 && ("true".equals(args[1]) || "true".equals(args[2]))) {
            return; // -DskipTests or -Dmaven.test.skip: no test ran, so there is nothing to check
        }
        List<String> problems = check(lesson);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Lesson " + lesson.getFileName() + " drifted from its README: "
                    + String.join("; ", problems) + ". If you have finished this lesson in place, this is expected:"
                    + " run './workshop progress' (workshop.cmd on Windows) to see your progress instead.");
        }
        System.out.println("[starter check] " + lesson.getFileName() + " fails exactly as its README declares.");
    }

    static List<String> check(Path lesson) throws Exception {
        Map<String, String> declared = declaredFailures(lesson.resolve("README.md"));
        Map<String, Outcome> outcomes = outcomes(lesson.resolve("target/surefire-reports"));
        List<String> problems = new ArrayList<>();
        if (outcomes.isEmpty()) {
            problems.add("no test ran (no reports in target/surefire-reports)");
        }
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        declared.forEach((test, todo) -> {
            Outcome outcome = outcomes.get(test);
            if (outcome == null) {
                problems.add("the README lists " + test + ", which did not run");
            }
            else if (outcome.skipped()) {
                if (ci) {
                    problems.add(test + " was skipped, so it could not be seen to fail");
                }
                else {
                    System.out.println("[starter check] " + test + " was skipped here, so its failure is not checked.");
                }
            }
            else if (!outcome.failed()) {
                problems.add("the README says the starter fails " + test + ", but it passed");
            }
            else if (todo == null) {
                problems.add("the README lists " + test + " without the TODO that fixes it: write it beside the test, "
                        + "as in (TODO-01), and make the test's failure name it");
            }
            else if (!outcome.failure().contains(todo)) {
                problems.add(test + " failed without naming " + todo + " (it said: " + firstLine(outcome.failure()) + ")");
            }
        });
        outcomes.forEach((test, outcome) -> {
            if (outcome.failed() && !declared.containsKey(test)) {
                problems.add(test + " fails in the starter, but the README does not list it (it said: "
                        + firstLine(outcome.failure()) + ")");
            }
        });
        return problems;
    }

    /** Test name ({@code Class.method}) to the TODO its failure must name, or null. */
    static Map<String, String> declaredFailures(Path readme) throws IOException {
        Map<String, String> declared = new TreeMap<>();
        boolean inList = false;
        for (String line : Files.readAllLines(readme)) {
            if (line.contains("<!-- starter-fails -->")) {
                inList = true;
            }
            else if (line.contains("<!-- /starter-fails -->")) {
                return declared;
            }
            else if (inList) {
                Matcher matcher = DECLARED.matcher(line.strip());
                if (matcher.matches()) {
                    Matcher todo = TODO.matcher(matcher.group(3));
                    declared.put(matcher.group(1) + "." + matcher.group(2), todo.find() ? todo.group() : null);
                }
            }
        }
        throw new IllegalStateException(readme + " has no list between <!-- starter-fails --> and <!-- /starter-fails -->");
    }

    /** Every test in the surefire XML reports, by {@code SimpleClassName.method}. */
    static Map<String, Outcome> outcomes(Path reports) throws Exception {
        Map<String, Outcome> outcomes = new TreeMap<>();
        if (!Files.isDirectory(reports)) {
            return outcomes;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(reports)) {
            files = list.filter((p) -> p.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList();
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        for (Path file : files) {
            NodeList cases = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element testcase = (Element) cases.item(i);
                String className = testcase.getAttribute("classname");
                String name = className.substring(className.lastIndexOf('.') + 1) + "."
                        + testcase.getAttribute("name").replaceAll("\\(.*$", "");
                String failure = failureText(testcase);
                boolean skipped = testcase.getElementsByTagName("skipped").getLength() > 0;
                outcomes.merge(name, new Outcome(failure != null, skipped, failure),
                        (a, b) -> a.failed() ? a : b);
            }
        }
        return outcomes;
    }

    private static String failureText(Element testcase) {
        for (String tag : new String[] { "failure", "error" }) {
            NodeList found = testcase.getElementsByTagName(tag);
            if (found.getLength() > 0) {
                Element element = (Element) found.item(0);
                return element.getAttribute("message") + "\n" + element.getTextContent();
            }
        }
        return null;
    }

    static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return (line.length() > 300) ? line.substring(0, 300) + "..." : line;
    }
}
