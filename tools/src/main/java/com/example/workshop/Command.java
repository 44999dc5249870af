package com.example.workshop;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The tool's commands, in the order help lists them, and the class that does each. */
enum Command {

    PROGRESS("progress", "[--from NN]",
            "shows each lesson's state, and what to do next (--from: the lesson you started at)"),
    CHECK("check", "NN [--solution]", "runs lesson NN's tests on your copy (or on the solution) and explains"
            + " the first failure"),
    RESET("reset", "NN", "puts lesson NN back to its starter state, keeping your work in git's stash"),
    DIFF("diff", "NN", "shows what is left between your copy of lesson NN and its solution"),
    RUN("run", "[NN] [--solution]", "runs lesson NN's chat, your copy (or the solution), on http://localhost:8080;"
            + " with no NN, the last solution"),
    PREFETCH("prefetch", "", "downloads everything the workshop needs, so that it works without network"),
    SLIDES("slides", "", "serves the slides on http://localhost:8000 (no network needed)"),
    BENCH("bench", "", "measures lesson 01 against lesson 02: how soon the first token arrives"),
    MEASURE("measure", "[--quick]", "measures the newest solution's transports side by side: first token, memory,"
            + " threads, bytes and CPU (--quick: 2 to 3 minutes)"),
    HELP("help", "", "lists these commands");

    final String word;

    final String arguments;

    final String description;

    Command(String word, String arguments, String description) {
        this.word = word;
        this.arguments = arguments;
        this.description = description;
    }

    static Optional<Command> named(String word) {
        if (List.of("--help", "-h").contains(word)) {
            return Optional.of(HELP);
        }
        return Arrays.stream(values()).filter((command) -> command.word.equals(word)).findFirst();
    }

    /** Runs the command; its exit code. */
    int run(Context context, List<String> args) {
        return switch (this) {
            case PROGRESS -> new ProgressCommand(context).run(args);
            case CHECK -> new CheckCommand(context).run(args);
            case RESET -> new ResetCommand(context).run(args);
            case DIFF -> new DiffCommand(context).run(args);
            case RUN -> new RunCommand(context).run(args);
            case PREFETCH -> new PrefetchCommand(context).run(args);
            case SLIDES -> new SlidesCommand(context).run(args);
            case BENCH -> new BenchCommand(context).run(args);
            case MEASURE -> new MeasureCommand(context).run(args);
            case HELP -> new HelpCommand(context).run(args);
        };
    }
}
