package com.example.workshop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The workshop's command-line tool: checks your lessons, shows your progress, runs the chat.
 * tools/Workshop.java compiles and starts it; see tools/README.md for how it is laid out.
 * Expected failures end with a sentence, never with a stack trace: they throw {@link Problem}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        boolean verbose = arguments.remove("--verbose");
        try {
            System.exit(run(Context.create(Workspace.find(), verbose), arguments));
        }
        catch (Problem problem) {
            System.out.flush();
            System.err.println(problem.getMessage());
            System.exit(1);
        }
    }

    static int run(Context context, List<String> args) {
        if (args.isEmpty()) {
            return HelpCommand.usage();
        }
        Optional<Command> command = Command.named(args.get(0));
        if (command.isEmpty()) {
            System.err.println("Unknown command: " + args.get(0));
            return HelpCommand.usage();
        }
        return command.get().run(context, args.subList(1, args.size()));
    }
}
