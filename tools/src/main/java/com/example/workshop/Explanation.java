package com.example.workshop;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.example.workshop.FailureOrder.Failure;
import com.example.workshop.LessonReadme.Hint;
import com.example.workshop.Outcome.BuildFailed;
import com.example.workshop.Outcome.CompileError;
import com.example.workshop.Outcome.Passed;
import com.example.workshop.Outcome.TestsFailed;

/** Says what to do next after a run: the compiler's errors, the next check to fix and its hint, or Maven's last words. */
final class Explanation {

    private final Workspace workspace;

    private final Out out;

    Explanation(Workspace workspace, Out out) {
        this.workspace = workspace;
        this.out = out;
    }

    void explain(Outcome outcome, Lesson lesson, Path module, String indent) {
        switch (outcome) {
            case CompileError error -> {
                this.out.println(indent + "The compiler says:");
                error.errors().forEach((line) -> this.out.println(indent + "  " + line));
                this.out.println(indent + "Fix the first error, then check again.");
            }
            case TestsFailed failed -> nextFailure(failed, lesson, module, indent);
            case BuildFailed build -> {
                this.out.println(indent + (build.noTests() ? "Maven ran no test;" : "Maven failed;")
                        + " the end of its output (--verbose shows all of it):");
                build.mavenTail().forEach((line) -> this.out.println(indent + "  " + line));
            }
            case Passed passed -> {
                // nothing to explain
            }
        }
    }

    private void nextFailure(TestsFailed outcome, Lesson lesson, Path module, String indent) {
        LessonReadme readme = lesson.readme();
        List<Failure> failures = FailureOrder.order(outcome.tests(), readme);
        Failure next = failures.get(0);
        TestResult test = next.test();
        String todo = next.todo().isPresent() ? ", for " + next.todoName() : "";
        this.out.println(indent + "Next to fix" + todo + ": " + this.out.bold(test.displayName()));
        this.out.println(indent + "  (" + test.testName() + ")");
        String report = this.workspace.relative(module.resolve("target/surefire-reports/" + test.className()
                + ".txt"));
        FailureText.lines(test.message(), report).forEach((line) -> this.out.println(indent + "  " + line));
        this.out.println(indent + "Stuck? " + hint(readme, next));
        String rest = rest(failures.subList(1, failures.size()));
        if (!rest.isEmpty()) {
            this.out.println(indent + "Then: " + rest + ".");
        }
    }

    private String hint(LessonReadme readme, Failure failure) {
        String file = this.workspace.relative(readme.file());
        Optional<Hint> hint = readme.hintFor(failure.todo(), failure.test().message());
        if (hint.isEmpty()) {
            return "Open the hints in " + file + ".";
        }
        String symptom = hint.get().symptom();
        return "Open " + hint.get().label() + " in " + file + (symptom.isEmpty() ? "." : ": \"" + symptom + "\".");
    }

    /** Where checks were skipped (no browser here, most often), how to find out why. */
    static String skippedNote(Outcome outcome) {
        long skipped = outcome.count(TestResult.Status.SKIPPED);
        return skipped == 0 ? ""
                : " (" + skipped + " skipped: '" + Out.SELF + " prefetch' says if a browser is missing)";
    }

    /** "3 more checks for TODO-01, 1 for TODO-04, 1 tied to no TODO". */
    static String rest(List<Failure> failures) {
        Map<String, Long> byTodo = failures.stream().collect(Collectors.groupingBy(
                (failure) -> failure.todo().isPresent() ? "for " + failure.todoName() : "tied to no TODO",
                LinkedHashMap::new, Collectors.counting()));
        StringBuilder text = new StringBuilder();
        byTodo.forEach((todo, count) -> {
            text.append(text.length() == 0 ? count + " more failing " + (count == 1 ? "check " : "checks ")
                    : ", " + count + " ").append(todo);
        });
        return text.toString();
    }
}
