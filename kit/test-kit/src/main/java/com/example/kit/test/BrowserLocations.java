package com.example.kit.test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where Chromium (or Chrome) and its ChromeDriver are on this machine: the one list of places
 * the workshop looks in. {@link Browsers} starts them for the page tests, and the workshop's
 * tool ({@code ./workshop prefetch}) says whether they were found, so this class uses the JDK
 * alone: tools/Workshop.java compiles this file with the tool's own sources.
 * <p>
 * A path set with {@code -Dchrome.binary=...} / {@code CHROME_BIN} or
 * {@code -Dwebdriver.chrome.driver=...} / {@code CHROMEDRIVER} is used as it is, or not at all;
 * otherwise the usual places, then the {@code PATH}.
 */
public final class BrowserLocations {

    private BrowserLocations() {
    }

    public static Optional<Path> chromium() {
        return firstExisting(configured("chrome.binary", "CHROME_BIN"), List.of(
                "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
                "/usr/bin/google-chrome-stable", "/snap/bin/chromium",
                "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
                "/Applications/Chromium.app/Contents/MacOS/Chromium",
                "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
                "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
                System.getenv("LOCALAPPDATA") + "\\Google\\Chrome\\Application\\chrome.exe"),
                "chromium", "chromium-browser", "google-chrome", "chrome.exe");
    }

    public static Optional<Path> chromeDriver() {
        return firstExisting(configured("webdriver.chrome.driver", "CHROMEDRIVER"), List.of(
                "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver", "/opt/homebrew/bin/chromedriver",
                "/usr/local/bin/chromedriver"), "chromedriver", "chromedriver.exe");
    }

    private static Optional<String> configured(String property, String variable) {
        return Optional.ofNullable(System.getProperty(property)).or(() -> Optional.ofNullable(System.getenv(variable)));
    }

    private static Optional<Path> firstExisting(Optional<String> configured, List<String> usual, String... onPath) {
        if (configured.isPresent()) {
            // No silent fallback to another browser than the one configured.
            return Optional.of(Path.of(configured.get())).filter(Files::isExecutable);
        }
        List<Path> candidates = new ArrayList<>();
        for (String path : usual) {
            try {
                candidates.add(Path.of(path));
            }
            catch (InvalidPathException ex) {
                // a Windows path on Linux, say: not a place on this system
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : onPath) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, name));
                }
            }
        }
        return candidates.stream().filter(Files::isExecutable).filter(Files::isRegularFile).findFirst();
    }
}
