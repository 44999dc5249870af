package com.example.chat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.example.kit.test.BrowserExtension;
import com.example.kit.test.ChatPage;
import com.example.kit.test.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's own event-stream parser ({@code readEvents} in chat.js), run in Chromium
 * against what the HTML standard says ("Interpreting an event stream"): every kind of line
 * end, fields with and without a space or a colon, comments, {@code id} that persists and
 * {@code retry}, and a body that ends in the middle of an event. Each body is fed whole,
 * split in two at every byte (inside a {@code \r\n} and inside a character too), and one
 * byte at a time: the events must not depend on where the network cuts the chunks.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserExtension.class)
class EventParserBrowserTest {

    /** A body, and the events the standard's algorithm dispatches for it: type, data, last event id. */
    record Case(String name, String body, List<List<String>> events, Integer retry) {

        static Case of(String name, String body, Integer retry, String... events) {
            List<List<String>> parsed = Stream.of(events).map((event) -> List.of(event.split("\\|", -1))).toList();
            return new Case(name, body, parsed, retry);
        }
    }

    static final List<Case> CASES = List.of(
            Case.of("\\n line ends", "id:0\nevent:token\ndata:{\"a\":1}\n\n", null, "token|{\"a\":1}|0"),
            Case.of("\\r\\n line ends", "id:0\r\nevent:token\r\ndata:{\"a\":1}\r\n\r\n", null, "token|{\"a\":1}|0"),
            Case.of("\\r line ends", "id:0\revent:token\rdata:{\"a\":1}\r\r", null, "token|{\"a\":1}|0"),
            Case.of("a body that ends in \\r\\r (the blank line is its last \\r)", "data:x\r\r", null, "message|x|"),
            Case.of("a body that ends in \\r\\n\\r", "data:x\r\n\r", null, "message|x|"),
            Case.of("an event the body ends in the middle of is dropped", "data:a\n\ndata:b\n", null, "message|a|"),
            Case.of("one space after the colon is dropped, no more", "data: one\ndata:  two\n\n", null,
                    "message|one\n two|"),
            Case.of("comments, retry and id", ": keep-alive\nretry:1500\nid:7\nevent:done\ndata:{}\n\n", 1500,
                    "done|{}|7"),
            Case.of("the last event id persists to the next event", "id:3\ndata:a\n\ndata:b\n\n", null, "message|a|3",
                    "message|b|3"),
            Case.of("a retry that is not all digits is ignored", "retry:1.5\nretry: 7x\ndata:x\n\n", null,
                    "message|x|"),
            Case.of("a field without a colon has an empty value", "data\n\nevent\ndata:x\n\n", null, "message||",
                    "message|x|"),
            Case.of("an id holding U+0000 is ignored", "id:5\n\nid:1\u0000\ndata:x\n\n", null, "message|x|5"),
            Case.of("no data, no event", "event:token\n\nid:2\n\n:only a comment\n\n", null),
            Case.of("unknown fields are ignored", "foo:bar\ndata:x\n\n", null, "message|x|"),
            Case.of("UTF-8 split anywhere, and a BOM at the start", "\uFEFFdata:🚀 é ü\n\n", null, "message|🚀 é ü|"));

    @Test
    @DisplayName("readEvents parses as the HTML standard says, however the body is cut into chunks")
    void parsesAsTheStandardSays(ChatPage page) {
        page.open();
        List<String> wrong = new ArrayList<>();
        for (Case test : CASES) {
            byte[] body = test.body().getBytes(StandardCharsets.UTF_8);
            List<List<Integer>> splits = new ArrayList<>();
            splits.add(List.of()); // whole
            for (int at = 1; at < body.length; at++) {
                splits.add(List.of(at)); // in two
            }
            List<Integer> everyByte = new ArrayList<>();
            for (int at = 1; at < body.length; at++) {
                everyByte.add(at);
            }
            splits.add(everyByte); // one byte at a time
            JsonNode results = parse(page, body, splits);
            assertThat(results.isArray()).as("readEvents in chat.js ran (TODO-02 writes it): %s", results).isTrue();
            for (int i = 0; i < splits.size(); i++) {
                JsonNode result = results.get(i);
                List<List<String>> events = new ArrayList<>();
                result.path("events").forEach((event) -> events.add(List.of(event.get(0).asString(),
                        event.get(1).asString(), event.get(2).asString())));
                Integer retry = result.path("retry").isNull() ? null : result.path("retry").asInt();
                if (!events.equals(test.events()) || !java.util.Objects.equals(retry, test.retry())) {
                    wrong.add(test.name() + ", cut at bytes " + splits.get(i) + ": got " + events + " retry " + retry
                            + ", expected " + test.events() + " retry " + test.retry());
                    break;
                }
            }
        }
        assertThat(wrong).as("bodies that readEvents (TODO-02) parses otherwise than the HTML standard").isEmpty();
    }

    /** Feeds the body to chat.js's readEvents once per split, in chunks cut at those byte offsets. */
    private static JsonNode parse(ChatPage page, byte[] body, List<List<Integer>> splits) {
        List<Integer> bytes = new ArrayList<>();
        for (byte b : body) {
            bytes.add(b & 0xff);
        }
        Object result = page.runAsync("""
                const [bytes, splits, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
                import('/chat.js').then(async ({ readEvents }) => {
                    const results = [];
                    for (const cuts of splits) {
                        const ends = [...cuts, bytes.length];
                        const body = new ReadableStream({
                            start(controller) {
                                let start = 0;
                                for (const end of ends) {
                                    controller.enqueue(new Uint8Array(bytes.slice(start, end)));
                                    start = end;
                                }
                                controller.close();
                            },
                        });
                        const connection = { lastEventId: '', retry: null };
                        const events = [];
                        for await (const event of readEvents(body, connection)) {
                            events.push([event.type, event.data, event.id]);
                        }
                        results.push({ events, retry: connection.retry });
                    }
                    done(JSON.stringify(results));
                }).catch((error) => done(JSON.stringify({ error: String(error) })));
                """, bytes, splits);
        return Json.parse(String.valueOf(result));
    }
}
