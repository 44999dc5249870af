package com.example.curriculum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One lesson: its number ({@code "02"}), its directory's name ({@code "02-sse-emitter"}),
 * its starter ({@code lessons/NN-*}) and its solution ({@code solutions/NN-*}).
 */
record Lesson(String number, String name, Path starter, Path solution) {

    /** Every {@code lessons/NN-*} with a {@code pom.xml}, in order. */
    static List<Lesson> all() {
        return all(LessonTextTest.ROOT);
    }

    static List<Lesson> all(Path root) {
        try (Stream<Path> dirs = Files.list(root.resolve("lessons"))) {
            return dirs.filter((dir) -> dir.getFileName().toString().matches("\\d\\d-.+"))
                    .filter((dir) -> Files.exists(dir.resolve("pom.xml")))
                    .sorted()
                    .map((dir) -> of(dir, root.resolve("solutions").resolve(dir.getFileName())))
                    .toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static Lesson of(Path starter, Path solution) {
        String name = starter.getFileName().toString();
        return new Lesson(name.substring(0, 2), name, starter, solution);
    }

    Path readme() {
        return this.starter.resolve("README.md");
    }

    LessonText text() {
        return LessonText.read(readme());
    }

    @Override
    public String toString() {
        return this.name;
    }
}
