package com.example.workshop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.workshop.Outcome.CompileError;
import com.example.workshop.Outcome.TestsFailed;
import com.example.workshop.Processes.Captured;
import com.example.workshop.TestResult.Status;

import static org.assertj.core.api.Assertions.assertThat;

class SurefireReportsTest {

    @TempDir
    Path root;

    @Test
    @DisplayName("each test's result, message and display name, in the order the methods are written")
    void reads() throws IOException {
        Path sources = this.root.resolve("src/test/java/com/example/chat");
        Files.createDirectories(sources);
        Files.writeString(sources.resolve("CancelTest.java"), """
                @DisplayName("cancelling")
                class CancelTest {
                    @Test
                    @DisplayName("cancel answers 202, \\"cancelled\\"")
                    void cancelsARunningReply() {}
                    @Test
                    void cancelAnUnknownReply() {}
                    @ParameterizedTest
                    @DisplayName("a bad id gets 400")
                    void badId(String id) {}
                }
                """);
        Path reports = Files.createDirectories(this.root.resolve("target/surefire-reports"));
        Files.writeString(reports.resolve("TEST-com.example.chat.CancelTest.xml"), """
                <testsuite name="com.example.chat.CancelTest">
                  <testcase name="badId(String)[1]" classname="com.example.chat.CancelTest"/>
                  <testcase name="cancelAnUnknownReply" classname="com.example.chat.CancelTest">
                    <skipped message="no browser here"/>
                  </testcase>
                  <testcase name="cancelsARunningReply" classname="com.example.chat.CancelTest">
                    <failure message="TODO-01 is not done yet: in ReplyController.cancel, answer 202."
                        type="org.opentest4j.AssertionFailedError">trace</failure>
                  </testcase>
                </testsuite>
                """);
        List<TestResult> tests = SurefireReports.read(reports, this.root.resolve("src/test/java"));
        assertThat(tests).extracting(TestResult::displayName, TestResult::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("cancel answers 202, \"cancelled\"", Status.FAILED),
                org.assertj.core.groups.Tuple.tuple("cancelAnUnknownReply", Status.SKIPPED),
                org.assertj.core.groups.Tuple.tuple("a bad id gets 400 [1]", Status.PASSED));
        assertThat(tests.get(0).message()).startsWith("TODO-01 is not done yet");
        assertThat(TestSources.read(this.root.resolve("src/test/java")).classes()).containsExactly("CancelTest");
    }

    @Test
    @DisplayName("a compile error is told once, with its file relative to the workshop")
    void compileErrors() {
        Workspace workspace = new Workspace(this.root);
        String file = this.root.resolve("lessons/01-blocking-chat/src/main/java/Chat.java").toString();
        TestRun run = new TestRun(workspace, null, null);
        Outcome outcome = run.outcome(new Captured(1, List.of("[ERROR] " + file + ":[12,5] cannot find symbol",
                "[ERROR]   symbol:   variable text", "[INFO] BUILD FAILURE", "[ERROR] " + file
                        + ":[12,5] cannot find symbol")), List.of());
        assertThat(outcome).isInstanceOfSatisfying(CompileError.class, (error) -> assertThat(error.errors())
                .containsExactly(Path.of("lessons/01-blocking-chat/src/main/java/Chat.java") + ":12: cannot find"
                        + " symbol" + System.lineSeparator() + "      symbol:   variable text"));
        TestResult failed = new TestResult("C", "m", "m", Status.FAILED, "x");
        assertThat(run.outcome(new Captured(1, List.of("[ERROR] There are test failures.")), List.of(failed)))
                .isInstanceOf(TestsFailed.class);
    }
}
