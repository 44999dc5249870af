package com.example.kit.test;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives a test method a {@link ChatPage}: the chat page of the application that
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} started, in a real browser.
 * One browser serves every test of the run, and quits at its end.
 */
public class BrowserExtension implements BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    /** Starts the browser before the test, or skips the test (fails it under CI=true) if there is none. */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (browser(context) instanceof String reason) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI=true, so the browser tests must run, but: " + reason);
            }
            Assumptions.abort("Browser test skipped: " + reason);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ChatPage.class;
    }

    @Override
    public ChatPage resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
        if (port == null) {
            throw new IllegalStateException("A ChatPage needs a running server: use @SpringBootTest(webEnvironment = RANDOM_PORT).");
        }
        Browsers.Browser browser = (Browsers.Browser) browser(context);
        return new ChatPage(browser.driver(), browser.baseUrl(Integer.parseInt(port)));
    }

    /** The browser, or why there is none: found once for the whole run, and remembered. */
    private static Object browser(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent("browser", (key) -> start());
    }

    private static Object start() {
        try {
            return Browsers.start();
        }
        catch (Browsers.NoBrowserException ex) {
            System.err.println("[browser tests] " + ex.getMessage());
            return ex.getMessage();
        }
    }
}
