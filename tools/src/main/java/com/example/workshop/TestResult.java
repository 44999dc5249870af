package com.example.workshop;

/**
 * One test, as surefire reports it, with the name its @DisplayName gives it.
 *
 * @param className the test class, as the report names it (com.example.chat.CancelTest)
 * @param method the test method (parameterized tests: its name, without which case)
 * @param displayName what the check says it checks
 * @param message the failure's or skip's message, or "" for a test that passed
 */
record TestResult(String className, String method, String displayName, Status status, String message) {

    enum Status {
        PASSED, FAILED, SKIPPED
    }

    boolean failed() {
        return this.status == Status.FAILED;
    }

    /** "CancelTest.cancelsARunningReply", as a README's starter-fails list names it. */
    String testName() {
        return simpleName(this.className) + "." + this.method;
    }

    /** A check that drives the page in a browser: the end of a chain, the last place a cause shows. */
    boolean inBrowser() {
        return simpleName(this.className).endsWith("BrowserTest");
    }

    /** com.example.chat.ChatTest$Nested -> ChatTest: the top-level class, named as its file. */
    static String simpleName(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple.contains("$") ? simple.substring(0, simple.indexOf('$')) : simple;
    }
}
