package com.example.workshop;

import java.nio.file.Files;
import java.nio.file.Path;

/** A lesson: its starter (the learner's copy) in lessons/NN-slug, its solution in solutions/NN-slug. */
record Lesson(String number, String slug, Path starter, Path solution) {

    String dirName() {
        return this.number + "-" + this.slug;
    }

    LessonReadme readme() {
        return LessonReadme.read(this.starter.resolve("README.md"));
    }

    /** "the blocking chat", from the README's "# Lesson 01: the blocking chat". */
    String title() {
        return readme().title().orElse(this.slug.replace('-', ' '));
    }

    boolean hasSolution() {
        return Files.isRegularFile(this.solution.resolve("pom.xml"));
    }

    /** The learner's copy, or the solution. */
    Path module(boolean solution) {
        return solution ? this.solution : this.starter;
    }
}
