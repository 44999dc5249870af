package com.example.workshop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Other programs (Maven, git, a lesson's app), started in the workshop's folder. */
final class Processes {

    /** A finished process: its exit code and its output (standard error merged in). */
    record Captured(int exitCode, List<String> lines) {

        boolean succeeded() {
            return this.exitCode == 0;
        }
    }

    private Processes() {
    }

    /** Runs a process and collects its output line by line, giving each to {@code listener} as it comes. */
    static Captured capture(Path dir, List<String> command, Map<String, String> environment,
            Consumer<String> listener) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        List<String> lines = new ArrayList<>();
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), nativeCharset()))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                    if (listener != null) {
                        listener.accept(line);
                    }
                }
            }
            return new Captured(process.waitFor(), lines);
        }
        catch (IOException ex) {
            // Most often: the program is not installed. A failed run, not a crash.
            return new Captured(127, List.of("could not run " + command.get(0) + ": " + ex.getMessage()));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new Captured(130, lines);
        }
    }

    /**
     * Runs a process that shares this console (input, output, Ctrl-C), and returns its exit
     * code. Should this tool be stopped first, a shutdown hook stops the process too.
     */
    static int inherit(Path dir, List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).inheritIO();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        }
        catch (IOException ex) {
            throw new Problem("Could not run " + command.get(0) + ": " + ex.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
        try {
            return process.waitFor();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            stop(process);
            return 130;
        }
    }

    static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        catch (InterruptedException ex) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The java that runs this tool: Maven and the apps get the same JDK, never an older one from the PATH. */
    static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    static Path javaExecutable() {
        return javaHome().resolve("bin").resolve(Out.WINDOWS ? "java.exe" : "java");
    }

    /** Child processes write in the platform's encoding, not necessarily UTF-8. */
    static Charset nativeCharset() {
        try {
            return Charset.forName(System.getProperty("native.encoding", "UTF-8"));
        }
        catch (RuntimeException ex) {
            return Charset.defaultCharset();
        }
    }

    static List<String> tail(List<String> lines, int count) {
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }
}
