package com.example.chat;

import java.time.Duration;
import java.util.List;

import com.example.kit.test.ChatHttp;
import com.example.kit.test.EventStream;
import com.example.kit.test.ServerSentEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import static com.example.kit.test.ReplyTexts.countTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client gone is not an error; a bug is. A stream whose client went away costs one
 * INFO line and no stack trace; a stream that fails for any other reason (here, an event
 * that cannot be written) is logged as an ERROR, with its cause.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "chat.model.first-token-delay=10ms", "chat.model.token-delay=10ms" })
@ExtendWith(OutputCaptureExtension.class)
class StreamFailureTest {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    static final int BUGGY_REPLY_TOKENS = 30;

    /** The text of the bug this test plants: writing a "done" event fails. */
    static final String PLANTED_BUG = "A bug planted by StreamFailureTest: a done event cannot be written.";

    @LocalServerPort
    int port;

    ChatHttp http;

    @BeforeEach
    void connect() {
        this.http = new ChatHttp(this.port);
    }

    @Test
    @DisplayName("a client that goes away mid-stream costs one INFO line, without a stack trace")
    void aClientGoneIsNotAnError(CapturedOutput output) {
        ChatHttp.Reply reply = this.http.startReply("/count 1000");
        try (EventStream stream = this.http.stream(reply.stream())) {
            ServerSentEvent first = stream.next(TIMEOUT);
            assertThat(first.event()).as("the first event of the stream (TODO-03 sends them)").isEqualTo("token");
        } // closes the connection, as a closed browser tab does
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(output.getOut())
                .as("the log, once the client has gone (TODO-03 logs it)").contains(reply.id() + " closed"));
        List<String> lines = output.getAll().lines().filter((line) -> line.contains(reply.id())).toList();
        assertThat(lines).as("the log lines about reply %s", reply.id()).singleElement()
                .satisfies((line) -> assertThat(line).contains(" INFO ", "the client went away"));
        assertThat(output.getAll()).as("the log (a client gone is not an error: no stack trace)")
                .doesNotContain("\tat ").doesNotContain(" ERROR ").doesNotContain(" WARN ");
    }

    @Test
    @DisplayName("a stream that fails for another reason (a bug) is an ERROR, logged with its cause")
    void aBugIsAnError(CapturedOutput output) {
        // Long enough (about 300 ms) that the reply is still running when its stream opens,
        // even on a busy machine: the done event, which cannot be written, is sent while streaming.
        ChatHttp.Reply reply = this.http.startReply("/count " + BUGGY_REPLY_TOKENS);
        try (EventStream stream = this.http.stream(reply.stream())) {
            List<ServerSentEvent> events = stream.readToEnd(TIMEOUT);
            assertThat(events).as("the stream's events: its tokens, and no done (the planted bug)")
                    .extracting(ServerSentEvent::event).hasSize(BUGGY_REPLY_TOKENS).containsOnly("token");
        }
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(output.getAll()).as("the log, after the planted bug")
                .contains("Stream of reply " + reply.id() + " failed at event " + BUGGY_REPLY_TOKENS));
        String log = output.getAll();
        String failure = log.substring(log.indexOf("Stream of reply " + reply.id() + " failed"));
        assertThat(log.lines().filter((line) -> line.contains("Stream of reply " + reply.id() + " failed")))
                .as("the log line of the failure").singleElement().satisfies((line) -> assertThat(line).contains(" ERROR "));
        assertThat(failure).as("the failure's stack trace names its cause").contains(PLANTED_BUG).contains("\tat ");
        assertThat(this.http.get("/api/replies/" + reply.id()).body()).as("the reply itself, unharmed")
                .contains("\"text\":\"" + countTo(BUGGY_REPLY_TOKENS) + "\"").contains("\"status\":\"ended\"");
    }

    /** Plants a bug: a converter that fails to write the data of a "done" event. */
    @TestConfiguration(proxyBeanMethods = false)
    static class PlantedBug {

        @Bean
        WebMvcConfigurer failToWriteDone() {
            return new WebMvcConfigurer() {
                @Override
                public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
                    converters.addCustomConverter(new DoneConverter());
                }
            };
        }
    }

    static final class DoneConverter extends AbstractHttpMessageConverter<Object> {

        DoneConverter() {
            super(MediaType.ALL);
        }

        @Override
        protected boolean supports(Class<?> type) {
            return type == ReplyEvents.Done.class;
        }

        @Override
        protected boolean canRead(MediaType mediaType) {
            return false;
        }

        @Override
        protected Object readInternal(Class<?> type, HttpInputMessage input) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void writeInternal(Object done, HttpOutputMessage output) {
            throw new HttpMessageNotWritableException(PLANTED_BUG);
        }
    }
}
