package com.example.workshop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.example.workshop.Processes.Captured;

/**
 * The Maven wrapper (mvnw), which does the real work. Always with -B (no colours, no progress
 * bars) and on the JDK that runs this tool, so that Maven cannot pick an older one from the
 * PATH. Its output is long and not meant for learners: it is kept, and shown only with --verbose.
 */
final class Maven {

    private final Workspace workspace;

    private final Out out;

    private final boolean verbose;

    Maven(Workspace workspace, Out out, boolean verbose) {
        this.workspace = workspace;
        this.out = out;
        this.verbose = verbose;
    }

    /** Runs mvnw with these arguments; each line of its output goes to {@code listener} as it comes. */
    Captured run(List<String> arguments, Consumer<String> listener) {
        return Processes.capture(this.workspace.root(), command(arguments), environment(), (line) -> {
            if (this.verbose) {
                this.out.println(line);
            }
            if (listener != null) {
                listener.accept(line);
            }
        });
    }

    /** Runs mvnw in this console: what it prints is shown as it comes, and Ctrl-C stops it. */
    int inherit(List<String> arguments) {
        return Processes.inherit(this.workspace.root(), command(arguments), environment());
    }

    private List<String> command(List<String> arguments) {
        Path wrapper = this.workspace.resolve(Out.WINDOWS ? "mvnw.cmd" : "mvnw");
        if (!Files.isRegularFile(wrapper)) {
            throw new Problem("The Maven wrapper " + this.workspace.relative(wrapper) + " is missing from "
                    + this.workspace.root() + ".");
        }
        List<String> command = new ArrayList<>();
        if (!Out.WINDOWS && !Files.isExecutable(wrapper)) {
            command.add("sh"); // an unzipped download may have lost the executable bit
        }
        command.add(wrapper.toString());
        command.add("-B");
        command.addAll(arguments);
        return command;
    }

    private static Map<String, String> environment() {
        return Map.of("JAVA_HOME", Processes.javaHome().toString());
    }

    /** Packages modules (without tests) and returns their executable jars, in the same order. */
    List<Path> buildJars(List<Path> modules) {
        String list = modules.stream().map(this.workspace::relativeSlashes).collect(Collectors.joining(","));
        Captured maven = run(List.of("-q", "package", "-DskipTests", "-Dworkshop.learner=true", "-pl", list, "-am"),
                null);
        if (!maven.succeeded()) {
            List<String> errors = new CompilerErrors(this.workspace).read(maven.lines());
            StringBuilder message = new StringBuilder("The build failed, so there is nothing to run.");
            for (String line : errors.isEmpty() ? Processes.tail(maven.lines(), 20) : errors) {
                message.append(System.lineSeparator()).append("  ").append(line);
            }
            throw new Problem(message.toString());
        }
        List<Path> jars = new ArrayList<>();
        for (Path module : modules) {
            Path jar = module.resolve("target/" + Pom.artifactId(module) + "-" + Pom.version(module) + ".jar");
            if (!Files.isRegularFile(jar)) {
                throw new Problem("The build did not make " + this.workspace.relative(jar) + ".");
            }
            jars.add(jar);
        }
        return jars;
    }
}
