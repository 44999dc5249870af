package com.example.workshop;

import java.util.List;

import com.example.workshop.Processes.Captured;

/**
 * reset NN: back to the starter, without losing anything: the learner's changes go to git's
 * stash, where 'git stash pop' finds them again.
 */
record ResetCommand(Context context) {

    int run(List<String> args) {
        Lesson lesson = Lessons.argument(this.context.workspace(), "reset", args);
        Git git = this.context.git();
        git.requireCheckout("reset");
        String path = this.context.workspace().relativeSlashes(lesson.starter());
        Captured status = git.run("status", "--porcelain", "--untracked-files=all", "--", path);
        if (!status.succeeded()) {
            throw new Problem("git could not tell what changed in " + path + ": " + String.join(" ", status.lines()));
        }
        Out out = this.context.out();
        if (status.lines().stream().allMatch(String::isBlank)) {
            out.println(path + " is already in its starter state: there is nothing to reset.");
            return 0;
        }
        String message = "workshop reset " + lesson.number();
        Captured stash = git.run("stash", "push", "--include-untracked", "-m", message, "--", path);
        if (!stash.succeeded()) {
            throw new Problem("git could not save your work, so nothing was reset: "
                    + String.join(" ", stash.lines()));
        }
        out.println(out.pass() + " " + path + " is back to its starter state.");
        out.println("Your work is not lost: git keeps it in its stash, as \"" + message + "\".");
        out.println("  git stash list   shows it (the newest is stash@{0})");
        out.println("  git stash pop    brings it back (and removes it from the stash)");
        return 0;
    }
}
