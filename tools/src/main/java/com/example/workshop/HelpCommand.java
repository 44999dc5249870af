package com.example.workshop;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** help: the commands, one line each. */
record HelpCommand(Context context) {

    int run(List<String> args) {
        Out out = this.context.out();
        out.println("Usage: " + Out.SELF + " <command> [--verbose]");
        out.blank();
        int width = Arrays.stream(Command.values()).mapToInt((c) -> (c.word + " " + c.arguments).length()).max()
                .orElse(0);
        for (Command command : Command.values()) {
            String left = (command.word + " " + command.arguments).trim();
            out.println("  " + Out.pad(left, width) + "  " + command.description);
        }
        out.blank();
        String example = this.context.lessons().stream().findFirst().map(Lesson::dirName).orElse("01-name");
        out.println("NN is a lesson's number (1 or 01) or its folder's name (" + example + ").");
        out.println("--verbose shows Maven's own output, which the tool otherwise keeps to itself.");
        return 0;
    }

    /** What a mistyped command gets: the list of commands, on standard error. */
    static int usage() {
        System.err.println("Usage: " + Out.SELF + " <command> [--verbose]");
        System.err.println("Commands: " + Arrays.stream(Command.values()).map((c) -> c.word)
                .collect(Collectors.joining(", ")) + ". '" + Out.SELF + " help' says what each one does.");
        return 2;
    }
}
