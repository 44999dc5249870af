package com.example.workshop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the XML reports do not say, read from the test sources: each test's @DisplayName,
 * which stands right above the method, and the methods' order in their class.
 */
record TestSources(Map<String, String> displayNames, Map<String, Integer> positions, List<String> classes) {

    static final Pattern DISPLAY_NAME = Pattern.compile("@DisplayName\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)");

    static final Pattern METHOD = Pattern.compile("\\bvoid\\s+(\\w+)\\s*\\(");

    static TestSources read(Path testSources) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Integer> positions = new LinkedHashMap<>();
        List<Path> files = testClasses(testSources);
        for (Path file : files) {
            String className = file.getFileName().toString().replaceAll("\\.java$", "");
            String pending = null;
            int position = 0;
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    Matcher display = DISPLAY_NAME.matcher(line);
                    Matcher method = METHOD.matcher(line);
                    if (display.find()) {
                        pending = unescape(display.group(1));
                    }
                    else if (method.find()) {
                        String key = className + "." + method.group(1);
                        positions.putIfAbsent(key, position++);
                        if (pending != null) {
                            names.putIfAbsent(key, pending);
                        }
                        pending = null;
                    }
                    else if (line.matches(".*\\b(class|interface|record)\\s+\\w+.*")) {
                        pending = null; // a class's own @DisplayName names no method
                    }
                }
            }
            catch (IOException ex) {
                // without this file, the reports' method names will do
            }
        }
        List<String> classes = files.stream().map((file) -> file.getFileName().toString().replaceAll("\\.java$", ""))
                .filter((name) -> name.endsWith("Test")).collect(Collectors.toList());
        return new TestSources(names, positions, classes);
    }

    static List<Path> testClasses(Path testSources) {
        if (!Files.isDirectory(testSources)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(testSources)) {
            return files.filter((file) -> file.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
        catch (IOException ex) {
            return List.of();
        }
    }

    Optional<String> displayName(String className, String method) {
        return Optional.ofNullable(this.displayNames.get(TestResult.simpleName(className) + "." + method));
    }

    int position(TestResult test) {
        return this.positions.getOrDefault(test.testName(), Integer.MAX_VALUE);
    }

    static String unescape(String javaString) {
        return javaString.replace("\\\"", "\"").replace("\\n", " ").replace("\\t", " ").replace("\\\\", "\\");
    }
}
