package com.example.kit.test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chat page in a real browser, found by the contract's {@code data-testid}s.
 */
public final class ChatPage {

    /** Generous: a loaded 2-core machine may be slow, and a wait ends as soon as it can. */
    /** How long a page may take for what a test waits for; a starter or a wrong solution fails after it. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WebDriver driver;

    private final String baseUrl;

    ChatPage(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** Loads the page and waits until its script has offered its transports. */
    public ChatPage open() {
        return openAt(this.baseUrl);
    }

    /**
     * Loads the page from another port of the same host: through a {@link TcpProxy} in
     * front of the application, say.
     */
    public ChatPage openThrough(int port) {
        return openAt(this.baseUrl.replaceFirst(":\\d+$", ":" + port));
    }

    private ChatPage openAt(String baseUrl) {
        this.driver.get(baseUrl + "/");
        waitUntil("the page's script to offer its transports",
                () -> !new Select(byTestId("transport")).getOptions().isEmpty());
        return this;
    }

    public List<String> transports() {
        return new Select(byTestId("transport")).getOptions().stream().map((o) -> o.getAttribute("value")).toList();
    }

    public ChatPage chooseTransport(String transport) {
        new Select(byTestId("transport")).selectByValue(transport);
        return this;
    }

    /**
     * Types the prompt and sends it. The text is set by script, so any character gets
     * through as it is (ChromeDriver cannot type emoji, and Enter would send early).
     */
    public ChatPage ask(String prompt) {
        js().executeScript("arguments[0].value = arguments[1];", byTestId("prompt"), prompt);
        byTestId("send").click();
        return this;
    }

    /**
     * Sends the prompt and presses Stop at once, in the same task: before the transport has
     * even sent its request, so before the page can know the reply's id.
     */
    public ChatPage askAndStopAtOnce(String prompt) {
        js().executeScript("""
                arguments[0].value = arguments[1];
                arguments[2].click();
                arguments[3].click();
                """, byTestId("prompt"), prompt, byTestId("send"), byTestId("stop"));
        return this;
    }

    public void stop() {
        byTestId("stop").click();
    }

    /** The answer's text exactly, newlines and spaces included. */
    public String answer() {
        return byTestId("answer").getDomProperty("textContent");
    }

    public String status() {
        return byTestId("status").getText();
    }

    public String notice() {
        return byTestId("notice").getDomProperty("textContent");
    }

    /** How many HTML elements are inside the answer: 0 when it is rendered as text. */
    public long elementsInAnswer() {
        return ((Number) js().executeScript("return arguments[0].querySelectorAll('*').length;",
                byTestId("answer"))).longValue();
    }

    /** Waits until the status is one of these, and returns it. */
    public String awaitStatus(String... statuses) {
        List<String> wanted = Arrays.asList(statuses);
        waitUntil("status " + wanted, () -> wanted.contains(status()));
        return status();
    }

    /**
     * Waits until the reply has ended, and fails, showing what the page says, unless it
     * ended with status {@code done}.
     */
    public void awaitDone() {
        String status = awaitStatus("done", "error", "cancelled");
        if (!"done".equals(status)) {
            throw new AssertionError("The reply ended with status '" + status + "', not 'done'; the page says: '"
                    + notice() + "' and shows the answer '" + answer() + "'");
        }
    }

    /**
     * Starts recording, in the page, every change of the answer and the status, so a test
     * can check their order afterwards without racing the page.
     */
    public void startRecording() {
        js().executeScript("""
                window.__changes = [];
                const answer = document.querySelector('[data-testid=answer]');
                const status = document.querySelector('[data-testid=status]');
                const record = () => window.__changes.push(
                        { status: status.textContent, answer: answer.textContent });
                const observer = new MutationObserver(record);
                for (const node of [answer, status]) {
                    observer.observe(node, { childList: true, characterData: true, subtree: true });
                }
                """);
    }

    /** The page's states seen since {@link #startRecording()}, in order. */
    public List<PageState> recording() {
        @SuppressWarnings("unchecked")
        List<Map<String, String>> changes = (List<Map<String, String>>) js().executeScript("return window.__changes;");
        return changes.stream().map((change) -> new PageState(change.get("status"), change.get("answer"))).toList();
    }

    /** The statuses seen since {@link #startRecording()}, each change once: [streaming, done], say. */
    public List<String> statusChanges() {
        List<String> changes = new java.util.ArrayList<>();
        for (PageState state : recording()) {
            if (changes.isEmpty() || !changes.getLast().equals(state.status())) {
                changes.add(state.status());
            }
        }
        return changes;
    }

    /** What the page showed at one moment. */
    public record PageState(String status, String answer) {
    }

    /**
     * From now on, remembers every EventSource the page opens, so a test can see their
     * states with {@link #eventSourceStates()}.
     */
    public void trackEventSources() {
        js().executeScript("""
                const Native = window.EventSource;
                window.__eventSources = [];
                window.EventSource = class extends Native {
                    constructor(...args) {
                        super(...args);
                        window.__eventSources.push(this);
                    }
                };
                """);
    }

    /**
     * The {@code readyState} of every EventSource opened since {@link #trackEventSources()}:
     * 0 connecting (or reconnecting), 1 open, 2 closed.
     */
    @SuppressWarnings("unchecked")
    public List<Long> eventSourceStates() {
        return (List<Long>) js().executeScript("return window.__eventSources.map((source) => source.readyState);");
    }

    /**
     * Runs a script in the page that ends by calling its last argument with a result, as
     * Selenium's {@code executeAsyncScript} does, and returns that result.
     */
    public Object runAsync(String script, Object... args) {
        return js().executeAsyncScript(script, args);
    }

    public WebDriver driver() {
        return this.driver;
    }

    /** What the page shows, in one line, for assertion messages. */
    public String describe() {
        return "the page shows status '" + safely(this::status) + "', answer '" + safely(this::answer) + "', notice '"
                + safely(this::notice) + "'";
    }

    /** Waits until the condition holds, failing with what the page shows if it does not. */
    public void waitUntil(String what, java.util.function.BooleanSupplier condition) {
        try {
            new WebDriverWait(this.driver, TIMEOUT, Duration.ofMillis(25)).until((driver) -> condition.getAsBoolean());
        }
        catch (org.openqa.selenium.TimeoutException ex) {
            throw new AssertionError("Waited " + TIMEOUT.toSeconds() + " s for " + what + "; " + describe());
        }
    }

    private static String safely(java.util.function.Supplier<String> read) {
        try {
            return read.get();
        }
        catch (RuntimeException ex) {
            return "?";
        }
    }

    private WebElement byTestId(String id) {
        return this.driver.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) this.driver;
    }
}
