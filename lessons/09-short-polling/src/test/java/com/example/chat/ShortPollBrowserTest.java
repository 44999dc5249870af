package com.example.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.example.kit.test.BrowserExtension;
import com.example.kit.test.ChatHttp;
import com.example.kit.test.ChatPage;
import com.example.kit.test.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static com.example.kit.test.ReplyTexts.countTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's short-poll transport, in Chromium: it shows the exact reply, whatever polls
 * fail on the way, waits what a busy server's Retry-After says, and Stop cancels on the server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "chat.model.first-token-delay=50ms", "chat.model.token-delay=10ms", "chat.poll.interval=50ms" })
@ExtendWith(BrowserExtension.class)
class ShortPollBrowserTest {

    @TestConfiguration
    static class Faults {

        @Bean
        PollFaults pollFaults() {
            return new PollFaults();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    PollFaults faults;

    @BeforeEach
    void noFaults() {
        this.faults.reset(PollFaults.Fault.NONE);
    }

    @Test
    @DisplayName("place() puts tokens by seq: a late answer doubles nothing, a token waits for the one before it")
    @SuppressWarnings("unchecked")
    void tokensArePlacedBySeq(ChatPage page) {
        page.open();
        Map<String, Object> result = (Map<String, Object>) page.runAsync("""
                const done = arguments[arguments.length - 1];
                import('/chat.js').then(({ place }) => {
                    let text = '';
                    const state = { view: { append: (t) => { text += t; } }, texts: [], next: 0 };
                    const tokens = (...seqs) => seqs.map((seq) => ({ seq, text: ' ' + seq }));
                    place(state, tokens(0, 1, 2));    // the poll from 0
                    place(state, tokens(3, 4));       // the poll from 3
                    place(state, tokens(1, 2, 3));    // a late answer to a poll from 1
                    place(state, tokens(6));          // 6 before 5
                    const before5 = text;
                    place(state, tokens(5, 6, 7));
                    done({ text, before5, next: state.next });
                }).catch((error) => done({ error: String(error.message ?? error) }));
                """);
        assertThat(result.get("error")).as("TODO-03 (Hint 5): place() in the page threw").isNull();
        assertThat(result.get("before5")).as("TODO-03 (Hint 5): the text once 0..4, a late 1..3 and 6 had come")
                .isEqualTo(" 0 1 2 3 4");
        assertThat(result.get("text")).as("TODO-03 (Hint 5): the text once 5..7 had come too").isEqualTo(" 0 1 2 3 4 5 6 7");
        assertThat(((Number) result.get("next")).intValue()).as("TODO-03 (Hint 5): state.next, the next poll's from")
                .isEqualTo(8);
    }

    @Test
    @DisplayName("over short-poll, a reply ends with exactly its text, rendered as text, after several polls")
    void aReplyEndsWithItsExactText(ChatPage page) {
        page.open();
        assertThat(page.transports()).contains("short-poll");
        page.chooseTransport("short-poll");
        page.startRecording();
        String text = "<b>bold</b> & 🎉 \"quoted\"\nsecond line";
        page.ask("/echo " + text);
        page.awaitStatus("done", "error", "cancelled");
        assertThat(page.status()).as("TODO-04 (Hint 7): the status once the reply has ended; %s", page.describe())
                .isEqualTo("done");
        assertThat(page.answer()).as("TODO-04 (Hint 7): the answer").isEqualTo(text);
        assertThat(page.elementsInAnswer()).as("HTML elements in the answer").isZero();
        assertThat(page.statusChanges()).containsSubsequence("streaming", "done");

        this.faults.reset(PollFaults.Fault.NONE);
        page.ask("/count 100");
        page.awaitDone();
        assertThat(page.answer()).as("TODO-04 (Hint 7): the answer to /count 100").isEqualTo(countTo(100));
        // 100 tokens at 10 ms take about 1 s; the page polls every 50 ms.
        assertThat(this.faults.arrivals()).as("TODO-04 (Hint 7): the polls of a reply of about 1 s").hasSizeGreaterThan(2);
    }

    @Test
    @DisplayName("over short-poll, a model that fails shows an error")
    void aFailedModelShowsAnError(ChatPage page) {
        page.open().chooseTransport("short-poll");
        page.ask("/fail 3");
        assertThat(page.awaitStatus("error", "done", "cancelled")).as("TODO-04 (Hint 7): %s", page.describe())
                .isEqualTo("error");
        assertThat(page.notice()).as("TODO-04 (Hint 7): what the page says").contains("model failed");
        assertThat(page.answer()).as("TODO-04 (Hint 7): the answer").isEqualTo(countTo(3));
    }

    @Test
    @DisplayName("over short-poll, every third poll failing (502) still ends with the exact text, each poll asked again")
    void failedPollsAreAskedAgain(ChatPage page) {
        page.open().chooseTransport("short-poll");
        this.faults.reset(PollFaults.Fault.EVERY_THIRD_FAILS);
        page.startRecording();
        page.ask("/count 200");
        page.awaitStatus("done", "error", "cancelled");
        assertThat(page.status()).as("TODO-04 (Hint 8): the status once the reply has ended; %s", page.describe())
                .isEqualTo("done");
        assertThat(page.answer()).as("TODO-04 (Hint 8): the answer, every token once").isEqualTo(countTo(200));
        assertThat(this.faults.arrivals()).as("the polls, some failed").anyMatch((arrival) -> arrival.faultStatus() == 502);
        assertThat(page.statusChanges()).as("TODO-04 (Hint 8): the statuses the page went through")
                .containsSubsequence("streaming", "reconnecting", "streaming", "done");
    }

    @Test
    @DisplayName("over short-poll, a 503 with Retry-After: 2 makes the page wait 2 s before its next poll")
    void retryAfterIsHonoured(ChatPage page) {
        page.open().chooseTransport("short-poll");
        this.faults.reset(PollFaults.Fault.THIRD_IS_BUSY);
        page.ask("/count 300");
        assertThat(page.awaitStatus("done", "error", "cancelled")).as("TODO-05 (Hint 9): the status once the reply "
                + "has ended; %s", page.describe()).isEqualTo("done");
        assertThat(page.answer()).isEqualTo(countTo(300));
        List<PollFaults.Arrival> arrivals = this.faults.arrivals();
        assertThat(arrivals.size()).as("polls").isGreaterThan(4);
        assertThat(arrivals.get(2).faultStatus()).as("the third poll, answered 503").isEqualTo(503);
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < arrivals.size(); i++) {
            gaps.add(arrivals.get(i).nanos() - arrivals.get(i - 1).nanos());
        }
        long afterBusy = gaps.get(2); // from the 503 to the next poll
        List<Long> others = new ArrayList<>(gaps);
        others.remove(2);
        long typical = others.stream().sorted().toList().get(others.size() / 2);
        assertThat(Duration.ofNanos(afterBusy)).as("TODO-05 (Hint 9): the wait after a 503 with Retry-After: %d "
                + "(a typical wait between polls: %d ms)", PollFaults.RETRY_AFTER_SECONDS, typical / 1_000_000)
                .isGreaterThanOrEqualTo(Duration.ofSeconds(PollFaults.RETRY_AFTER_SECONDS).minusMillis(50));
        assertThat(afterBusy).as("TODO-05 (Hint 9): the wait after the 503 against a typical wait between polls")
                .isGreaterThan(3 * typical);
    }

    @Test
    @DisplayName("retryAfter() reads Retry-After as seconds or as an HTTP date, and is null without one")
    @SuppressWarnings("unchecked")
    void retryAfterReadsSecondsAndDates(ChatPage page) {
        page.open();
        Map<String, Object> result = (Map<String, Object>) page.runAsync("""
                const done = arguments[arguments.length - 1];
                import('/chat.js').then(({ retryAfter }) => {
                    const busy = (headers) => new Response(null, { status: 503, headers });
                    const inThreeSeconds = new Date(Date.now() + 3000).toUTCString();
                    done({
                        seconds: retryAfter(busy({ 'Retry-After': '2' })),
                        date: retryAfter(busy({ 'Retry-After': inThreeSeconds })),
                        none: String(retryAfter(busy({}))),
                        noResponse: String(retryAfter(null)),
                    });
                }).catch((error) => done({ error: String(error.message ?? error) }));
                """);
        assertThat(result.get("error")).as("TODO-05 (Hint 9): retryAfter() in the page threw").isNull();
        assertThat(result.get("seconds")).as("TODO-05 (Hint 9): retryAfter of Retry-After: 2, in ms").isEqualTo(2000L);
        // An HTTP date has whole seconds: 3 s from now is between 2 and 3 s away.
        assertThat(result.get("date")).as("TODO-05 (Hint 9): retryAfter of a date 3 s ahead, in ms")
                .isInstanceOfSatisfying(Number.class, (ms) -> assertThat(ms.doubleValue()).isBetween(1000.0, 3000.0));
        assertThat(result).as("TODO-05 (Hint 9): retryAfter without a header, and without a response")
                .containsEntry("none", "null").containsEntry("noResponse", "null");
    }

    @Test
    @DisplayName("over short-poll, Stop cancels the reply on the server")
    void stopCancelsOnTheServer(ChatPage page) {
        page.open().chooseTransport("short-poll");
        page.ask("/count 100000");
        page.waitUntil("the first tokens", () -> page.answer().length() > 10 || page.status().equals("error"));
        page.stop();
        assertThat(page.awaitStatus("cancelled", "done", "error")).as("TODO-04 (Hint 7): %s", page.describe())
                .isEqualTo("cancelled");
        ChatHttp http = new ChatHttp(this.port);
        String id = this.faults.lastId();
        assertThat(Json.parse(http.get("/api/replies/" + id).body()).path("finishReason").asString())
                .as("the reply's finishReason on the server").isEqualTo("cancelled");
    }
}
