package com.example.workshop;

import java.io.Console;
import java.util.Locale;

/** The tool's output: ✔/✘ where the console can show them, colour only on a terminal. */
final class Out {

    static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");

    /** How a learner calls this tool on this machine, for the sentences that suggest a command. */
    static final String SELF = WINDOWS ? "workshop" : "./workshop";

    /** Can System.out encode ✔ and ✘? (stdout.encoding is set from JDK 19 on.) */
    private final boolean unicode = System.getProperty("stdout.encoding", System.getProperty("file.encoding", ""))
            .toUpperCase(Locale.ROOT).replace("-", "").equals("UTF8");

    private final boolean terminal = terminal();

    /** ANSI colours only on a terminal, never in a file or a pipe; NO_COLOR turns them off. */
    private final boolean colour = this.terminal && System.getenv("NO_COLOR") == null
            && (!WINDOWS || System.getenv("WT_SESSION") != null);

    private int temporaryLength;

    static boolean terminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // From JDK 22, System.console() may exist without a terminal: ask it (reflection,
            // as the method is newer than JDK 21).
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        }
        catch (ReflectiveOperationException ex) {
            return true;
        }
    }

    boolean isTerminal() {
        return this.terminal;
    }

    String pass() {
        return paint("32", this.unicode ? "\u2714" : "+");
    }

    String fail() {
        return paint("31", this.unicode ? "\u2718" : "x");
    }

    String later() {
        return paint("2", this.unicode ? "\u00b7" : ".");
    }

    String dash() {
        return this.unicode ? "\u2014" : "-";
    }

    String bold(String text) {
        return paint("1", text);
    }

    private String paint(String code, String text) {
        return this.colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }

    void println(String line) {
        temporary("");
        System.out.println(line);
    }

    void blank() {
        println("");
    }

    void flush() {
        System.out.flush();
    }

    /**
     * A line that the next one overwrites ("running CancelTest..."), on a terminal only: in a
     * file or a pipe it would only add noise.
     */
    void temporary(String line) {
        if (!this.terminal || (line.isEmpty() && this.temporaryLength == 0)) {
            return;
        }
        System.out.print("\r" + " ".repeat(this.temporaryLength) + "\r" + line);
        System.out.flush();
        this.temporaryLength = line.length();
    }

    /**
     * What a long command is doing now ("running CancelTest..."): one line that the next one
     * overwrites on a terminal, a line of its own elsewhere (an IDE's console, a pipe).
     */
    void status(String line) {
        if (this.terminal) {
            temporary(line);
        }
        else {
            System.out.println(line);
        }
    }

    /** "41 s", "1 min 55 s": how long a command took. */
    static String elapsed(long nanos) {
        long seconds = Math.round(nanos / 1e9);
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }

    static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
