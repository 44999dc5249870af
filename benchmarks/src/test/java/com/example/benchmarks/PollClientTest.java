package com.example.benchmarks;

import java.time.Duration;
import java.util.List;

import com.example.kit.test.ChatHttp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The polling clients of the harness against a fake server that answers polls as the
 * contract says: the {@code from} of each poll, the {@code waitMs} of long polls, the pause
 * of short ones, the requests counted, and the probe that tells whether polling is served.
 */
class PollClientTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Five tokens, at most two an answer: the polls must go on from each answer's {@code next}. */
    private static FakePollingServer.Answer twoAtATime(int from) {
        return FakePollingServer.tokens(from, Math.min(from + 2, 5), 5);
    }

    @Test
    void shortPollsFollowNextPauseBetweenPollsAndCountEveryRequest() {
        try (FakePollingServer server = new FakePollingServer(PollClientTest::twoAtATime);
                ReplyReader reader = Transport.SHORT_POLL.reader(server.port(), ReplyReader.Connections.KEPT_OPEN)) {
            TimedReply reply = reader.read("/count 5", TIMEOUT);

            assertThat(reply.isComplete(5)).as(reply.toString()).isTrue();
            assertThat(server.queries()).containsExactly("from=0", "from=2", "from=4");
            assertThat(reply.requests()).as("the POST and three polls").isEqualTo(4);
            List<Long> polls = server.pollNanos();
            for (int i = 1; i < polls.size(); i++) {
                assertThat(polls.get(i) - polls.get(i - 1)).as("the pause before poll " + i)
                        .isGreaterThanOrEqualTo(Transport.SHORT_POLL_INTERVAL.toNanos());
            }
        }
    }

    @Test
    void longPollsAskTheServerToWaitAndShareTheArrivalOfOneAnswer() {
        try (FakePollingServer server = new FakePollingServer(PollClientTest::twoAtATime);
                ReplyReader reader = Transport.LONG_POLL.reader(server.port(),
                        ReplyReader.Connections.NEW_EACH_REPLY)) {
            TimedReply reply = reader.read("/count 5", TIMEOUT);

            long waitMs = Transport.LONG_POLL_WAIT.toMillis();
            assertThat(server.queries()).containsExactly("from=0&waitMs=" + waitMs, "from=2&waitMs=" + waitMs,
                    "from=4&waitMs=" + waitMs);
            assertThat(reply.tokenNanos()).hasSize(5);
            assertThat(reply.tokenNanos().get(0)).as("tokens of one answer arrive together")
                    .isEqualTo(reply.tokenNanos().get(1)).isLessThan(reply.tokenNanos().get(2));
            assertThat(reply.timeToFirstTokenNanos()).isPositive();
        }
    }

    @Test
    void pollingIsServedOnlyWhenAPollIsAnsweredAsTheContractSays() {
        try (FakePollingServer polls = new FakePollingServer(PollClientTest::twoAtATime);
                FakePollingServer none = new FakePollingServer(
                        (from) -> new FakePollingServer.Answer(404, "{\"status\":404,\"detail\":\"No static resource\"}"));
                FakePollingServer shortOnly = new FakePollingServer((from) -> FakePollingServer.tokens(from, from, 5))) {
            assertThat(Transport.SHORT_POLL.servedBy(polls.port())).isTrue();
            assertThat(Transport.LONG_POLL.servedBy(polls.port())).isTrue();
            assertThat(Transport.SHORT_POLL.servedBy(none.port())).isFalse();
            assertThat(Transport.LONG_POLL.servedBy(none.port())).isFalse();
            assertThat(Transport.SHORT_POLL.servedBy(shortOnly.port())).isTrue();
            assertThat(Transport.LONG_POLL.servedBy(shortOnly.port()))
                    .as("a poll answered at once with nothing did not wait: no long polling").isFalse();
            assertThat(Transport.SSE.servedBy(polls.port())).as("no stream there").isFalse();
        }
    }

    @Test
    void anOpenPollKeepsPollingFromItsFirstTokenUntilClosed() throws Exception {
        // The first token, then nothing more: the reply is idle, as in the memory figures.
        try (FakePollingServer server = new FakePollingServer((from) -> FakePollingServer.tokens(from, 1, 5))) {
            OpenConnection open = Transport.SHORT_POLL.open(new ChatHttp(server.port()), server.port(), "/count 5",
                    TIMEOUT);
            assertThat(open.timeToFirstTokenNanos()).isPositive();
            await().atMost(TIMEOUT).until(() -> server.queries().size() >= 3);
            assertThat(server.queries()).startsWith("from=0", "from=1", "from=1");

            int polls = server.queries().size();
            // close() returns once the poller has stopped (else it throws): no poll comes after it.
            open.close();
            assertThat(server.queries().size()).as("polls by the time close() returned (one may have been under way)")
                    .isLessThanOrEqualTo(polls + 1);
        }
    }

    @Test
    void anAnswerWithoutTheContractsFieldsIsRefused() {
        assertThat(PollAnswer.parse("{\"id\":\"r1\",\"tokens\":[{\"seq\":3,\"text\":\" 4\"}],\"next\":4,\"done\":false,"
                + "\"finishReason\":null}")).isEqualTo(new PollAnswer(List.of(" 4"), 4, false, null));
        assertThatIllegalArgumentException().isThrownBy(() -> PollAnswer.parse("{\"status\":404}"));
        assertThatIllegalArgumentException().isThrownBy(() -> PollAnswer.parse("{\"tokens\":[],\"next\":\"4\",\"done\":false}"));
    }
}
