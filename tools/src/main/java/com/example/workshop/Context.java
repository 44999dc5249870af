package com.example.workshop;

import java.nio.file.Path;
import java.util.List;

/** What every command works with: the workshop's folder, the console, Maven, git, the pass cache. */
record Context(Workspace workspace, Out out, Maven maven, Git git, PassCache cache) {

    static Context create(Workspace workspace, boolean verbose) {
        Out out = new Out();
        return new Context(workspace, out, new Maven(workspace, out, verbose), new Git(workspace),
                new PassCache(workspace));
    }

    List<Lesson> lessons() {
        return Lessons.all(this.workspace);
    }

    String relative(Path path) {
        return this.workspace.relative(path);
    }

    TestRun testRun() {
        return new TestRun(this.workspace, this.maven, this.cache);
    }

    Explanation explanation() {
        return new Explanation(this.workspace, this.out);
    }

    void noMoreArguments(String command, List<String> args) {
        if (!args.isEmpty()) {
            throw new Problem(Out.SELF + " " + command + " takes no arguments, and got: " + String.join(" ", args)
                    + ".");
        }
    }
}
