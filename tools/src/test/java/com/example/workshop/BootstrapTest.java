package com.example.workshop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.example.workshop.Processes.Captured;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * tools/Workshop.java, as the launchers start it: the JDK's source launcher, then the tool
 * compiled with the JDK alone (no Maven, no dependency), then run.
 */
class BootstrapTest {

    static final Workspace WORKSHOP = Workspace.find();

    static Captured workshop(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(Processes.javaExecutable().toString(),
                WORKSHOP.resolve("tools/Workshop.java").toString()));
        command.addAll(List.of(args));
        return Processes.capture(WORKSHOP.root(), command, Map.of(), null);
    }

    @Test
    @DisplayName("the source launcher compiles the tool with the JDK alone, once, and runs it: help lists every command")
    void help() throws Exception {
        Captured help = workshop("help");
        assertThat(help.exitCode()).as(String.join("\n", help.lines())).isZero();
        for (Command command : Command.values()) {
            assertThat(help.lines()).as("help").anyMatch((line) -> line.startsWith("  " + command.word + " "));
        }
        Path cache = WORKSHOP.resolve("tools/target/workshop");
        List<Path> versions;
        try (var folders = Files.list(cache)) {
            versions = folders.filter((folder) -> Files.isRegularFile(folder.resolve("com/example/workshop/Main.class")))
                    .toList();
        }
        assertThat(versions).isNotEmpty();
        long compiled = Files.getLastModifiedTime(versions.get(0)).toMillis();
        assertThat(workshop("help").exitCode()).isZero();
        assertThat(Files.getLastModifiedTime(versions.get(0)).toMillis()).as("not compiled again").isEqualTo(compiled);
    }

    @Test
    @DisplayName("a lesson that does not exist gets a sentence, not a stack trace")
    void noSuchLesson() {
        Captured run = workshop("check", "99");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(String.join("\n", run.lines())).startsWith("There is no lesson '99'; the lessons are 01")
                .doesNotContain("Exception");
    }
}
