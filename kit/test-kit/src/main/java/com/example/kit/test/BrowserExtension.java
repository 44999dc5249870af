package com.example.kit.test;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives a test method a {@link ChatPage}: the chat page of the application that
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} started, in a real browser.
 * One browser serves every test of the run, and quits at its end.
 */
public class BrowserExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

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
        Object browser = context.getRoot().getStore(NAMESPACE).computeIfAbsent("browser", (key) -> start(Integer.parseInt(port)));
        if (browser instanceof String reason) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI=true, so the browser tests must run, but: " + reason);
            }
            Assumptions.abort("Browser test skipped: " + reason);
        }
        Browsers.Browser started = (Browsers.Browser) browser;
        return new ChatPage(started.driver(), started.baseUrl(Integer.parseInt(port)));
    }

    /** The browser, or why there is none (remembered, so the reason is found once). */
    private static Object start(int port) {
        try {
            return Browsers.start(port);
        }
        catch (Browsers.NoBrowserException ex) {
            return ex.getMessage();
        }
    }
}
