package com.example.kit.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.Testcontainers;
import org.testcontainers.selenium.BrowserWebDriverContainer;

/**
 * Finds a browser for the page tests, in this order:
 * <ol>
 * <li>the local Chromium (or Chrome) and its ChromeDriver, headless, where
 * {@link BrowserLocations} finds them; set their paths with {@code -Dchrome.binary=...} /
 * {@code CHROME_BIN} and {@code -Dwebdriver.chrome.driver=...} / {@code CHROMEDRIVER} when
 * they are not in a usual place;
 * <li>where there is none but a Docker engine runs, Chromium in a Testcontainers container;
 * <li>otherwise none: the test is skipped with a sentence saying what to install; under
 * {@code CI=true} it fails instead, so a green CI always means the browser tests ran.
 * </ol>
 * Nothing here downloads a browser or a driver: the driver's path is always given, which
 * keeps Selenium Manager off.
 */
public final class Browsers {

    /**
     * Selenium warns that it has no DevTools (CDP) support matching the installed Chromium;
     * these tests never use DevTools, so the warning is only noise. (Kept in fields: the JDK's
     * loggers are only weakly held, and would forget their level.)
     */
    private static final List<java.util.logging.Logger> QUIETED = Stream.of(
            "org.openqa.selenium.devtools.CdpVersionFinder", "org.openqa.selenium.chromium.ChromiumDriver")
            .map(java.util.logging.Logger::getLogger).toList();

    static {
        QUIETED.forEach((logger) -> logger.setLevel(java.util.logging.Level.SEVERE));
    }

    private Browsers() {
    }

    /** A started browser, and the host name under which it reaches this machine's servers. */
    public record Browser(WebDriver driver, String host, AutoCloseable resources) implements AutoCloseable {

        /** The address under which this browser reaches a server on this machine's {@code port}. */
        public String baseUrl(int port) {
            if (!"localhost".equals(this.host)) {
                Testcontainers.exposeHostPorts(port);
            }
            return "http://" + this.host + ":" + port;
        }

        @Override
        public void close() throws Exception {
            try {
                this.driver.quit();
            }
            finally {
                this.resources.close();
            }
        }
    }

    /** Why no browser could be had, in one sentence for the learner. */
    public static final class NoBrowserException extends Exception {

        NoBrowserException(String message) {
            super(message);
        }
    }

    public static Browser start() throws NoBrowserException {
        Optional<Path> chrome = BrowserLocations.chromium();
        Optional<Path> driver = BrowserLocations.chromeDriver();
        if (chrome.isPresent() && driver.isPresent()) {
            return startLocal(chrome.get(), driver.get());
        }
        String missing = chrome.isEmpty()
                ? "No Chromium or Chrome found (install Debian's 'chromium' and 'chromium-driver', or set CHROME_BIN)"
                : "Chromium is at " + chrome.get() + " but no ChromeDriver was found (install 'chromium-driver', or set CHROMEDRIVER)";
        if (dockerEngineRuns()) {
            return startInContainer();
        }
        throw new NoBrowserException(missing + ", and no Docker engine runs for the container fallback.");
    }

    private static Browser startLocal(Path chrome, Path driver) {
        Path profile = temporaryProfile();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chrome.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--disable-extensions", "--disable-default-apps", "--no-default-browser-check",
                "--window-size=1200,900", "--user-data-dir=" + profile,
                // No look-ups of Google's hosts at start; localhost still resolves.
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options), "localhost", () -> deleteQuietly(profile));
    }

    private static Browser startInContainer() {
        // The container reaches this machine's ports through Testcontainers' host alias;
        // baseUrl(port) exposes each port it is asked for.
        BrowserWebDriverContainer container = new BrowserWebDriverContainer("selenium/standalone-chromium:latest");
        container.start();
        WebDriver driver = new RemoteWebDriver(container.getSeleniumAddress(), new ChromeOptions());
        return new Browser(driver, "host.testcontainers.internal", container::stop);
    }

    private static boolean dockerEngineRuns() {
        try {
            // Asks the engine itself, not merely whether a 'docker' command exists.
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException | LinkageError ex) {
            return false;
        }
    }

    private static Path temporaryProfile() {
        try {
            return Files.createTempDirectory("chat-chromium-");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
        }
        catch (IOException ex) {
            // a leftover temp dir is harmless
        }
    }
}
