package com.example.workshop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.example.workshop.TestResult.Status;

/** check NN [--solution]: one lesson's tests, on the learner's copy or on the solution, and what to do next. */
record CheckCommand(Context context) {

    int run(List<String> args) {
        long start = System.nanoTime();
        List<String> rest = new ArrayList<>(args);
        boolean solution = rest.remove("--solution");
        Lesson lesson = Lessons.argument(this.context.workspace(), "check", rest);
        Path module = lesson.module(solution);
        if (solution && !lesson.hasSolution()) {
            throw new Problem("Lesson " + lesson.number() + " has no solution in " + this.context.relative(module)
                    + " yet.");
        }
        Out out = this.context.out();
        out.println("Checking lesson " + lesson.number() + ": " + lesson.title() + " ("
                + this.context.relative(module) + ")...");
        Outcome outcome = this.context.testRun().run(module, lesson, TestRun.Progress.on(out, "  "));
        out.blank();
        for (TestResult test : outcome.tests()) {
            out.println("  " + symbol(test) + " " + test.displayName() + (test.status() == Status.SKIPPED
                    && !test.message().isBlank() ? " (" + test.message().strip().lines().findFirst().orElse("") + ")"
                            : ""));
        }
        if (!outcome.tests().isEmpty()) {
            out.blank();
        }
        int exitCode;
        if (outcome.passed()) {
            out.println(out.pass() + " Lesson " + lesson.number() + " is done: " + outcome.summary() + "."
                    + Explanation.skippedNote(outcome));
            exitCode = 0;
        }
        else {
            out.println(out.fail() + " Lesson " + lesson.number() + " is not done yet: " + outcome.summary() + ".");
            this.context.explanation().explain(outcome, lesson, module, "  ");
            exitCode = 1;
        }
        out.println("Checked in " + Out.elapsed(System.nanoTime() - start) + ".");
        return exitCode;
    }

    private String symbol(TestResult test) {
        Out out = this.context.out();
        return switch (test.status()) {
            case PASSED -> out.pass();
            case FAILED -> out.fail();
            case SKIPPED -> "skipped";
        };
    }
}
