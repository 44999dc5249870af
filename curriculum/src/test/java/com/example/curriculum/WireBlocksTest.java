package com.example.curriculum;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule 4: every wire block of a lesson README and of the slides carries a marker and is
 * what its solution really sends. The solutions run as processes of their own (see
 * {@link SolutionServer}), one at a time, started when a block first needs them.
 */
@DisplayName("Wire blocks are what the solutions send")
class WireBlocksTest {

    private static final Path LOGS = LessonTextTest.ROOT.resolve("curriculum/target");

    private static final Map<String, SolutionServer> SERVERS = new HashMap<>();

    @TestFactory
    @DisplayName("in each lesson's README")
    Stream<DynamicTest> inTheLessonTexts() {
        return Lesson.all().stream().map((lesson) -> DynamicTest.dynamicTest(lesson.name(), () -> {
            LessonText text = lesson.text();
            Problems problems = WireBlocks.check(WireBlocks.inMarkdown(text), WireBlocksTest::send, false);
            Convention.WIRE_BLOCKS.enforce(lesson.number(), problems, "Wire blocks of lessons/" + lesson.name() + "/README.md");
        }));
    }

    @Test
    @DisplayName("in the slides")
    void inTheSlides() {
        Path slides = LessonTextTest.ROOT.resolve("slides/index.html");
        String html = Files2.read(slides);
        WireBlocks.check(WireBlocks.inSlides(slides, html), WireBlocksTest::send, true)
                .assertNone("Wire blocks of slides/index.html");
    }

    @TestFactory
    @DisplayName("in inline code of each lesson's README")
    Stream<DynamicTest> inInlineCode() {
        return Lesson.all().stream().map((lesson) -> DynamicTest.dynamicTest(lesson.name(),
                () -> Convention.INLINE_WIRE.enforce(lesson.number(), WireBlocks.inlineWire(lesson.text()),
                        "Wire lines in inline code of lessons/" + lesson.name() + "/README.md")));
    }

    @Test
    @DisplayName("in inline code of the slides")
    void inInlineCodeOfTheSlides() {
        Path slides = LessonTextTest.ROOT.resolve("slides/index.html");
        WireBlocks.inlineWire(slides, Files2.read(slides)).assertNone("Wire lines in inline code of slides/index.html");
    }

    @Test
    @DisplayName("a block that is not what the solution sends fails, against the real solution")
    void aWrongBlockFails() {
        LessonText text = LessonText.parse(LessonTextTest.ROOT.resolve("curriculum/wrong.md"), """
                <!-- wire 02: POST /api/replies {"prompt":"/count 1"} then -i GET /api/replies/{id}/stream -->
                ```
                HTTP/1.1 200
                Content-Type: text/event-stream

                id: 0
                event:token
                data:{"seq":0,"text":"1"}
                ...
                ```

                <!-- wire 02: POST /api/replies {"prompt":"/count 1"} then GET /api/replies/{id}/stream -->
                ```
                id:0
                event:token
                data:{"seq":0,"text":"1"}

                id:1
                event:done
                data:{"finishReason":"stop","tokens":1}
                ```
                """);
        Problems problems = WireBlocks.check(WireBlocks.inMarkdown(text), WireBlocksTest::send, false);
        assertThat(problems.list()).as(problems.report("found")).singleElement()
                .satisfies((problem) -> assertThat(problem.what()).contains("line 1 of the body shows \"id: 0\", but the solution sent \"id:0\""));
    }

    /** A marker's exchange, with its solution's server. */
    private static Wire.Exchange send(Wire.Marker marker) {
        return server(marker).exchange(marker.steps());
    }

    /** The server for a marker: its solution with its properties; one server runs at a time. */
    private static SolutionServer server(Wire.Marker marker) {
        String key = marker.lesson() + " " + marker.properties();
        SolutionServer running = SERVERS.get(key);
        if (running != null) {
            return running;
        }
        stopServers();
        Lesson lesson = Lesson.all().stream().filter((candidate) -> candidate.number().equals(marker.lesson())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the marker names solution " + marker.lesson()
                        + ", which does not exist (the lessons are " + Lesson.all().stream().map(Lesson::number).toList() + ")"));
        SolutionServer server = SolutionServer.start(lesson, marker.properties(), LOGS);
        SERVERS.put(key, server);
        return server;
    }

    @AfterAll
    static void stopServers() {
        List.copyOf(SERVERS.values()).forEach(SolutionServer::close);
        SERVERS.clear();
    }
}
