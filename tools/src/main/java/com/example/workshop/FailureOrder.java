package com.example.workshop;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import com.example.workshop.LessonReadme.DeclaredFailure;

/**
 * The failing checks in the order to fix them, so that the first one shown is the next thing
 * to do. Each is tied to a TODO: the one its message names (a stub's "TODO-02 is not done
 * yet" says what blocks it now), else the one the README's starter-fails list gives it. The
 * earliest TODO comes first. Among the failures of one TODO, those whose message names it come
 * before those that only the README ties to it, and checks in a browser come last: a page
 * that fails with a 404 is the consequence of a server-side step not done, not its cause.
 * Failures tied to no TODO come after all the others.
 */
final class FailureOrder {

    /** How sure the tie to a TODO is. */
    enum Evidence {
        /** The failure's message names the TODO. */
        MESSAGE,
        /** The README's starter-fails list names it for this check. */
        README,
        /** Nothing ties the failure to a TODO. */
        NONE
    }

    /** A failing check, and the TODO it is tied to. */
    record Failure(TestResult test, OptionalInt todo, Evidence evidence, int readmePosition) {

        String todoName() {
            return this.todo.isPresent() ? Todos.name(this.todo.getAsInt()) : "";
        }
    }

    static final Comparator<Failure> NEXT_FIRST = Comparator
            .comparingInt((Failure failure) -> failure.todo().orElse(Integer.MAX_VALUE))
            .thenComparing(Failure::evidence)
            .thenComparing((failure) -> failure.test().inBrowser())
            .thenComparingInt(Failure::readmePosition);

    private FailureOrder() {
    }

    /** The failing tests among {@code tests}, the next to fix first (a stable sort: ties keep their order). */
    static List<Failure> order(List<TestResult> tests, LessonReadme readme) {
        List<DeclaredFailure> declared = readme.declaredFailures();
        return tests.stream().filter(TestResult::failed).map((test) -> tie(test, declared)).sorted(NEXT_FIRST)
                .collect(Collectors.toList());
    }

    static Failure tie(TestResult test, List<DeclaredFailure> declared) {
        Optional<DeclaredFailure> listed = declared.stream().filter((d) -> d.test().equals(test.testName()))
                .findFirst();
        int position = listed.map(DeclaredFailure::position).orElse(Integer.MAX_VALUE);
        OptionalInt named = Todos.inMessage(test.message());
        if (named.isPresent()) {
            return new Failure(test, named, Evidence.MESSAGE, position);
        }
        if (listed.isPresent() && listed.get().todo().isPresent()) {
            return new Failure(test, listed.get().todo(), Evidence.README, position);
        }
        return new Failure(test, OptionalInt.empty(), Evidence.NONE, position);
    }
}
