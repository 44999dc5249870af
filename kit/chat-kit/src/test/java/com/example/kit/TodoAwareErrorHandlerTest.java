package com.example.kit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A scheduled task's failure: a TODO of a starter in one line, once; a bug with its stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class TodoAwareErrorHandlerTest {

    @Test
    @DisplayName("a TodoException from a scheduled task is one WARN line, once, however often the task runs")
    void aTodoInOneLineOnce(CapturedOutput output) {
        TodoAwareErrorHandler handler = new TodoAwareErrorHandler();
        for (int run = 0; run < 3; run++) {
            handler.handleError(new TodoException("TODO-05", "in Replies.sweep, sweep."));
        }
        assertThat(output.getAll().lines().filter((line) -> line.contains("TODO-05 is not done yet"))).singleElement()
                .satisfies((line) -> assertThat(line).contains("WARN"));
        assertThat(output.getAll()).doesNotContain("\tat ");
    }

    @Test
    @DisplayName("any other failure of a scheduled task is an error, with its stack trace")
    void aBugWithItsStackTrace(CapturedOutput output) {
        new TodoAwareErrorHandler().handleError(new IllegalStateException("a bug"));
        assertThat(output.getAll()).contains("ERROR").contains("java.lang.IllegalStateException: a bug").contains("\tat ");
    }
}
