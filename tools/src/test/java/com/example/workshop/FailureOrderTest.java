package com.example.workshop;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.example.workshop.FailureOrder.Evidence;
import com.example.workshop.FailureOrder.Failure;
import com.example.workshop.TestResult.Status;

import static org.assertj.core.api.Assertions.assertThat;

class FailureOrderTest {

    static final LessonReadme README = new LessonReadme(Path.of("README.md"), """
            # Lesson 05: the stream's life

            <!-- starter-fails -->
            - `StopBrowserTest.stopCancelsOnTheServer` (TODO-02)
            - `CancelTest.cancelsARunningReply` (TODO-01)
            - `HeartbeatTest.sendsHeartbeats` (TODO-03)
            - `StreamLifeTest.endsAtTheTimeout` (TODO-04)
            - `StreamLifeTest.aClientGoneIsCountedOut`
            <!-- /starter-fails -->
            """);

    static TestResult failed(String test, String message) {
        String[] name = test.split("\\.");
        return new TestResult("com.example.chat." + name[0], name[1], name[1], Status.FAILED, message);
    }

    static List<String> order(TestResult... tests) {
        return FailureOrder.order(List.of(tests), README).stream().map((failure) -> failure.test().testName())
                .toList();
    }

    @Test
    @DisplayName("the earliest TODO comes first, whatever the order of the test classes")
    void earliestTodoFirst() {
        assertThat(order(failed("StreamLifeTest.endsAtTheTimeout", "no timeout"),
                failed("HeartbeatTest.sendsHeartbeats", "no comment"),
                failed("CancelTest.cancelsARunningReply", "cancel answered 501")))
                .containsExactly("CancelTest.cancelsARunningReply", "HeartbeatTest.sendsHeartbeats",
                        "StreamLifeTest.endsAtTheTimeout");
    }

    @Test
    @DisplayName("the TODO a message names wins over the README's: it says what blocks the check now")
    void messageBeforeReadme() {
        // The README ties the heartbeat test to TODO-03, but its stream hit TODO-01's stub.
        List<Failure> failures = FailureOrder.order(List.of(
                failed("CancelTest.cancelsARunningReply", "expected 202 but was 500"),
                failed("HeartbeatTest.sendsHeartbeats", "{\"detail\":\"TODO-01 is not done yet: in X.y, do z.\"}")),
                README);
        assertThat(failures).extracting((failure) -> failure.test().testName(), Failure::todoName, Failure::evidence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HeartbeatTest.sendsHeartbeats", "TODO-01",
                        Evidence.MESSAGE),
                        org.assertj.core.groups.Tuple.tuple("CancelTest.cancelsARunningReply", "TODO-01",
                                Evidence.README));
    }

    @Test
    @DisplayName("a browser test failing with a 404 is not shown before the server-side failure of the same TODO")
    void consequenceAfterCause() {
        assertThat(order(failed("StopBrowserTest.stopCancelsOnTheServer", "the page shows 'HTTP 404'"),
                failed("CancelTest.cancelsARunningReply", "TODO-02 is not done yet: in Replies.cancel, end it.")))
                .containsExactly("CancelTest.cancelsARunningReply", "StopBrowserTest.stopCancelsOnTheServer");
    }

    @Test
    @DisplayName("failures tied to no TODO come after all others; passing tests are left out")
    void untiedLast() {
        TestResult passed = new TestResult("com.example.chat.BadPromptTest", "blank", "blank", Status.PASSED, "");
        assertThat(order(failed("StreamLifeTest.aClientGoneIsCountedOut", "still 1 stream open after 5 s"),
                passed, failed("BadPromptTest.missing", "expected 400 but was 500"),
                failed("StreamLifeTest.endsAtTheTimeout", "no timeout in 10 s")))
                .containsExactly("StreamLifeTest.endsAtTheTimeout", "StreamLifeTest.aClientGoneIsCountedOut",
                        "BadPromptTest.missing");
    }

    @Test
    @DisplayName("a stub's own TODO wins over a TODO the message only mentions")
    void stubSentenceWins() {
        assertThat(Todos.inMessage("the timeout (TODO-04) never came: TODO-05 is not done yet: sweep."))
                .hasValue(5);
        assertThat(Todos.inMessage("see TODO-04 and TODO-02")).hasValue(2);
        assertThat(Todos.inMessage("expected 200 but was 404")).isEmpty();
    }
}
