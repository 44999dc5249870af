package com.example.workshop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

import com.example.kit.test.BrowserLocations;
import com.example.workshop.Processes.Captured;

/** prefetch: everything for a day without network; one full build fetches every plugin and library. */
record PrefetchCommand(Context context) {

    int run(List<String> args) {
        this.context.noMoreArguments("prefetch", args);
        Out out = this.context.out();
        out.println("Building and testing the whole workshop once, to download everything it needs"
                + " (a few minutes the first time)...");
        // Maven's "Building ..." lines are shown as progress; the rest is kept.
        Captured maven = this.context.maven().run(List.of("verify", "-Dworkshop.learner=true"), (line) -> {
            Matcher building = TestRun.BUILDING.matcher(line);
            if (building.matches()) {
                out.println("  " + building.group(2) + "/" + building.group(3) + " " + building.group(1));
            }
        });
        List<String> missing = new ArrayList<>();
        if (!maven.succeeded()) {
            out.blank();
            out.println("Maven failed; the end of its output:");
            Processes.tail(maven.lines(), 20).forEach((line) -> out.println("  " + line));
            missing.add("a successful build (see the end of Maven's output above; --verbose shows all of it)");
        }
        out.blank();
        Optional<Path> chromium = BrowserLocations.chromium();
        Optional<Path> driver = BrowserLocations.chromeDriver();
        out.println(chromium.isPresent() ? out.pass() + " Chromium:     " + chromium.get()
                : out.fail() + " Chromium:     not found (install Debian's 'chromium', or Chrome, or set CHROME_BIN)");
        out.println(driver.isPresent() ? out.pass() + " ChromeDriver: " + driver.get()
                : out.fail() + " ChromeDriver: not found (install 'chromium-driver', or set CHROMEDRIVER)");
        if (chromium.isEmpty()) {
            missing.add("Chromium or Chrome, for the browser tests");
        }
        if (driver.isEmpty()) {
            missing.add("ChromeDriver, for the browser tests");
        }
        out.blank();
        if (missing.isEmpty()) {
            out.println("ready: " + (Out.WINDOWS ? "mvnw" : "./mvnw") + " -o works offline now");
            return 0;
        }
        out.println("not ready yet, missing: " + String.join("; ", missing) + ".");
        return 1;
    }
}
