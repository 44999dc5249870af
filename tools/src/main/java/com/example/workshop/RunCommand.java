package com.example.workshop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * run [NN] [--solution]: builds a lesson's app and runs it in this console, so that Ctrl-C
 * stops it. With NN, the learner's copy (or its solution); without, the most advanced solution.
 */
record RunCommand(Context context) {

    int run(List<String> args) {
        List<String> rest = new ArrayList<>(args);
        boolean solution = rest.remove("--solution");
        if (rest.contains("--starter")) {
            throw new Problem(Out.SELF + " run NN runs your copy of lesson NN already; " + Out.SELF
                    + " run NN --solution runs its solution.");
        }
        Lesson lesson;
        if (rest.isEmpty()) {
            solution = true;
            List<Lesson> solved = this.context.lessons().stream().filter(Lesson::hasSolution).toList();
            if (solved.isEmpty()) {
                throw new Problem("There is no solution to run yet.");
            }
            lesson = solved.get(solved.size() - 1);
        }
        else {
            lesson = Lessons.argument(this.context.workspace(), "run", rest);
        }
        Path module = lesson.module(solution);
        if (!Files.isRegularFile(module.resolve("pom.xml"))) {
            throw new Problem("There is nothing to run in " + this.context.relative(module) + " yet.");
        }
        String label = "lesson " + lesson.number() + (solution ? " (solution)" : " (your copy)");
        Out out = this.context.out();
        out.println("Building " + label + "...");
        Path jar = this.context.maven().buildJars(List.of(module)).get(0);
        String port = Optional.ofNullable(System.getenv("SERVER_PORT")).orElse("8080");
        out.println("Starting " + label + " on http://localhost:" + port + "/ (press Ctrl-C to stop).");
        out.flush();
        // The app shares this console: it gets Ctrl-C itself, and inherits the environment, so
        // SERVER_PORT and SPRING_APPLICATION_JSON work as with any Spring Boot app.
        return Processes.inherit(this.context.workspace().root(),
                List.of(Processes.javaExecutable().toString(), "-jar", jar.toString()), Map.of());
    }
}
