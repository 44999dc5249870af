package com.example.workshop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** "Not started" is what git says: a lesson's folder exactly as committed. */
class GitTest {

    @TempDir
    Path root;

    Git git;

    Path lesson;

    @BeforeEach
    void commitAStarter() throws IOException {
        this.git = new Git(new Workspace(this.root));
        assumeTrue(this.git.installed(), "git is not installed here");
        this.lesson = this.root.resolve("lessons/04-resumable-replies");
        Files.createDirectories(this.lesson.resolve("src"));
        Files.writeString(this.lesson.resolve("src/Replies.java"), "class Replies {}\n");
        Files.writeString(this.root.resolve(".gitignore"), "target/\n");
        git("init", "-q");
        git("add", ".");
        git("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "starter");
    }

    void git(String... arguments) {
        assertThat(this.git.run(arguments).exitCode()).as("git %s", String.join(" ", arguments)).isZero();
    }

    @Test
    @DisplayName("the starter as committed is unchanged; a build's target/ does not count")
    void unchanged() throws IOException {
        assertThat(this.git.isCheckout()).isTrue();
        Files.createDirectories(this.lesson.resolve("target"));
        Files.writeString(this.lesson.resolve("target/workshop-passed"), "x");
        assertThat(this.git.unchanged(this.lesson)).isTrue();
    }

    @Test
    @DisplayName("an edited, an added or a deleted file is a change")
    void changed() throws IOException {
        Path file = this.lesson.resolve("src/Replies.java");
        Files.writeString(file, "class Replies { int todo; }\n");
        assertThat(this.git.unchanged(this.lesson)).as("edited").isFalse();
        git("checkout", "-q", "--", ".");
        assertThat(this.git.unchanged(this.lesson)).as("edit undone").isTrue();
        Files.writeString(this.lesson.resolve("src/Reply.java"), "record Reply() {}\n");
        assertThat(this.git.unchanged(this.lesson)).as("added").isFalse();
        Files.delete(this.lesson.resolve("src/Reply.java"));
        Files.delete(file);
        assertThat(this.git.unchanged(this.lesson)).as("deleted").isFalse();
    }

    @Test
    @DisplayName("outside a checkout, git knows nothing")
    void notACheckout(@TempDir Path elsewhere) {
        assertThat(new Git(new Workspace(elsewhere)).isCheckout()).isFalse();
    }
}
