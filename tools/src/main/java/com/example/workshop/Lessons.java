package com.example.workshop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The lessons, found on disk: no lesson is named in the tool. */
final class Lessons {

    static final Pattern LESSON_DIR = Pattern.compile("(\\d\\d)-(.+)");

    private Lessons() {
    }

    /** Every lessons/NN-* folder with a pom.xml, in order. */
    static List<Lesson> all(Workspace workspace) {
        return numberedModules(workspace.resolve("lessons")).stream().map((dir) -> {
            Matcher name = LESSON_DIR.matcher(dir.getFileName().toString());
            name.matches();
            return new Lesson(name.group(1), name.group(2), dir, workspace.resolve("solutions").resolve(
                    dir.getFileName().toString()));
        }).collect(Collectors.toList());
    }

    static List<Path> numberedModules(Path parent) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(parent)) {
            return dirs.filter((dir) -> LESSON_DIR.matcher(dir.getFileName().toString()).matches())
                    .filter((dir) -> Files.isRegularFile(dir.resolve("pom.xml"))).sorted()
                    .collect(Collectors.toList());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The lesson a command names: "1", "01", "01-blocking-chat" or "blocking-chat". */
    static Lesson named(List<Lesson> lessons, String wanted) {
        for (Lesson lesson : lessons) {
            boolean number = wanted.matches("\\d{1,2}")
                    && Integer.parseInt(wanted) == Integer.parseInt(lesson.number());
            if (number || wanted.equals(lesson.dirName()) || wanted.equals(lesson.slug())) {
                return lesson;
            }
        }
        throw new Problem("There is no lesson '" + wanted + "'; the lessons are "
                + lessons.stream().map(Lesson::number).collect(Collectors.joining(", ")) + ".");
    }

    /** The one lesson a command takes as its argument. */
    static Lesson argument(Workspace workspace, String command, List<String> args) {
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            throw new Problem("Say which lesson: " + Out.SELF + " " + command + " NN (for example " + Out.SELF + " "
                    + command + " 01)" + (args.size() > 1 ? "; this got: " + String.join(" ", args) : "") + ".");
        }
        return named(all(workspace), args.get(0));
    }
}
