package com.example.workshop;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/** diff NN: the solution's code beside the learner's; git's diff works even outside a repository. */
record DiffCommand(Context context) {

    int run(List<String> args) {
        Lesson lesson = Lessons.argument(this.context.workspace(), "diff", args);
        this.context.git().requireInstalled("diff");
        if (!Files.isDirectory(lesson.solution().resolve("src/main"))) {
            throw new Problem("Lesson " + lesson.number() + " has no solution in "
                    + this.context.relative(lesson.solution()) + " yet.");
        }
        Out out = this.context.out();
        out.println("What is left between your copy (-) and the solution (+) of lesson " + lesson.number() + ":");
        out.flush();
        Workspace workspace = this.context.workspace();
        // git diff exits 1 when there are differences: that is the point here, not a failure.
        int exitCode = Processes.inherit(workspace.root(), List.of("git", "diff", "--no-index", "--",
                workspace.relativeSlashes(lesson.starter().resolve("src/main")),
                workspace.relativeSlashes(lesson.solution().resolve("src/main"))), Map.of());
        if (exitCode == 0) {
            out.println("Nothing: your copy's src/main is the same as the solution's.");
        }
        return 0;
    }
}
