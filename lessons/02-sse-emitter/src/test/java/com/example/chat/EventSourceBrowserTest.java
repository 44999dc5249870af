package com.example.chat;

import java.util.List;
import java.util.Map;

import com.example.kit.test.BrowserExtension;
import com.example.kit.test.ChatPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser's EventSource reads the stream: the format is right for the client that
 * matters most. (Lesson 03 builds the page on it.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "chat.model.first-token-delay=50ms", "chat.model.token-delay=20ms" })
@ExtendWith(BrowserExtension.class)
class EventSourceBrowserTest {

    @Test
    @DisplayName("Chromium's EventSource receives every token, with its id, then done")
    @SuppressWarnings("unchecked")
    void eventSourceReadsTheStream(ChatPage page) {
        page.open();
        Map<String, Object> result = (Map<String, Object>) page.runAsync("""
                const finish = arguments[arguments.length - 1];
                fetch('/api/replies', { method: 'POST', headers: { 'Content-Type': 'application/json' },
                                        body: JSON.stringify({ prompt: '/count 5' }) })
                    .then(async (response) => {
                        if (!response.ok) {
                            throw new Error(`POST /api/replies answered ${response.status}: ${await response.text()}`);
                        }
                        return response.json();
                    })
                    .then((reply) => {
                        const source = new EventSource(reply.stream);
                        const seen = { text: '', ids: [] };
                        source.addEventListener('token', (event) => {
                            seen.text += JSON.parse(event.data).text;
                            seen.ids.push(event.lastEventId);
                        });
                        // A reply of 5 tokens takes 150 ms: 5 s without its done event is a stream that never ends.
                        const timer = setTimeout(() => {
                            source.close();
                            finish({ ...seen, error: 'no done event within 5 s' });
                        }, 5000);
                        source.addEventListener('done', (event) => {
                            clearTimeout(timer);
                            source.close();
                            finish({ ...seen, done: JSON.parse(event.data) });
                        });
                        source.onerror = () => {
                            clearTimeout(timer);
                            source.close();
                            // EventSource does not say why, and a reply streams once: open a new
                            // reply's stream with fetch, to show how the server answers.
                            fetch('/api/replies', { method: 'POST', headers: { 'Content-Type': 'application/json' },
                                                    body: JSON.stringify({ prompt: '/count 1' }) })
                                .then((response) => response.json())
                                .then((again) => fetch(again.stream))
                                .then(async (response) => finish({ ...seen, error: `EventSource error; a new reply's `
                                        + `stream answers ${response.status}${response.ok ? '' : ': ' + await response.text()}` }))
                                .catch((error) => finish({ ...seen, error: `EventSource error, then ${error}` }));
                        };
                    })
                    .catch((error) => finish({ error: String(error) }));
                """);
        assertThat(result).withFailMessage("Chromium's EventSource, reading the stream of /count 5, saw %s. It needs "
                + "POST /api/replies to answer 201 (TODO-01), the stream to start at once (TODO-02), and an event per "
                + "token, then done (TODO-03, Hints 5 and 6).", result).doesNotContainKey("error");
        assertThat(result.get("text")).as("the token events' texts, as EventSource delivered them (TODO-03, Hint 5)")
                .isEqualTo("1 2 3 4 5");
        assertThat((List<String>) result.get("ids")).withFailMessage("EventSource's lastEventId of the 5 tokens was %s, "
                + "expected [0, 1, 2, 3, 4]: each event's id is its position, .id(String.valueOf(seq)) "
                + "(TODO-03, Hint 5).", result.get("ids")).containsExactly("0", "1", "2", "3", "4");
        assertThat((Map<String, Object>) result.get("done")).as("the done event's data (TODO-03, Hint 5)")
                .containsEntry("finishReason", "stop").containsEntry("tokens", 5L);
    }
}
