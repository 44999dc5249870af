package com.example.curriculum;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.fail;

/**
 * Rules 1 to 3 of the lesson-text convention (curriculum/README.md), lesson by lesson; each
 * is switched on per lesson in {@link Convention}.
 */
@DisplayName("Lesson texts follow the convention")
class ConventionTest {

    @TestFactory
    @DisplayName("steps teach, they don't paste")
    Stream<DynamicTest> stepsDontPaste() {
        return Lesson.all().stream().map((lesson) -> DynamicTest.dynamicTest(lesson.name(),
                () -> Convention.STEPS_DONT_PASTE.enforce(lesson.number(),
                        TextChecks.stepsDontPaste(lesson.text(), todos(lesson)),
                        "Steps of lessons/" + lesson.name() + "/README.md")));
    }

    @TestFactory
    @DisplayName("every hint names its TODO, every TODO has a hint")
    Stream<DynamicTest> hintsNameTodos() {
        return Lesson.all().stream().map((lesson) -> DynamicTest.dynamicTest(lesson.name(),
                () -> Convention.HINTS_NAME_TODOS.enforce(lesson.number(),
                        TextChecks.hintsNameTodos(lesson.text(), todos(lesson)),
                        "Hints of lessons/" + lesson.name() + "/README.md")));
    }

    @TestFactory
    @DisplayName("the hints' listings paste into the starter and compile, TODO after TODO")
    Stream<DynamicTest> listingsCompile() {
        String classpath = Listings.lessonClasspath();
        Listings.JsChecker js = javaScriptChecker();
        return Lesson.all().stream().map((lesson) -> DynamicTest.dynamicTest(lesson.name(), () -> {
            if (Listings.of(lesson.text()).isEmpty() && !Convention.LISTINGS_COMPILE.isOnFor(lesson.number())) {
                // Nothing to check yet: not a pass worth switching the rule on for.
                throw new TestAbortedException("lessons/" + lesson.name() + "/README.md has no listing in its hints yet");
            }
            Convention.LISTINGS_COMPILE.enforce(lesson.number(), Listings.check(lesson.text(), lesson.starter(), classpath, js),
                    "Listings of lessons/" + lesson.name() + "/README.md");
        }));
    }

    /** The TODOs of a starter's {@code src/main}. */
    static Set<String> todos(Lesson lesson) {
        return LessonTextTest.todos(LessonTextTest.sources(lesson.starter().resolve("src/main")).stream()
                .map(Files2::read).toList());
    }

    /**
     * Node.js parses the JavaScript. Without it the JS is not checked: said on every file,
     * and a failure under CI=true, where nothing may be skipped silently.
     */
    static Listings.JsChecker javaScriptChecker() {
        Optional<Listings.JsChecker> node = Listings.JsChecker.node();
        if (node.isPresent()) {
            return node.get();
        }
        String missing = "node is not on the PATH, so the JS listings were not parsed (install Node.js: apt-get install nodejs)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return (file) -> fail(missing);
        }
        System.out.println(missing);
        return (file) -> Optional.empty();
    }

    static List<String> numbers() {
        return Lesson.all().stream().map(Lesson::number).toList();
    }
}
