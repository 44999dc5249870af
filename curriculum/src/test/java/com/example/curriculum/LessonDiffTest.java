package com.example.curriculum;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The size of each lesson's diff, for a reviewer: what the lesson teaches (the previous
 * solution to this one), what its starter scaffolds (the previous solution to the starter)
 * and what the learner writes (the starter to the solution). Printed, and written to
 * {@code curriculum/target/lesson-diffs.md}. Counted over {@code src/main} (the README and
 * the build files are not what a lesson teaches; lesson 01 is counted against nothing).
 */
@DisplayName("The size of each lesson's diff")
class LessonDiffTest {

    /** Files changed and lines added and removed, from one tree to another. */
    record Size(int files, int added, int removed) {

        @Override
        public String toString() {
            return this.files + (this.files == 1 ? " file" : " files") + ", +" + this.added + " −" + this.removed;
        }
    }

    @Test
    @DisplayName("is printed for every lesson, and written to target/lesson-diffs.md")
    void printsTheSizeOfEachLessonsDiff() {
        List<Lesson> lessons = Lesson.all();
        List<String> rows = new ArrayList<>();
        rows.add("| Lesson | teaches: solutions/NN-1 → solutions/NN | scaffolds: solutions/NN-1 → lessons/NN "
                + "| the learner writes: lessons/NN → solutions/NN |");
        rows.add("| --- | --- | --- | --- |");
        Path previous = null;
        for (Lesson lesson : lessons) {
            Path before = (previous == null) ? null : previous.resolve("src/main");
            rows.add("| " + lesson.name() + " | " + size(before, lesson.solution().resolve("src/main")) + " | "
                    + size(before, lesson.starter().resolve("src/main")) + " | "
                    + size(lesson.starter().resolve("src/main"), lesson.solution().resolve("src/main")) + " |");
            previous = lesson.solution();
        }
        String table = "Size of each lesson's diff, over src/main (lesson 01 against nothing):\n\n" + String.join("\n", rows) + "\n";
        System.out.println(table);
        Files2.write(LessonTextTest.ROOT.resolve("curriculum/target/lesson-diffs.md"), table);
        assertThat(rows).as("a row for every lesson").hasSize(lessons.size() + 2);
        assertThat(lessons).as("the lessons found").isNotEmpty()
                .allSatisfy((lesson) -> assertThat(lesson.solution().resolve("src/main")).isDirectory());
    }

    /** The diff's size from {@code from} (null: nothing) to {@code to}, file by file. */
    static Size size(Path from, Path to) {
        Map<String, List<String>> before = lines(from);
        Map<String, List<String>> after = lines(to);
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        int files = 0;
        int added = 0;
        int removed = 0;
        for (String name : names) {
            List<AbstractDelta<String>> deltas = DiffUtils.diff(before.getOrDefault(name, List.of()),
                    after.getOrDefault(name, List.of())).getDeltas();
            if (!deltas.isEmpty()) {
                files++;
            }
            for (AbstractDelta<String> delta : deltas) {
                removed += delta.getSource().size();
                added += delta.getTarget().size();
            }
        }
        return new Size(files, added, removed);
    }

    private static Map<String, List<String>> lines(Path dir) {
        Map<String, List<String>> files = new TreeMap<>();
        if (dir != null) {
            Files2.walk(dir).forEach((file) -> files.put(dir.relativize(file).toString(), Files2.read(file).lines().toList()));
        }
        return files;
    }
}
