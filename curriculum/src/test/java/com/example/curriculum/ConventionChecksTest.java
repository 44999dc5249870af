package com.example.curriculum;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The checks themselves: each one fails on a text broken as it looks for
 * ({@code src/test/resources/fixtures/bad.md}), and passes on one that follows the
 * convention ({@code fixtures/good.md}), over the fixture's starter. A check that cannot
 * fail proves nothing.
 */
@DisplayName("The convention's checks can fail and can pass")
class ConventionChecksTest {

    static final Path FIXTURES = LessonTextTest.ROOT.resolve("curriculum/src/test/resources/fixtures");

    static final Path STARTER = FIXTURES.resolve("starter");

    static final Set<String> TODOS = Set.of("TODO-01", "TODO-02", "TODO-03");

    static final LessonText GOOD = LessonText.read(FIXTURES.resolve("good.md"));

    static final LessonText BAD = LessonText.read(FIXTURES.resolve("bad.md"));

    @Test
    void theFixturesStarterHasItsTodos() {
        assertThat(LessonTextTest.todos(Files2.walk(STARTER).stream().map(Files2::read).toList())).isEqualTo(TODOS);
    }

    @Nested
    @DisplayName("steps don't paste")
    class Steps {

        @Test
        void passesOnTheGoodText() {
            assertThat(TextChecks.stepsDontPaste(GOOD, TODOS).list()).isEmpty();
        }

        @Test
        void findsEveryProblemOfTheBadText() {
            assertThat(whats(TextChecks.stepsDontPaste(BAD, TODOS))).containsExactlyInAnyOrder(
                    "9: a ```java block inside ## Steps: steps teach, they don't paste",
                    "15: a block of code inside ## Steps: steps teach, they don't paste",
                    "13: step 3 comes where step 2 is due",
                    "19: the heading \"### Step 4 the page (TODO-03)\" is not a step heading",
                    "0: TODO-02 has no step heading that names it",
                    "0: TODO-03 has no step heading that names it");
        }
    }

    @Nested
    @DisplayName("hints name their TODO")
    class Hints {

        @Test
        void passesOnTheGoodText() {
            assertThat(TextChecks.hintsNameTodos(GOOD, TODOS).list()).isEmpty();
        }

        @Test
        void findsEveryProblemOfTheBadText() {
            Problems problems = TextChecks.hintsNameTodos(BAD, TODOS);
            assertThat(whats(problems)).containsExactlyInAnyOrder(
                    "41: the hint's summary \"Hint 3: the greeting is in lower case (TODO-01 in the summary, not in brackets)\" does not name its TODO",
                    "46: hint 4 names TODO-07, which the starter does not have (it has " + TODOS + ")",
                    "0: TODO-02 has no hint");
            assertThat(problems.list().get(0).todo()).as("what to do names the TODO the summary mentions")
                    .contains("<summary>Hint 3 (TODO-01):");
        }
    }

    @Nested
    @DisplayName("listings paste and compile")
    class Pasting {

        @Test
        void passesOnTheGoodText() {
            assertThat(Listings.check(GOOD, STARTER, Listings.lessonClasspath(), js()).list()).isEmpty();
        }

        @Test
        void findsTheListingsThatDoNotCompileOrDoNotPaste() {
            Problems found = Listings.check(BAD, STARTER, Listings.lessonClasspath(), js());
            List<Problems.Problem> problems = found.list();
            assertThat(problems).as(found.report("found")).hasSize(4); // each error once, not again at each later TODO
            // TODO-01: no import of Locale, and a Farewell that only TODO-02 would add.
            assertThat(problems.get(0).what()).startsWith("after pasting the listings of TODO-01, javac says: Greeter.java:")
                    .contains("cannot find symbol").contains("Locale");
            assertThat(problems.get(0).line()).as("the line of TODO-01's first listing").isEqualTo(26);
            assertThat(problems.get(1).what()).contains("cannot find symbol").contains("Farewell");
            // TODO-03: a listing that is no function, and a function without its closing brace.
            assertThat(problems.get(2).what()).isEqualTo("the ```js listing of TODO-03 (README line 62) does not paste: "
                    + "it holds more than whole function declarations: const greeting = 'Hello';");
            assertThat(problems.get(3).what()).startsWith("after pasting the listings of TODO-01, TODO-03, static/greet.js does not parse:")
                    .contains("SyntaxError");
        }

        @Test
        void aJsListingThatDoesNotParseIsReportedWithNodesMessage() {
            LessonText text = LessonText.parse(FIXTURES.resolve("inline.md"), """
                    <details><summary>Hint 1 (TODO-03): x</summary>

                    ```js
                    function greeting(who) {
                        return who +;
                    }
                    ```
                    </details>
                    """);
            List<Problems.Problem> problems = Listings.check(text, STARTER, Listings.lessonClasspath(), js()).list();
            assertThat(problems).hasSize(1);
            assertThat(problems.get(0).what()).startsWith("after pasting the listings of TODO-03, static/greet.js does not parse:")
                    .contains("SyntaxError");
        }

        @Test
        void membersReplaceTheirNamesakesAndTypesGetTheirFile() {
            LessonText text = LessonText.parse(FIXTURES.resolve("inline.md"), """
                    <details><summary>Hint 1 (TODO-02): x</summary>

                    ```java
                    public sealed interface Farewell permits Bye {
                    }
                    ```

                    ```java
                    import java.util.List;

                    public String farewell() {
                        return List.of(new Bye()).toString();
                    }

                    public String farewell(int times) {
                        return farewell().repeat(times);
                    }
                    ```

                    ```java
                    record Bye() implements Farewell {
                    }
                    ```
                    </details>
                    """);
            assertThat(Listings.check(text, STARTER, Listings.lessonClasspath(), js()).list()).isEmpty();
        }

        @Test
        void theJsScannerSkipsStringsTemplatesAndRegularExpressions() {
            String source = Files2.read(STARTER.resolve("src/main/resources/static/greet.js"));
            assertThat(JsFunctions.of(source)).extracting(JsFunctions.Function::name).containsExactly("greeting", "unrelated");
            JsFunctions.Function unrelated = JsFunctions.of(source).get(1);
            assertThat(source.substring(unrelated.start(), unrelated.end())).startsWith("function unrelated()").endsWith("null;\n}");
        }

        @Test
        void aShownListingMayStartWithImportsOfTheSolutionsFile() {
            List<List<String>> solution = List.of(LessonTextTest.normalized("""
                    import java.util.Locale;
                    class A {
                        String a() {
                            return "a".toUpperCase(Locale.ROOT);
                        }
                    }
                    """));
            assertThat(LessonTextTest.isInTheSolution("java", """
                    import java.util.Locale;

                    String a() {
                        return "a".toUpperCase(Locale.ROOT);
                    }
                    """, solution)).isTrue();
            assertThat(LessonTextTest.isInTheSolution("java", """
                    import java.util.List;

                    String a() {
                        return "a".toUpperCase(Locale.ROOT);
                    }
                    """, solution)).as("an import the solution's file does not have").isFalse();
            assertThat(LessonTextTest.isInTheSolution("java", "String b() {\n}\n", solution)).isFalse();
        }

        private static Listings.JsChecker js() {
            return Listings.JsChecker.node().orElseThrow(
                    () -> new AssertionError("node is not on the PATH: these tests need it (apt-get install nodejs)"));
        }
    }

    @Nested
    @DisplayName("wire blocks")
    class WireBlocks_ {

        static final Wire.Exchange STREAM = new Wire.Exchange(200,
                List.of(Map.entry("Content-Type", "text/event-stream"), Map.entry("Date", "Wed, 02 Dec 2026 07:13:36 GMT")),
                "retry:1000\n\nid:0\nevent:token\ndata:{\"seq\":0,\"text\":\"1\"}\n\n"
                        + "id:1\nevent:done\ndata:{\"id\":\"86e70f16-ff54-477f-92d4-cf24dc826dac\",\"tokens\":1}\n\n");

        @Test
        void passesOnTheGoodText() {
            Wire.Exchange count1 = new Wire.Exchange(200, List.of(), "id:0\nevent:token\ndata:{\"seq\":0,\"text\":\"1\"}\n\n");
            assertThat(WireBlocks.check(WireBlocks.inMarkdown(GOOD), (marker) -> count1, false).list()).isEmpty();
            assertThat(WireBlocks.inlineWire(GOOD).list()).isEmpty();
        }

        @Test
        void aWireBlockWithoutMarkerFails() {
            assertThat(whats(WireBlocks.check(WireBlocks.inMarkdown(BAD), (marker) -> STREAM, false)))
                    .containsExactly("68: the wire block at line 68 has no wire marker, so nothing checks it");
            assertThat(whats(WireBlocks.inlineWire(BAD))).containsExactly("74: `retry: 1000` is not what the solution sends");
        }

        @Test
        void aBlockIsComparedLineByLineWithPlaceholdersAndGaps() {
            assertThat(compare("retry:1000\n\nid:0\nevent:token\ndata:{\"seq\":0,\"text\":\"1\"}\n\nid:1\nevent:done\n"
                    + "data:{\"id\":\"ID\",\"tokens\":1}\n", false)).isEmpty();
            assertThat(compare("$ curl -N localhost:8080/api/replies/ID/stream \\\n    -H 'Last-Event-ID: 0'\nretry:1000\n\n"
                    + "...\nevent:done\ndata:{\"id\":\"<uuid>\",\"tokens\":1}", false)).as("a command, a gap").isEmpty();
            assertThat(compare("retry:1000\n\nid:0\n... and the rest", false)).isEmpty();
            assertThat(compare("retry:1000\n\nid:0\nevent: token\n...", false)).get(STRING)
                    .startsWith("line 4 of the block shows \"event: token\", but the solution sent \"event:token\"");
            assertThat(compare("retry:1000\n\nid:0", false)).get(STRING).startsWith("the solution sent more after the block's last line");
            assertThat(compare("retry: 1000\n...", false)).get(STRING).contains("\"retry: 1000\"");
        }

        @Test
        void anHttpExchangeShowsItsStatusLineAndSomeOfItsHeaders() {
            assertThat(compare("HTTP/1.1 200\ncontent-type: text/event-stream\n\nretry:1000\n...", true)).isEmpty();
            assertThat(compare("HTTP/1.1 200\nDate: <date>", true)).as("the head only").isEmpty();
            assertThat(compare("HTTP/1.1 200 OK\n", true)).get(STRING).contains("Tomcat sends no reason phrase");
            assertThat(compare("HTTP/1.1 200\nCache-Control: no-cache\n", true)).get(STRING)
                    .startsWith("it shows the header \"Cache-Control: no-cache\", which the response does not have");
        }

        @Test
        void markersSayWhatRequestProducedTheBlock() {
            Wire.Marker marker = Wire.parse("wire 04 --chat.sse.heartbeat=50ms: POST /api/replies {\"prompt\":\"/count 2\"} "
                    + "then -i GET /api/replies/{id}/stream Last-Event-ID:0");
            assertThat(marker.lesson()).isEqualTo("04");
            assertThat(marker.properties()).containsExactly(Map.entry("chat.sse.heartbeat", "50ms"));
            assertThat(marker.steps()).containsExactly(
                    new Wire.Step(false, "POST", "/api/replies", Map.of(), java.util.Optional.of("{\"prompt\":\"/count 2\"}")),
                    new Wire.Step(true, "GET", "/api/replies/{id}/stream", Map.of("Last-Event-ID", "0"), java.util.Optional.empty()));
            assertThatIllegalArgumentException().isThrownBy(() -> Wire.parse("wire: GET /"));
            assertThatIllegalArgumentException().isThrownBy(() -> Wire.parse("wire 02: FETCH /api"));
            assertThatIllegalArgumentException().isThrownBy(() -> Wire.parse("wire 02: GET /api Last-Event-ID: 3"));
        }

        @Test
        void slidesMarkTheirBlocksOnThePre() {
            String html = """
                    <section>
                    <pre data-wire='02: GET /api/replies/x/stream'><code data-trim>
                    id:0
                    event:token
                    </code></pre>
                    <pre><code>
                    retry:1000
                    </code></pre>
                    <p><code>event: reply</code> and <code>id:0</code></p>
                    </section>
                    """;
            List<Wire.Block> blocks = WireBlocks.inSlides(Path.of("slides.html"), html);
            assertThat(blocks).extracting(Wire.Block::line).containsExactly(2, 6);
            assertThat(blocks.get(0).marker()).contains("wire 02: GET /api/replies/x/stream");
            assertThat(blocks.get(1).marker()).isEmpty();
            assertThat(whats(WireBlocks.inlineWire(Path.of("slides.html"), html)))
                    .containsExactly("9: <code>event: reply</code> is not what the solution sends");
        }

        private static java.util.Optional<String> compare(String shown, boolean headers) {
            return Wire.compare(shown.lines().toList(), STREAM, headers);
        }

        private static final org.assertj.core.api.InstanceOfAssertFactory<String, org.assertj.core.api.AbstractStringAssert<?>> STRING =
                org.assertj.core.api.InstanceOfAssertFactories.STRING;
    }

    /** "line: what" of each problem. */
    static List<String> whats(Problems problems) {
        return problems.list().stream().map((problem) -> problem.line() + ": " + problem.what()).toList();
    }
}
