package com.example.workshop;

import java.util.List;

import com.example.workshop.TestResult.Status;

/** What a run of a lesson's tests came to. */
sealed interface Outcome {

    /** Every check passed (some may have been skipped: no browser here, say). */
    record Passed(List<TestResult> tests) implements Outcome {
    }

    /** The code compiled, and some checks failed. */
    record TestsFailed(List<TestResult> tests) implements Outcome {
    }

    /** The code does not compile: what the compiler said, each error once. */
    record CompileError(List<String> errors) implements Outcome {
    }

    /** Maven failed for another reason, or ran no test: the end of its output. */
    record BuildFailed(List<TestResult> tests, List<String> mavenTail, boolean noTests) implements Outcome {
    }

    default List<TestResult> tests() {
        return switch (this) {
            case Passed passed -> passed.tests();
            case TestsFailed failed -> failed.tests();
            case BuildFailed build -> build.tests();
            case CompileError error -> List.of();
        };
    }

    default boolean passed() {
        return this instanceof Passed;
    }

    default long count(Status status) {
        return tests().stream().filter((test) -> test.status() == status).count();
    }

    /** "12 of 18 checks pass", or what stopped the checks from running. */
    default String summary() {
        return switch (this) {
            case CompileError error -> "the code does not compile";
            case BuildFailed build -> build.noTests() ? "no test ran" : "the build failed";
            case Passed passed -> checksPass();
            case TestsFailed failed -> checksPass();
        };
    }

    private String checksPass() {
        long run = tests().size() - count(Status.SKIPPED);
        return count(Status.PASSED) + " of " + run + " checks pass";
    }
}
