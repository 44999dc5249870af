package com.example.workshop;

import java.util.Optional;

/** Where a learner is with one lesson, as progress shows it. */
sealed interface LessonState {

    /**
     * Its checks pass.
     *
     * @param run the run just now; empty when they passed before and nothing changed since (the pass cache)
     */
    record Done(Optional<Outcome> run) implements LessonState {
    }

    /** Started, and some checks fail (or it does not compile). */
    record NotYet(Outcome outcome) implements LessonState {
    }

    /** The learner's copy is the starter as committed: nothing to run. */
    record NotStarted() implements LessonState {
    }

    /** Before the lesson the learner says they started at (progress --from NN). */
    record BeforeStart() implements LessonState {
    }

    /** Not run: without git, only the lessons up to the first one not done are run. */
    record NotChecked() implements LessonState {
    }

    default boolean done() {
        return this instanceof Done;
    }
}
