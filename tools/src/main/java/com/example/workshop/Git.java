package com.example.workshop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.example.workshop.Processes.Captured;

/** git, run in the workshop's folder; the workshop also works without it, with less. */
final class Git {

    private final Workspace workspace;

    private Boolean checkout;

    private String base;

    Git(Workspace workspace) {
        this.workspace = workspace;
    }

    Captured run(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(Arrays.asList(arguments));
        return Processes.capture(this.workspace.root(), command, Map.of(), null);
    }

    boolean installed() {
        return run("--version").succeeded();
    }

    /** Is the workshop a git checkout (and not, say, a downloaded zip)? */
    boolean isCheckout() {
        if (this.checkout == null) {
            Captured inside = run("rev-parse", "--is-inside-work-tree");
            this.checkout = inside.succeeded() && inside.lines().contains("true");
        }
        return this.checkout;
    }

    void requireInstalled(String command) {
        if (!installed()) {
            throw new Problem(command + " needs git, and git was not found: install it (https://git-scm.com)"
                    + " and run the command again.");
        }
    }

    void requireCheckout(String command) {
        requireInstalled(command);
        if (!isCheckout()) {
            throw new Problem(command + " needs a git checkout of the workshop, and " + this.workspace.root()
                    + " is not one (was it downloaded as a zip?): nothing was changed.");
        }
    }

    /**
     * Is {@code folder} exactly as committed: nothing changed, added or deleted since? Compared
     * with the branch's upstream where there is one (the workshop as cloned, even after the
     * learner committed their own work), else with HEAD.
     */
    boolean unchanged(Path folder) {
        String path = this.workspace.relativeSlashes(folder);
        if (this.base == null) {
            Captured upstream = run("rev-parse", "--verify", "--quiet", "@{upstream}");
            this.base = upstream.succeeded() && !upstream.lines().isEmpty() ? upstream.lines().get(0) : "HEAD";
        }
        Captured changed = run("diff", "--quiet", this.base, "--", path);
        if (changed.exitCode() != 0) {
            return false;
        }
        Captured added = run("ls-files", "--others", "--exclude-standard", "--", path);
        return added.succeeded() && added.lines().stream().allMatch(String::isBlank);
    }
}
