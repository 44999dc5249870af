package com.example.workshop;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.example.workshop.LessonState.BeforeStart;
import com.example.workshop.LessonState.Done;
import com.example.workshop.LessonState.NotStarted;
import com.example.workshop.LessonState.NotYet;
import com.example.workshop.Outcome.TestsFailed;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressNextTest {

    static final LessonState DONE = new Done(Optional.empty());

    static final LessonState NOT_YET = new NotYet(new TestsFailed(List.of()));

    static final LessonState NOT_STARTED = new NotStarted();

    @Test
    @DisplayName("a classroom that started at 04: the lessons before are not started, and 05 is next")
    void startedInTheMiddle() {
        assertThat(ProgressCommand.next(List.of(NOT_STARTED, NOT_STARTED, NOT_STARTED, DONE, NOT_STARTED,
                NOT_STARTED), 0)).hasValue(4);
    }

    @Test
    @DisplayName("the lesson in progress after the last one done is next")
    void inProgress() {
        assertThat(ProgressCommand.next(List.of(NOT_STARTED, NOT_STARTED, NOT_STARTED, NOT_YET, NOT_STARTED), 0))
                .hasValue(3);
        assertThat(ProgressCommand.next(List.of(DONE, DONE, NOT_STARTED, NOT_YET, NOT_STARTED), 0))
                .as("02 skipped, 03 in progress").hasValue(3);
    }

    @Test
    @DisplayName("nothing started: the first lesson, or the one the learner says they started at")
    void nothingStarted() {
        assertThat(ProgressCommand.next(List.of(NOT_STARTED, NOT_STARTED, NOT_STARTED), 0)).hasValue(0);
        assertThat(ProgressCommand.next(List.of(new BeforeStart(), new BeforeStart(), NOT_STARTED), 2)).hasValue(2);
    }

    @Test
    @DisplayName("every lesson after the last one done is done: an earlier one not done is next, else none")
    void allDone() {
        assertThat(ProgressCommand.next(List.of(DONE, NOT_YET, DONE), 0)).hasValue(1);
        assertThat(ProgressCommand.next(List.of(new BeforeStart(), DONE, DONE), 1)).isEmpty();
    }
}
