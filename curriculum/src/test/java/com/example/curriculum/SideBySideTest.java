package com.example.curriculum;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lesson 08 ends with a side-by-side: the code the SSE arc needed (solution 06) and the code
 * the WebSocket arc needed (solution 08) for the same behaviour. Its figures are counted
 * here, from the solutions' sources, not by hand: each row of the table between
 * {@code <!-- side-by-side -->} and {@code <!-- /side-by-side -->} in lesson 08's README names
 * the code it counts and quotes its lines, and this test counts them again.
 *
 * <p>A cell names code as {@code `Type.member`} (a method, constructor or nested type of a
 * Java type of the solution; every member of that name), {@code `Type`} (the whole type),
 * {@code `Type.member{text}`} (the block of that member from its first line holding
 * {@code text} to the brace that closes that line's block) or {@code `chat.js#function`}. Its
 * lines are the lines of code: neither blank nor only a comment, Javadoc left out.
 */
@DisplayName("Lesson 08's side-by-side of the SSE and the WebSocket arcs")
class SideBySideTest {

    static final Path README = LessonTextTest.ROOT.resolve("lessons/08-websocket-by-hand/README.md");

    static final Path SSE = LessonTextTest.ROOT.resolve("solutions/06-streaming-post/src/main");

    static final Path WS = LessonTextTest.ROOT.resolve("solutions/08-websocket-by-hand/src/main");

    /** {@code | what | sse code | N | ws code | M |} */
    static final Pattern ROW = Pattern.compile("^\\|([^|]+)\\|([^|]+)\\|\\s*(\\d+)\\s*\\|([^|]+)\\|\\s*(\\d+)\\s*\\|\\s*$");

    static final Pattern CODE = Pattern.compile("`([^`]+)`");

    static final Pattern TOTAL = Pattern.compile("^\\|\\s*\\*\\*Total\\*\\*\\s*\\|[^|]*\\|\\s*\\*\\*(\\d+)\\*\\*\\s*\\|[^|]*\\|\\s*\\*\\*(\\d+)\\*\\*\\s*\\|\\s*$");

    @Test
    @DisplayName("every figure the README quotes is the lines of the code its row names, and the slides quote the totals")
    void theFiguresAreCounted() {
        String readme = Files2.read(README);
        int start = readme.indexOf("<!-- side-by-side -->");
        int end = readme.indexOf("<!-- /side-by-side -->");
        assertThat(start).as("<!-- side-by-side --> in %s", README).isNotNegative();
        List<String> problems = new ArrayList<>();
        int sseTotal = 0;
        int wsTotal = 0;
        int rows = 0;
        Integer[] quotedTotals = null;
        for (String line : readme.substring(start, end).lines().toList()) {
            Matcher total = TOTAL.matcher(line);
            if (total.matches()) {
                quotedTotals = new Integer[] { Integer.valueOf(total.group(1)), Integer.valueOf(total.group(2)) };
                continue;
            }
            Matcher row = ROW.matcher(line);
            if (!row.matches()) {
                continue;
            }
            rows++;
            int sse = lines(SSE, row.group(2), problems);
            int ws = lines(WS, row.group(4), problems);
            sseTotal += sse;
            wsTotal += ws;
            check(problems, row.group(1).strip() + ", the SSE arc", Integer.parseInt(row.group(3)), sse);
            check(problems, row.group(1).strip() + ", the WebSocket arc", Integer.parseInt(row.group(5)), ws);
        }
        System.out.println("Side-by-side: the SSE arc " + sseTotal + " lines, the WebSocket arc " + wsTotal + " lines.");
        assertThat(rows).as("rows in the side-by-side").isGreaterThanOrEqualTo(3);
        assertThat(quotedTotals).as("a row | **Total** | | **N** | | **M** |").isNotNull();
        check(problems, "the total, the SSE arc", quotedTotals[0], sseTotal);
        check(problems, "the total, the WebSocket arc", quotedTotals[1], wsTotal);
        String slides = Files2.read(LessonTextTest.ROOT.resolve("slides/index.html"));
        String section = slides.substring(slides.indexOf("<section data-lesson=\"08\""));
        if (!section.contains(sseTotal + " lines") || !section.contains(wsTotal + " lines")) {
            problems.add("slides/index.html: lesson 08's section must quote the totals, \"" + sseTotal + " lines\" and \""
                    + wsTotal + " lines\"");
        }
        assertThat(problems).as("the side-by-side of %s", README).isEmpty();
    }

    private static void check(List<String> problems, String what, int quoted, int counted) {
        if (quoted != counted) {
            problems.add(what + ": the README says " + quoted + " lines, the code has " + counted);
        }
    }

    /** The lines of code of every piece of code a cell names. */
    static int lines(Path main, String cell, List<String> problems) {
        int lines = 0;
        Matcher code = CODE.matcher(cell);
        while (code.find()) {
            String name = code.group(1);
            List<String> found = code(main, name);
            if (found.isEmpty()) {
                problems.add("`" + name + "`: no such code in " + LessonTextTest.ROOT.relativize(main));
            }
            lines += (int) found.stream().filter(SideBySideTest::isCode).count();
        }
        return lines;
    }

    /** The source lines of the code {@code name} names, or none. */
    static List<String> code(Path main, String name) {
        if (name.contains("#")) {
            String file = name.substring(0, name.indexOf('#'));
            String source = Files2.read(main.resolve("resources/static").resolve(file));
            return JsFunctions.of(source).stream().filter((function) -> function.name().equals(name.substring(name.indexOf('#') + 1)))
                    .map((function) -> source.substring(function.start(), function.end())).flatMap(String::lines).toList();
        }
        String block = null;
        String member = name;
        if (name.endsWith("}") && name.contains("{")) {
            block = name.substring(name.indexOf('{') + 1, name.length() - 1);
            member = name.substring(0, name.indexOf('{'));
        }
        String[] parts = member.split("\\.");
        Path file = Files2.walk(main.resolve("java")).stream().filter((path) -> path.getFileName().toString().equals(parts[0] + ".java"))
                .findFirst().orElse(null);
        if (file == null) {
            return List.of();
        }
        String source = Files2.read(file);
        CompilationUnit unit = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21))
                .parse(source).getResult().orElseThrow();
        TypeDeclaration<?> type = unit.getTypes().stream().filter((t) -> t.getNameAsString().equals(parts[0])).findFirst()
                .orElse(null);
        if (type == null) {
            return List.of();
        }
        List<Node> nodes = new ArrayList<>();
        if (parts.length == 1) {
            nodes.add(type);
        }
        else {
            for (BodyDeclaration<?> declaration : type.getMembers()) {
                String declared = (declaration instanceof CallableDeclaration<?> callable) ? callable.getNameAsString()
                        : (declaration instanceof TypeDeclaration<?> nested) ? nested.getNameAsString() : null;
                if (parts[1].equals(declared)) {
                    nodes.add(declaration);
                }
            }
        }
        List<String> all = source.lines().toList();
        List<String> lines = new ArrayList<>();
        for (Node node : nodes) {
            List<String> of = all.subList(node.getBegin().orElseThrow().line - 1, node.getEnd().orElseThrow().line);
            lines.addAll((block == null) ? of : block(of, block));
        }
        return lines;
    }

    /** The lines from the first that holds {@code text} to the one that closes the block it opens. */
    private static List<String> block(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                int depth = 0;
                for (int j = i; j < lines.size(); j++) {
                    for (char c : lines.get(j).toCharArray()) {
                        depth += (c == '{') ? 1 : (c == '}') ? -1 : 0;
                    }
                    if (depth <= 0) {
                        return lines.subList(i, j + 1);
                    }
                }
            }
        }
        return List.of();
    }

    /** A line of code: not blank, and not only a comment. */
    static boolean isCode(String line) {
        String stripped = line.strip();
        return !stripped.isEmpty() && !stripped.startsWith("//") && !stripped.startsWith("*") && !stripped.startsWith("/*");
    }
}
