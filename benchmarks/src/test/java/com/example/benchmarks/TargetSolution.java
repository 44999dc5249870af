package com.example.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The solution under load, as benchmarks/pom.xml names it in {@code target.solution}:
 * Maven writes its name, its jar's path and this module's target directory (for the
 * servers' logs) into {@code target-solution.properties}.
 */
record TargetSolution(String name, Path jar, Path logs) {

    static TargetSolution fromBuild() {
        Map<String, String> values = read("/target-solution.properties");
        Path jar = Path.of(values.get("jar")).normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No jar at " + jar + ": build it first, with -am, as benchmarks/README.md says.");
        }
        return new TargetSolution(values.get("solution"), jar, Path.of(values.get("logs")));
    }

    // Read line by line, not with java.util.Properties, which would take the backslashes
    // of a Windows path for escapes.
    private static Map<String, String> read(String resource) {
        try (InputStream in = TargetSolution.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing: run through Maven, which writes it.");
            }
            Map<String, String> values = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                int equals = line.indexOf('=');
                if (!line.startsWith("#") && equals > 0) {
                    values.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
                }
            }
            return values;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
