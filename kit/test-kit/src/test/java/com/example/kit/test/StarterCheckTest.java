package com.example.kit.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StarterCheckTest {

    @TempDir
    Path lesson;

    @BeforeEach
    void readme() throws IOException {
        Files.createDirectories(this.lesson.resolve("src"));
        Files.writeString(this.lesson.resolve("README.md"), """
                # Lesson 99
                <!-- starter-fails -->
                - `ATest.fails` (TODO-01)
                - `ATest.failsToo` (TODO-02)
                <!-- /starter-fails -->
                """);
    }

    @Test
    @DisplayName("a starter that fails exactly as declared passes the check")
    void exactlyAsDeclared() throws Exception {
        reports(testcase("fails", "TODO-01 is not done yet"), testcase("failsToo", "boom: TODO-02"), testcase("passes", null));
        assertThat(StarterCheck.check(this.lesson)).isEmpty();
    }

    @Test
    @DisplayName("a README line that names no TODO is reported: its failure would not say what to do")
    void everyLineNamesItsTodo() throws Exception {
        Files.writeString(this.lesson.resolve("README.md"), """
                <!-- starter-fails -->
                - `ATest.fails`
                <!-- /starter-fails -->
                """);
        reports(testcase("fails", "boom"));
        assertThat(StarterCheck.check(this.lesson)).singleElement().asString()
                .contains("lists ATest.fails without the TODO that fixes it");
    }

    @Test
    @DisplayName("a declared failure that passes, an undeclared failure and a failure without its TODO are each reported")
    void drift() throws Exception {
        reports(testcase("fails", "some other reason"), testcase("failsToo", null), testcase("passes", "oops"));
        List<String> problems = StarterCheck.check(this.lesson);
        assertThat(problems).hasSize(3);
        assertThat(problems).anySatisfy((p) -> assertThat(p).contains("ATest.fails failed without naming TODO-01"));
        assertThat(problems).anySatisfy((p) -> assertThat(p).contains("fails ATest.failsToo, but it passed"));
        assertThat(problems).anySatisfy((p) -> assertThat(p).contains("ATest.passes fails in the starter, but the README"));
    }

    @Test
    @DisplayName("drift fails the build with a sentence naming the lesson and the progress command")
    void driftMessage() throws Exception {
        reports(testcase("fails", "TODO-01"), testcase("failsToo", null));
        assertThatThrownBy(() -> StarterCheck.main(new String[] { this.lesson.toString(), "false", "false" }))
                .hasMessageContaining("drifted from its README").hasMessageContaining("./workshop progress");
    }

    @Test
    @DisplayName("no reports at all is drift too: the tests did not run")
    void noReports() throws Exception {
        assertThat(StarterCheck.check(this.lesson)).anySatisfy((p) -> assertThat(p).contains("no test ran"));
    }

    private static String testcase(String name, String failure) {
        String body = (failure != null) ? "<failure message=\"" + failure + "\">trace</failure>" : "";
        return "<testcase name=\"" + name + "\" classname=\"com.example.chat.ATest\">" + body + "</testcase>";
    }

    private void reports(String... testcases) throws IOException {
        Path reports = Files.createDirectories(this.lesson.resolve("target/surefire-reports"));
        Files.writeString(reports.resolve("TEST-com.example.chat.ATest.xml"),
                "<testsuite>" + String.join("", testcases) + "</testsuite>");
    }
}
