package com.example.workshop;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.example.workshop.LessonState.BeforeStart;
import com.example.workshop.LessonState.Done;
import com.example.workshop.LessonState.NotChecked;
import com.example.workshop.LessonState.NotStarted;
import com.example.workshop.LessonState.NotYet;

/**
 * progress [--from NN]: each lesson's state, and the next one to do. A lesson whose copy is
 * still the starter as committed (git says so) is "not started" and costs nothing; a lesson
 * that passed and has not changed is "done" from the pass cache; every other one runs its
 * checks. So a classroom that starts at lesson 04 sees 01 to 03 as not started, not as failing.
 */
record ProgressCommand(Context context) {

    int run(List<String> args) {
        long start = System.nanoTime();
        List<Lesson> lessons = this.context.lessons();
        if (lessons.isEmpty()) {
            throw new Problem("There is no lesson in " + this.context.workspace().resolve("lessons") + ".");
        }
        int from = from(lessons, args);
        Git git = this.context.git();
        boolean gitKnows = git.installed() && git.isCheckout();
        Out out = this.context.out();
        int slugWidth = lessons.stream().mapToInt((lesson) -> lesson.slug().length()).max().orElse(0);
        List<LessonState> states = new ArrayList<>();
        for (int i = 0; i < lessons.size(); i++) {
            Lesson lesson = lessons.get(i);
            boolean stopped = states.stream().anyMatch((state) -> state instanceof NotYet);
            LessonState state = i < from ? new BeforeStart() : state(lesson, gitKnows, stopped);
            states.add(state);
            out.println(row(lesson, state, slugWidth, lessons.get(from)));
        }
        out.blank();
        Optional<Integer> next = next(states, from);
        if (next.isEmpty()) {
            long done = states.stream().filter(LessonState::done).count();
            out.println((done == 1 ? "The lesson is done" : "All " + done + " lessons are done") + ". Well done!");
            return 0;
        }
        Lesson lesson = lessons.get(next.get());
        out.println("Next: lesson " + lesson.number() + ", " + lesson.title() + ", in "
                + this.context.relative(lesson.starter().resolve("README.md")) + ".");
        if (states.get(next.get()) instanceof NotYet notYet) {
            this.context.explanation().explain(notYet.outcome(), lesson, lesson.starter(), "  ");
        }
        out.println("'" + Out.SELF + " check " + lesson.number() + "' runs its checks"
                + (gitKnows || from > 0 ? "" : "; without git, the tool cannot tell a lesson you have not started"
                        + " from one in progress: '" + Out.SELF + " progress --from NN' says where you started")
                + ". (" + Out.elapsed(System.nanoTime() - start) + ")");
        return 1;
    }

    /** The index of the lesson to start at: --from NN, else the first. */
    private int from(List<Lesson> lessons, List<String> args) {
        if (args.isEmpty()) {
            return 0;
        }
        if (args.size() != 2 || !args.get(0).equals("--from")) {
            throw new Problem("progress takes no arguments but --from NN (the lesson you started at), and got: "
                    + String.join(" ", args) + ".");
        }
        return lessons.indexOf(Lessons.named(lessons, args.get(1)));
    }

    private LessonState state(Lesson lesson, boolean gitKnows, boolean stopped) {
        if (this.context.cache().passed(lesson.starter())) {
            return new Done(Optional.empty());
        }
        if (gitKnows && this.context.git().unchanged(lesson.starter())) {
            return new NotStarted();
        }
        if (!gitKnows && stopped) {
            return new NotChecked();
        }
        Out out = this.context.out();
        String name = "  checking " + lesson.number() + " " + lesson.slug() + ": ";
        Outcome outcome = this.context.testRun().run(lesson.starter(), lesson, TestRun.Progress.on(out, name));
        out.temporary("");
        return outcome.passed() ? new Done(Optional.of(outcome)) : new NotYet(outcome);
    }

    private String row(Lesson lesson, LessonState state, int slugWidth, Lesson first) {
        Out out = this.context.out();
        String name = lesson.number() + " " + Out.pad(lesson.slug(), slugWidth) + "  ";
        return switch (state) {
            case Done done -> out.pass() + " " + name + "done" + done.run().map(Explanation::skippedNote).orElse("");
            case NotYet notYet -> out.fail() + " " + name + "not yet " + out.dash() + " "
                    + notYet.outcome().summary();
            case NotStarted notStarted -> out.later() + " " + name + "not started";
            case BeforeStart before -> out.later() + " " + name + "left out (you started at " + first.number()
                    + ")";
            case NotChecked notChecked -> out.later() + " " + name + "not checked yet";
        };
    }

    /**
     * The lesson to do next: after the last one done (at or after the start), the first in
     * progress, else the first not done; none when every one from the start is done.
     */
    static Optional<Integer> next(List<LessonState> states, int from) {
        int lastDone = from - 1;
        for (int i = from; i < states.size(); i++) {
            if (states.get(i).done()) {
                lastDone = i;
            }
        }
        for (int i = lastDone + 1; i < states.size(); i++) {
            if (states.get(i) instanceof NotYet) {
                return Optional.of(i);
            }
        }
        if (lastDone + 1 < states.size()) {
            return Optional.of(lastDone + 1);
        }
        // Every lesson after the last one done is done: any before it that is not?
        for (int i = from; i < states.size(); i++) {
            if (!states.get(i).done()) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
