package com.example.curriculum;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code on the slides is the solutions' code: every Java, JavaScript or properties
 * listing in a lesson's section of {@code slides/index.html} is in that lesson's solution,
 * as {@link LessonTextTest} holds the lesson texts to it.
 *
 * <p>A slide may leave parts of a listing out: a line that is only {@code ...} or
 * {@code // ...} splits it into pieces, and each piece must be in one of the solution's
 * files, its lines in a row (re-indenting allowed).
 */
@DisplayName("The slides' code is the solutions' code")
class SlideListingsTest {

    private static final Path ROOT = LessonTextTest.ROOT;

    private static final Pattern LESSON_SECTION = Pattern.compile("<section\\b[^>]*\\bdata-lesson=\"(\\d\\d)\"");

    private static final Pattern LISTING = Pattern.compile(
            "<pre\\b[^>]*>\\s*<code\\b[^>]*\\bclass=\"[^\"]*\\blanguage-(java|javascript|properties)\\b[^\"]*\"[^>]*>(.*?)</code>",
            Pattern.DOTALL);

    private static final Pattern ELISION = Pattern.compile("^\\s*(//\\s*)?(\\.\\.\\.|…)\\s*$");

    @TestFactory
    Stream<DynamicTest> everyListingIsInItsLessonsSolution() {
        String html = LessonTextTest.read(ROOT.resolve("slides/index.html"));
        Matcher section = LESSON_SECTION.matcher(html);
        List<Integer> starts = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        while (section.find()) {
            starts.add(section.start());
            numbers.add(section.group(1));
        }
        starts.add(html.length());
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            String number = numbers.get(i);
            String text = html.substring(starts.get(i), starts.get(i + 1));
            int firstLine = lineOf(html, starts.get(i));
            tests.add(DynamicTest.dynamicTest("lesson " + number, () -> check(number, text, firstLine)));
        }
        return tests.stream();
    }

    private static void check(String number, String section, int firstLine) {
        List<Path> solutions = LessonTextTest.lessons().map((lesson) -> ROOT.resolve("solutions").resolve(lesson.getFileName()))
                .filter((solution) -> solution.getFileName().toString().startsWith(number + "-")).toList();
        assertThat(solutions).as("the solution of lesson %s", number).hasSize(1);
        List<List<String>> files = LessonTextTest.sources(solutions.get(0).resolve("src/main")).stream()
                .map((file) -> LessonTextTest.normalized(LessonTextTest.read(file))).toList();
        List<String> problems = new ArrayList<>();
        Matcher listing = LISTING.matcher(section);
        while (listing.find()) {
            String code = unescape(listing.group(2));
            for (List<String> piece : pieces(code)) {
                boolean found = files.stream().anyMatch((file) -> Collections.indexOfSubList(file, piece) >= 0);
                if (!found) {
                    problems.add("slides/index.html, lesson " + number + "'s section (from line " + firstLine + "): a "
                            + listing.group(1) + " listing has lines that are not in solutions/" + number
                            + "-*/src/main:\n      " + String.join("\n      ", piece));
                }
            }
        }
        assertThat(problems).withFailMessage("Code on the slides that is not the solution's (copy it from the solution, "
                + "or leave parts out with a line '// ...'):%n  %s", String.join("\n  ", problems)).isEmpty();
    }

    /** The listing's lines, normalized, cut at its elision lines. */
    static List<List<String>> pieces(String code) {
        List<List<String>> pieces = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : code.lines().toList()) {
            if (ELISION.matcher(line).matches()) {
                pieces.add(current);
                current = new ArrayList<>();
            }
            else {
                current.add(line);
            }
        }
        pieces.add(current);
        return pieces.stream().map((piece) -> LessonTextTest.normalized(String.join("\n", piece)))
                .filter((piece) -> !piece.isEmpty()).toList();
    }

    static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&apos;", "'").replace("&amp;", "&");
    }

    private static int lineOf(String text, int index) {
        return (int) text.substring(0, index).lines().count() + 1;
    }
}
