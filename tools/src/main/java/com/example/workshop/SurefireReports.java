package com.example.workshop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.example.workshop.TestResult.Status;

/** The results in surefire's XML reports (target/surefire-reports/TEST-*.xml). */
final class SurefireReports {

    private SurefireReports() {
    }

    /** Every test reported, in the order they are written: by class, then as the methods stand in it. */
    static List<TestResult> read(Path reports, Path testSources) {
        if (!Files.isDirectory(reports)) {
            return List.of();
        }
        TestSources sources = TestSources.read(testSources);
        List<TestResult> results = new ArrayList<>();
        try (Stream<Path> files = Files.list(reports)) {
            List<Path> xmlFiles = files.filter((file) -> file.getFileName().toString().matches("TEST-.*\\.xml"))
                    .sorted().collect(Collectors.toList());
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setExpandEntityReferences(false);
            DocumentBuilder parser = factory.newDocumentBuilder();
            for (Path file : xmlFiles) {
                NodeList cases = parser.parse(file.toFile()).getElementsByTagName("testcase");
                for (int i = 0; i < cases.getLength(); i++) {
                    results.add(testResult((Element) cases.item(i), sources));
                }
            }
        }
        catch (Exception ex) {
            throw new Problem("Could not read the test reports in " + reports + ": " + ex.getMessage());
        }
        results.sort(Comparator.comparing(TestResult::className).thenComparingInt(sources::position));
        return results;
    }

    static TestResult testResult(Element testcase, TestSources sources) {
        String className = testcase.getAttribute("classname");
        String name = testcase.getAttribute("name");
        // Parameterized tests are reported as "method(Type)[2]": the method, and which case.
        String method = name.replaceAll("[(\\[].*$", "");
        String which = name.contains("[") ? " " + name.substring(name.indexOf('[')) : "";
        String display = sources.displayName(className, method).orElse(method) + which;
        for (String tag : List.of("failure", "error", "skipped")) {
            NodeList children = testcase.getElementsByTagName(tag);
            if (children.getLength() > 0) {
                Element child = (Element) children.item(0);
                String message = child.getAttribute("message");
                if (message.isBlank()) {
                    // No message: the exception's type, and the first line of its trace.
                    String trace = child.getTextContent().strip();
                    message = trace.isEmpty() ? child.getAttribute("type") : trace.lines().findFirst().orElse("");
                }
                Status status = "skipped".equals(tag) ? Status.SKIPPED : Status.FAILED;
                return new TestResult(className, method, display, status, message);
            }
        }
        return new TestResult(className, method, display, Status.PASSED, "");
    }

    static void delete(Path reports) {
        if (!Files.exists(reports)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(reports)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(path);
            }
        }
        catch (IOException ex) {
            throw new Problem("Could not delete " + reports + " (is a file in it open?): " + ex.getMessage());
        }
    }
}
