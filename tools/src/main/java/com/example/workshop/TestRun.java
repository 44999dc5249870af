package com.example.workshop;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.workshop.Outcome.BuildFailed;
import com.example.workshop.Outcome.CompileError;
import com.example.workshop.Outcome.Passed;
import com.example.workshop.Outcome.TestsFailed;
import com.example.workshop.Processes.Captured;

/**
 * Runs the tests of one module (a learner's copy or a solution): Maven's test phase only,
 * never verify, with -Dworkshop.learner=true (which turns off the check, meant for the
 * workshop's authors, that a starter still fails as its README says) and without the kit's
 * own tests. What Maven says it is doing ("Building ...", "Running ...Test") is passed on as
 * it comes, so that a long check shows where it is.
 */
final class TestRun {

    /** "[INFO] Building Lesson 01 (starter): the blocking chat 1.0.0-SNAPSHOT  [6/6]": the name, without the version. */
    static final Pattern BUILDING = Pattern.compile(
            "^\\[INFO\\] Building (.+?)(?: \\d[^ ]*)?\\s+\\[(\\d+)/(\\d+)\\]\\s*$");

    static final Pattern RUNNING = Pattern.compile("^\\[INFO\\] Running (\\S+)\\s*$");

    private final Workspace workspace;

    private final Maven maven;

    private final PassCache cache;

    TestRun(Workspace workspace, Maven maven, PassCache cache) {
        this.workspace = workspace;
        this.maven = maven;
        this.cache = cache;
    }

    /** What Maven is doing, as it goes. */
    interface Progress {

        /** Maven builds the i-th module of n: the kit, the lesson's parents, the lesson. */
        void building(String module, int i, int n);

        /** The lesson's i-th test class of n runs (n is 0 when the sources were not found). */
        void running(String testClass, int i, int n);

        /**
         * Shown on the console, each line starting with {@code prefix}: the modules built on a
         * terminal only, in a line the next one overwrites; the test classes everywhere.
         */
        static Progress on(Out out, String prefix) {
            return new Progress() {

                @Override
                public void building(String module, int i, int n) {
                    out.temporary(prefix + "building " + module + " (" + i + "/" + n + ")...");
                }

                @Override
                public void running(String testClass, int i, int n) {
                    out.status(prefix + "running " + testClass + (n > 0 ? " (" + i + " of " + n + ")" : "") + "...");
                }
            };
        }
    }

    Outcome run(Path module, Lesson lesson, Progress progress) {
        Path reports = module.resolve("target/surefire-reports");
        SurefireReports.delete(reports); // so that results are never those of an earlier run
        Path testSources = lesson.starter().resolve("src/test/java");
        List<String> testClasses = TestSources.read(testSources).classes();
        int[] started = { 0 };
        Captured run = this.maven.run(List.of("test", "-pl", this.workspace.relativeSlashes(module), "-am",
                "-DskipKitTests=true", "-Dworkshop.learner=true"), (line) -> {
                    Matcher building = BUILDING.matcher(line);
                    Matcher running = RUNNING.matcher(line);
                    if (building.matches()) {
                        progress.building(building.group(1), Integer.parseInt(building.group(2)),
                                Integer.parseInt(building.group(3)));
                    }
                    else if (running.matches()) {
                        String name = TestResult.simpleName(running.group(1));
                        progress.running(name, ++started[0], testClasses.contains(name) ? testClasses.size() : 0);
                    }
                });
        Outcome outcome = outcome(run, SurefireReports.read(reports, testSources));
        if (module.startsWith(this.workspace.resolve("lessons"))) {
            this.cache.record(module, outcome.passed());
        }
        return outcome;
    }

    Outcome outcome(Captured run, List<TestResult> tests) {
        List<String> compileErrors = new CompilerErrors(this.workspace).read(run.lines());
        if (!run.succeeded() && !compileErrors.isEmpty()) {
            return new CompileError(compileErrors);
        }
        if (tests.stream().anyMatch(TestResult::failed)) {
            return new TestsFailed(tests);
        }
        if (!run.succeeded() || tests.isEmpty()) {
            boolean noTests = run.succeeded(); // Maven did all it was asked, and no test ran
            return new BuildFailed(tests, Processes.tail(run.lines(), 20), noTests);
        }
        return new Passed(tests);
    }
}
