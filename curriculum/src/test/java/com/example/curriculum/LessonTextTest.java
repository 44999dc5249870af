package com.example.curriculum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lesson texts stay true to the code: every lesson has its sections, names exactly
 * the TODOs its starter has, and every piece of code it shows is the solution's code.
 */
class LessonTextTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static final List<String> SECTIONS = List.of("## What you'll build", "## Steps", "## Hints", "## Check your work",
            "## What you learned", "## Going further", "<!-- starter-fails -->", "<!-- /starter-fails -->");

    /** A fenced block of Java, JavaScript or properties: shown code that must be the solution's. */
    static final Pattern CODE = Pattern.compile("```(java|js|properties)\\n(.*?)```", Pattern.DOTALL);

    static final Pattern TODO = Pattern.compile("TODO-\\d+");

    @TestFactory
    Stream<DynamicTest> everyLessonHasItsSections() {
        return lessons().map((lesson) -> DynamicTest.dynamicTest(lesson.getFileName().toString(), () -> {
            String readme = read(lesson.resolve("README.md"));
            String number = lesson.getFileName().toString().substring(0, 2);
            assertThat(readme).as("lessons/%s/README.md", lesson.getFileName()).startsWith("# Lesson " + number + ":")
                    .containsPattern("\\*About \\d+ minutes\\.\\*").contains(SECTIONS)
                    .contains("./workshop check " + number);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyLessonHasItsSolution() {
        return lessons().map((lesson) -> DynamicTest.dynamicTest(lesson.getFileName().toString(), () -> {
            Path solution = ROOT.resolve("solutions").resolve(lesson.getFileName());
            assertThat(solution.resolve("pom.xml")).as("the solution of %s", lesson.getFileName()).exists();
            assertThat(read(solution.resolve("pom.xml"))).as("solutions/%s/pom.xml names its lesson", lesson.getFileName())
                    .contains("<lesson>" + lesson.getFileName() + "</lesson>");
        }));
    }

    @TestFactory
    Stream<DynamicTest> theTextNamesExactlyTheStartersTodos() {
        return lessons().map((lesson) -> DynamicTest.dynamicTest(lesson.getFileName().toString(), () -> {
            Set<String> inCode = todos(sources(lesson.resolve("src/main")).stream().map(LessonTextTest::read).toList());
            Set<String> inText = todos(List.of(read(lesson.resolve("README.md"))));
            assertThat(inCode).as("the TODOs of lessons/%s/src/main", lesson.getFileName()).isNotEmpty();
            assertThat(inText).as("the TODOs lessons/%s/README.md names", lesson.getFileName()).isEqualTo(inCode);
            assertThat(todos(sources(ROOT.resolve("solutions").resolve(lesson.getFileName()).resolve("src/main"))
                    .stream().map(LessonTextTest::read).toList())).as("TODOs left in the solution").isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> theCodeInTheTextIsTheSolutionsCode() {
        return lessons().map((lesson) -> DynamicTest.dynamicTest(lesson.getFileName().toString(), () -> {
            List<List<String>> solution = sources(ROOT.resolve("solutions").resolve(lesson.getFileName()).resolve("src/main"))
                    .stream().map((file) -> normalized(read(file))).toList();
            Matcher block = CODE.matcher(read(lesson.resolve("README.md")));
            List<String> strays = new ArrayList<>();
            while (block.find()) {
                if (!isInTheSolution(block.group(1), block.group(2), solution)) {
                    strays.add(block.group(2).strip());
                }
            }
            assertThat(strays).as("code shown in lessons/%s/README.md that is not in its solution's sources",
                    lesson.getFileName()).isEmpty();
        }));
    }

    /**
     * Whether shown code is in one of the solution's files: its lines in a row, re-indenting
     * allowed; a listing's leading {@code import} lines (rule 3 of the convention) need only
     * be among the same file's lines, anywhere.
     */
    static boolean isInTheSolution(String language, String code, List<List<String>> solution) {
        List<String> imports = language.equals("properties") ? List.of() : Listings.importLines(code, language);
        List<String> shown = normalized(imports.isEmpty() ? code : Listings.withoutImports(code, language));
        return solution.stream().anyMatch((file) -> (shown.isEmpty() || Collections.indexOfSubList(file, shown) >= 0)
                && file.containsAll(imports));
    }

    @TestFactory
    Stream<DynamicTest> theReadmeListsEveryLesson() {
        String readme = read(ROOT.resolve("README.md"));
        return lessons().map((lesson) -> DynamicTest.dynamicTest(lesson.getFileName().toString(),
                () -> assertThat(readme).as("README.md's curriculum table")
                        .contains("(lessons/" + lesson.getFileName() + "/README.md)")));
    }

    static Stream<Path> lessons() {
        try (Stream<Path> dirs = Files.list(ROOT.resolve("lessons"))) {
            return dirs.filter((dir) -> dir.getFileName().toString().matches("\\d\\d-.+"))
                    .filter((dir) -> Files.exists(dir.resolve("pom.xml"))).sorted().toList().stream();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static List<Path> sources(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter((file) -> file.toString().matches(".*\\.(java|js|html|css|properties)$")).sorted().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static Set<String> todos(List<String> texts) {
        Set<String> todos = new TreeSet<>();
        texts.forEach((text) -> TODO.matcher(text).results().forEach((match) -> todos.add(match.group())));
        return todos;
    }

    /** The lines without indentation, and without blank lines: a block may be re-indented. */
    static List<String> normalized(String code) {
        return code.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
