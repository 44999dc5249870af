package com.example.workshop;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A lesson's numbered steps, TODO-01, TODO-02...: how the tool names them and finds them in a message. */
final class Todos {

    /** What a starter's stub says, in an exception, a problem detail or the page. */
    static final Pattern NOT_DONE = Pattern.compile("TODO-(\\d+) is not done yet");

    static final Pattern TODO = Pattern.compile("TODO-(\\d+)");

    private Todos() {
    }

    static String name(int todo) {
        return String.format("TODO-%02d", todo);
    }

    /**
     * The TODO a failure's message names: the one whose stub answered ("TODO-02 is not done
     * yet"), what blocks the check now; else the earliest one the message mentions.
     */
    static OptionalInt inMessage(String message) {
        Matcher stub = NOT_DONE.matcher(message);
        if (stub.find()) {
            return OptionalInt.of(Integer.parseInt(stub.group(1)));
        }
        Matcher mention = TODO.matcher(message);
        OptionalInt earliest = OptionalInt.empty();
        while (mention.find()) {
            int todo = Integer.parseInt(mention.group(1));
            if (earliest.isEmpty() || todo < earliest.getAsInt()) {
                earliest = OptionalInt.of(todo);
            }
        }
        return earliest;
    }
}
