package com.example.workshop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PassCacheTest {

    @TempDir
    Path root;

    Path lesson;

    @BeforeEach
    void workshop() throws IOException {
        write("pom.xml", "<project/>");
        write("lessons/pom.xml", "<project/>");
        write("lessons/01-blocking-chat/pom.xml", "<project/>");
        write("lessons/01-blocking-chat/src/main/java/Chat.java", "class Chat {}");
        write("kit/chat-kit/src/main/java/Model.java", "class Model {}");
        this.lesson = this.root.resolve("lessons/01-blocking-chat");
    }

    void write(String path, String text) throws IOException {
        Path file = this.root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    PassCache passed() {
        PassCache cache = new PassCache(new Workspace(this.root));
        cache.record(this.lesson, true);
        return cache;
    }

    @Test
    @DisplayName("a lesson that passed and did not change is done without a run; a build's output does not count")
    void unchanged() throws IOException {
        passed();
        write("lessons/01-blocking-chat/target/classes/Chat.class", "x");
        write("kit/chat-kit/target/classes/Model.class", "x");
        assertThat(new PassCache(new Workspace(this.root)).passed(this.lesson)).isTrue();
    }

    @Test
    @DisplayName("a change in the lesson, in the kit or in a parent pom runs it again")
    void changed() throws IOException {
        passed();
        write("kit/chat-kit/src/main/java/Model.java", "class Model { int changed; }");
        assertThat(new PassCache(new Workspace(this.root)).passed(this.lesson)).as("the kit").isFalse();
        passed();
        write("lessons/01-blocking-chat/src/main/java/Chat.java", "class Chat { int changed; }");
        assertThat(new PassCache(new Workspace(this.root)).passed(this.lesson)).as("the lesson").isFalse();
        passed();
        write("lessons/pom.xml", "<project><changed/></project>");
        assertThat(new PassCache(new Workspace(this.root)).passed(this.lesson)).as("the parent pom").isFalse();
    }

    @Test
    @DisplayName("a failed run forgets the pass")
    void failed() {
        PassCache cache = passed();
        cache.record(this.lesson, false);
        assertThat(cache.passed(this.lesson)).isFalse();
    }
}
