package com.example.curriculum;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.fail;

/**
 * The problems one check found in one lesson, collected so that a failure lists all of them
 * at once: where (file and line), what is wrong, and what to do about it.
 */
final class Problems {

    /** One problem; {@code line} 0 when it concerns the whole file. */
    record Problem(Path file, int line, String what, String todo) {

        @Override
        public String toString() {
            Path file = this.file.toAbsolutePath().normalize();
            String where = (file.startsWith(LessonTextTest.ROOT) ? LessonTextTest.ROOT.relativize(file) : file)
                    + (this.line > 0 ? ":" + this.line : "");
            return where + ": " + this.what + (this.todo.isEmpty() ? "" : "\n      -> " + this.todo);
        }
    }

    private final List<Problem> found = new ArrayList<>();

    void add(Path file, int line, String what, String todo) {
        this.found.add(new Problem(file, line, what, todo));
    }

    void addAll(Problems other) {
        this.found.addAll(other.found);
    }

    List<Problem> list() {
        return List.copyOf(this.found);
    }

    boolean isEmpty() {
        return this.found.isEmpty();
    }

    /** The report: a title, then one problem a paragraph. */
    String report(String title) {
        StringBuilder report = new StringBuilder(title).append(" (").append(this.found.size())
                .append(this.found.size() == 1 ? " problem" : " problems").append("):");
        for (Problem problem : this.found) {
            report.append("\n  - ").append(problem.toString().replace("\n", "\n    "));
        }
        return report.toString();
    }

    /** Fails with every problem in one message, when there is any. */
    void assertNone(String title) {
        if (!this.found.isEmpty()) {
            fail(report(title));
        }
    }
}
