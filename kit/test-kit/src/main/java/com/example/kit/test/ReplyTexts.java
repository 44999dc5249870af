package com.example.kit.test;

import java.util.List;

/**
 * The texts the simulated model's replies must have, to compare a received reply with.
 * (Not to be confused with the lessons' {@code Replies}, which hold the replies themselves.)
 */
public final class ReplyTexts {

    private ReplyTexts() {
    }

    /** The text of {@code /count n}: "1 2 3 ... n". */
    public static String countTo(int n) {
        StringBuilder text = new StringBuilder("1");
        for (int i = 2; i <= n; i++) {
            text.append(' ').append(i);
        }
        return text.toString();
    }

    /** The text of the token events among these events, concatenated. */
    public static String text(List<ServerSentEvent> events) {
        StringBuilder text = new StringBuilder();
        for (ServerSentEvent event : events) {
            if (event.event().equals("token")) {
                text.append(event.json().path("text").asString());
            }
        }
        return text.toString();
    }
}
