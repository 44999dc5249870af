package com.example.curriculum;

import java.util.Set;

import org.opentest4j.TestAbortedException;

/**
 * Which lessons each rule of the lesson-text convention (curriculum/README.md) is enforced
 * for: THE one place to switch a check on for a lesson.
 *
 * <p>A lesson's text is rewritten to the convention in one go; until it has been, a rule
 * that is off for it still runs and reports what it would find (as a skipped test, with
 * the list of problems), but does not fail the build. When a lesson's new text lands, add
 * its number here: from then on the rule fails the build for it. Lessons 07 and later are
 * written to the convention from the start: add them here with their text.
 */
enum Convention {

    /** No ```java or ```js block inside {@code ## Steps}; every TODO has its {@code ### Step N: ... (TODO-0K)}. */
    STEPS_DONT_PASTE(Set.of("01", "02", "03", "04", "05", "06", "07", "08", "09")),

    /** Every hint's summary names its TODO, {@code (TODO-0K)}; every TODO has a hint. */
    HINTS_NAME_TODOS(Set.of("01", "02", "03", "04", "05", "06", "07", "08", "09")),

    /** The hints' listings, pasted into the starter for TODO-01..K, compile (Java) and parse (JS), for every K. */
    LISTINGS_COMPILE(Set.of("01", "02", "03", "04", "05", "06", "07", "08", "09")),

    /** Every wire block (README or slides) has a wire marker and is what the solution sends. */
    WIRE_BLOCKS(Set.of("01", "02", "03", "04", "05", "06", "07", "08", "09")),

    /** Wire lines in inline code are written as SseEmitter writes them: {@code `retry:1000`}, not {@code `retry: 1000`}. */
    INLINE_WIRE(Set.of("01", "02", "03", "04", "05", "06", "07", "08", "09"));

    private final Set<String> lessons;

    Convention(Set<String> lessons) {
        this.lessons = lessons;
    }

    /** Whether this rule fails the build for the lesson numbered {@code number} ("02"). */
    boolean isOnFor(String number) {
        return this.lessons.contains(number);
    }

    /**
     * Passes when there is no problem; else fails with all of them, when the rule is on
     * for the lesson, or is skipped with all of them (printed too), when it is not yet.
     */
    void enforce(String number, Problems problems, String title) {
        if (problems.isEmpty()) {
            if (!isOnFor(number)) {
                System.out.println(this + " finds no problem in lesson " + number
                        + ": switch it on for the lesson in Convention.java.");
            }
            return;
        }
        if (isOnFor(number)) {
            problems.assertNone(title);
        }
        String report = problems.report(title + " [" + this + " is not yet on for lesson " + number
                + " in Convention.java, so this does not fail the build]");
        System.out.println(report);
        throw new TestAbortedException(report);
    }
}
