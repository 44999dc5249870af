/*
 * The workshop's command-line tool: checks your lessons, shows your progress, runs the chat.
 *
 *     ./workshop help            (on Windows: workshop help)
 *
 * The launchers at the repository's root just run this one file with the JDK's single-file
 * source launcher (java tools/Workshop.java <command>): no build, no dependency, nothing to
 * install. It calls the Maven wrapper (mvnw) for the real work.
 *
 * Why the file is written the way it is:
 * - The workshop needs JDK 21+, but a learner may start it with an older java. The source
 *   launcher compiles the whole file before main() runs, so the file uses only what JDK 17
 *   can compile: then an old JDK gets one clear sentence instead of a compiler error.
 *   (The one newer API, SimpleFileServer, is called through reflection for that reason.)
 * - Maven's own output is long and is not meant for learners: the tool captures it and
 *   reads the results it needs (compiler errors, surefire's XML reports) instead.
 *   Add --verbose to any command to see Maven's output as it comes.
 * - Expected failures (a lesson not done, no git, a port taken...) end with a sentence,
 *   never with a stack trace: they throw Problem, which main() prints.
 */

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

public final class Workshop {

    static final int REQUIRED_JDK = 21;

    static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");

    /** How a learner calls this tool on this machine, for the sentences that suggest a command. */
    static final String SELF = WINDOWS ? "workshop" : "./workshop";

    /** The commands, in the order help lists them. */
    static final List<Command> COMMANDS = List.of(
            new Command("progress", "", "shows which lessons are done, and what to do next in the first one that is not"),
            new Command("check", "NN [--solution]", "runs lesson NN's tests on your copy (or on the solution) and explains the first failure"),
            new Command("reset", "NN", "puts lesson NN back to its starter state, keeping your work in git's stash"),
            new Command("diff", "NN", "shows what is left between your copy of lesson NN and its solution"),
            new Command("run", "[NN] [--starter]", "runs a lesson's chat on http://localhost:8080 (default: the last solution)"),
            new Command("prefetch", "", "downloads everything the workshop needs, so that it works without network"),
            new Command("slides", "", "serves the slides on http://localhost:8000 (no network needed)"),
            new Command("bench", "", "measures lesson 01 against lesson 02: how soon the first token arrives"),
            new Command("help", "", "lists these commands"));

    record Command(String name, String arguments, String description) {
    }

    /** An expected failure: main() prints its message, without a stack trace, and exits 1. */
    static final class Problem extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        // First of all, before anything that needs JDK 21.
        if (Runtime.version().feature() < REQUIRED_JDK) {
            System.err.println("This workshop needs JDK " + REQUIRED_JDK + " or newer, but this is JDK "
                    + Runtime.version() + " (" + System.getProperty("java.home") + "): set JAVA_HOME to a JDK "
                    + REQUIRED_JDK + " or newer and run the command again.");
            System.exit(1);
        }
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        boolean verbose = arguments.remove("--verbose");
        try {
            Workshop workshop = new Workshop(findRoot(), verbose);
            System.exit(workshop.run(arguments));
        }
        catch (Problem problem) {
            System.out.flush();
            System.err.println(problem.getMessage());
            System.exit(1);
        }
    }

    // ---------------------------------------------------------------------------------------
    // The commands: one method each.
    // ---------------------------------------------------------------------------------------

    private final Path root;

    private final boolean verbose;

    private final Out out = new Out();

    Workshop(Path root, boolean verbose) {
        this.root = root;
        this.verbose = verbose;
    }

    int run(List<String> args) {
        if (args.isEmpty()) {
            return usage();
        }
        List<String> rest = args.subList(1, args.size());
        switch (args.get(0)) {
            case "progress":
                return progress(rest);
            case "check":
                return check(rest);
            case "reset":
                return reset(rest);
            case "diff":
                return diff(rest);
            case "run":
                return runApp(rest);
            case "prefetch":
                return prefetch(rest);
            case "slides":
                return slides(rest);
            case "bench":
                return bench(rest);
            case "help":
            case "--help":
            case "-h":
                return help();
            default:
                System.err.println("Unknown command: " + args.get(0));
                return usage();
        }
    }

    int usage() {
        System.err.println("Usage: " + SELF + " <command> [--verbose]");
        System.err.println("Commands: " + COMMANDS.stream().map(Command::name).collect(Collectors.joining(", "))
                + ". '" + SELF + " help' says what each one does.");
        return 2;
    }

    int help() {
        this.out.println("Usage: " + SELF + " <command> [--verbose]");
        this.out.println("");
        int width = COMMANDS.stream().mapToInt((c) -> (c.name() + " " + c.arguments()).length()).max().orElse(0);
        for (Command command : COMMANDS) {
            String left = (command.name() + " " + command.arguments()).trim();
            this.out.println("  " + pad(left, width) + "  " + command.description());
        }
        this.out.println("");
        String example = lessons().stream().findFirst().map(Lesson::dirName).orElse("01-name");
        this.out.println("NN is a lesson's number (1 or 01) or its folder's name (" + example + ").");
        this.out.println("--verbose shows Maven's own output, which the tool otherwise keeps to itself.");
        return 0;
    }

    /**
     * Rustlings-style: every lesson in order, each run only until the first one that is not
     * done. A lesson that passed and has not changed since is not run again (see Cache).
     */
    int progress(List<String> args) {
        noMoreArguments("progress", args);
        List<Lesson> lessons = lessons();
        if (lessons.isEmpty()) {
            throw new Problem("There is no lesson in " + this.root.resolve("lessons") + ".");
        }
        int slugWidth = lessons.stream().mapToInt((lesson) -> lesson.slug().length()).max().orElse(0);
        Lesson current = null;
        int done = 0;
        for (Lesson lesson : lessons) {
            String name = lesson.number() + " " + pad(lesson.slug(), slugWidth) + "  ";
            if (current != null) {
                this.out.println(this.out.later() + " " + name + "not yet");
                continue;
            }
            if (Cache.passed(lesson.starter())) {
                this.out.println(this.out.pass() + " " + name + "done");
                done++;
                continue;
            }
            this.out.temporary("  checking " + lesson.number() + " " + lesson.slug() + "...");
            Outcome outcome = runTests(lesson.starter(), lesson);
            this.out.temporary("");
            if (outcome.passed()) {
                this.out.println(this.out.pass() + " " + name + "done" + skippedNote(outcome));
                done++;
                continue;
            }
            current = lesson;
            this.out.println(this.out.fail() + " " + name + "not yet " + this.out.dash() + " " + outcome.summary());
            explain(outcome, lesson, "    ");
        }
        this.out.println("");
        if (current == null) {
            this.out.println((done == 1 ? "The lesson is done" : "All " + done + " lessons are done") + ". Well done!");
            return 0;
        }
        this.out.println("Next: lesson " + current.number() + ", in " + relative(current.starter().resolve("README.md"))
                + "; '" + SELF + " check " + current.number() + "' runs its checks again.");
        return 1;
    }

    /** Runs one lesson's tests, on the learner's copy or (--solution) on the solution. */
    int check(List<String> args) {
        List<String> rest = new ArrayList<>(args);
        boolean solution = rest.remove("--solution");
        Lesson lesson = lesson("check", rest);
        Path module = solution ? lesson.solution() : lesson.starter();
        if (!Files.isRegularFile(module.resolve("pom.xml"))) {
            throw new Problem("Lesson " + lesson.number() + " has no solution in " + relative(module) + " yet.");
        }
        this.out.println("Checking lesson " + lesson.number() + ": " + lesson.title() + " (" + relative(module)
                + ")...");
        Outcome outcome = runTests(module, lesson);
        this.out.println("");
        for (TestResult test : outcome.tests()) {
            this.out.println("  " + symbol(test) + " " + test.displayName()
                    + (test.status() == Status.SKIPPED && !test.message().isBlank()
                            ? " (" + firstLines(test.message(), 1).get(0) + ")" : ""));
        }
        if (!outcome.tests().isEmpty()) {
            this.out.println("");
        }
        if (outcome.passed()) {
            this.out.println(this.out.pass() + " Lesson " + lesson.number() + " is done: " + outcome.summary() + "."
                    + skippedNote(outcome));
            return 0;
        }
        this.out.println(this.out.fail() + " Lesson " + lesson.number() + " is not done yet: " + outcome.summary()
                + ".");
        explain(outcome, lesson, "  ");
        return 1;
    }

    /**
     * Back to the starter, without losing anything: the learner's changes go to git's stash,
     * where 'git stash pop' finds them again.
     */
    int reset(List<String> args) {
        Lesson lesson = lesson("reset", args);
        requireGitCheckout("reset");
        String path = relativeSlashes(lesson.starter());
        Captured status = git("status", "--porcelain", "--untracked-files=all", "--", path);
        if (status.exitCode() != 0) {
            throw new Problem("git could not tell what changed in " + path + ": " + String.join(" ", status.lines()));
        }
        if (status.lines().stream().allMatch(String::isBlank)) {
            this.out.println(path + " is already in its starter state: there is nothing to reset.");
            return 0;
        }
        String message = "workshop reset " + lesson.number();
        Captured stash = git("stash", "push", "--include-untracked", "-m", message, "--", path);
        if (stash.exitCode() != 0) {
            throw new Problem("git could not save your work, so nothing was reset: "
                    + String.join(" ", stash.lines()));
        }
        this.out.println(this.out.pass() + " " + path + " is back to its starter state.");
        this.out.println("Your work is not lost: git keeps it in its stash, as \"" + message + "\".");
        this.out.println("  git stash list   shows it (the newest is stash@{0})");
        this.out.println("  git stash pop    brings it back (and removes it from the stash)");
        return 0;
    }

    /** The solution's code beside the learner's: git's diff works even outside a repository. */
    int diff(List<String> args) {
        Lesson lesson = lesson("diff", args);
        requireGit("diff");
        if (!Files.isDirectory(lesson.solution().resolve("src/main"))) {
            throw new Problem("Lesson " + lesson.number() + " has no solution in " + relative(lesson.solution())
                    + " yet.");
        }
        this.out.println("What is left between your copy (-) and the solution (+) of lesson " + lesson.number()
                + ":");
        this.out.flush();
        // git diff exits 1 when there are differences: that is the point here, not a failure.
        int exitCode = inherit(List.of("git", "diff", "--no-index", "--",
                relativeSlashes(lesson.starter().resolve("src/main")),
                relativeSlashes(lesson.solution().resolve("src/main"))), null);
        if (exitCode == 0) {
            this.out.println("Nothing: your copy's src/main is the same as the solution's.");
        }
        return 0;
    }

    /** Builds a lesson's app and runs it in this console, so Ctrl-C stops it. */
    int runApp(List<String> args) {
        List<String> rest = new ArrayList<>(args);
        boolean starter = rest.remove("--starter");
        Path module;
        String label;
        if (rest.isEmpty()) {
            List<Lesson> candidates = lessons().stream()
                    .filter((lesson) -> Files.isRegularFile((starter ? lesson.starter() : lesson.solution())
                            .resolve("pom.xml")))
                    .collect(Collectors.toList());
            if (candidates.isEmpty()) {
                throw new Problem("There is no " + (starter ? "lesson" : "solution") + " to run yet.");
            }
            Lesson last = candidates.get(candidates.size() - 1);
            module = starter ? last.starter() : last.solution();
            label = "lesson " + last.number() + (starter ? " (your copy)" : " (solution)");
        }
        else {
            Lesson lesson = lesson("run", rest);
            module = starter ? lesson.starter() : lesson.solution();
            label = "lesson " + lesson.number() + (starter ? " (your copy)" : " (solution)");
        }
        if (!Files.isRegularFile(module.resolve("pom.xml"))) {
            throw new Problem("There is nothing to run in " + relative(module) + " yet.");
        }
        this.out.println("Building " + label + "...");
        Path jar = buildJar(List.of(module)).get(0);
        String port = Optional.ofNullable(System.getenv("SERVER_PORT")).orElse("8080");
        this.out.println("Starting " + label + " on http://localhost:" + port + "/ (press Ctrl-C to stop).");
        this.out.flush();
        // The app shares this console: it gets Ctrl-C itself, and inherits the environment, so
        // SERVER_PORT and SPRING_APPLICATION_JSON work as with any Spring Boot app.
        return inherit(List.of(javaExecutable().toString(), "-jar", jar.toString()), null);
    }

    static final Pattern MAVEN_BUILDING = Pattern.compile("^\\[INFO\\] Building (.+?)\\s+\\[(\\d+/\\d+)\\]\\s*$");

    /** Everything for a day without network: one full build fetches every plugin and library. */
    int prefetch(List<String> args) {
        noMoreArguments("prefetch", args);
        this.out.println("Building and testing the whole workshop once, to download everything it needs"
                + " (a few minutes the first time)...");
        // Not -q: Maven's "Building ..." lines are shown as progress; the rest is kept.
        Captured maven = maven(List.of("verify", "-Dworkshop.learner=true"), (line) -> {
            Matcher building = MAVEN_BUILDING.matcher(line);
            if (building.matches()) {
                this.out.println("  " + building.group(2) + " " + building.group(1));
            }
        });
        List<String> missing = new ArrayList<>();
        if (maven.exitCode() != 0) {
            this.out.println("");
            this.out.println("Maven failed; the end of its output:");
            tail(maven.lines(), 20).forEach((line) -> this.out.println("  " + line));
            missing.add("a successful build (see the end of Maven's output above; --verbose shows all of it)");
        }
        this.out.println("");
        Optional<Path> chromium = Browsers.chromium();
        Optional<Path> driver = Browsers.chromeDriver();
        this.out.println((chromium.isPresent() ? this.out.pass() + " Chromium:     " + chromium.get()
                : this.out.fail() + " Chromium:     not found (install Debian's 'chromium', or Chrome, or set CHROME_BIN)"));
        this.out.println((driver.isPresent() ? this.out.pass() + " ChromeDriver: " + driver.get()
                : this.out.fail() + " ChromeDriver: not found (install 'chromium-driver', or set CHROMEDRIVER)"));
        if (chromium.isEmpty()) {
            missing.add("Chromium or Chrome, for the browser tests");
        }
        if (driver.isEmpty()) {
            missing.add("ChromeDriver, for the browser tests");
        }
        this.out.println("");
        if (missing.isEmpty()) {
            this.out.println("ready: " + (WINDOWS ? "mvnw" : "./mvnw") + " -o works offline now");
            return 0;
        }
        this.out.println("not ready yet, missing: " + String.join("; ", missing) + ".");
        return 1;
    }

    /** The slides, served from this machine: they work without network, in any browser. */
    int slides(List<String> args) {
        noMoreArguments("slides", args);
        Path slides = this.root.resolve("slides");
        if (!Files.isRegularFile(slides.resolve("index.html"))) {
            throw new Problem("There are no slides to serve: " + relative(slides.resolve("index.html"))
                    + " is missing.");
        }
        int port = portFromEnvironment("SLIDES_PORT", 8000);
        try {
            startFileServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), slides);
        }
        catch (BindException ex) {
            throw new Problem("Port " + port + " is already taken: set SLIDES_PORT to another port, or stop"
                    + " what uses it.");
        }
        this.out.println("The slides are on http://localhost:" + port + "/");
        this.out.println("press Ctrl-C to stop");
        this.out.flush();
        return waitForever();
    }

    /**
     * Not a test: a small measurement of what streaming changes, time to first token, with
     * the model's default pace. Lesson 01 answers at the end; lesson 02 streams with SSE.
     */
    int bench(List<String> args) {
        noMoreArguments("bench", args);
        Path blocking = solutionNumbered("01", "bench compares lesson 01 (blocking) with lesson 02 (SSE)");
        Path streaming = solutionNumbered("02", "bench compares lesson 01 (blocking) with lesson 02 (SSE)");
        this.out.println("Building " + relative(blocking) + " and " + relative(streaming) + "...");
        List<Path> jars = buildJar(List.of(blocking, streaming));
        List<App> apps = new CopyOnWriteArrayList<>(); // read by the shutdown hook's thread too
        // Stops the apps on Ctrl-C too; the finally block below stops them otherwise.
        Thread stopper = new Thread(() -> apps.forEach(App::stop));
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            App first = App.start(jars.get(0), blocking, this);
            apps.add(first);
            App second = App.start(jars.get(1), streaming, this);
            apps.add(second);
            first.awaitReady(client);
            second.awaitReady(client);
            int replies = 20;
            String prompt = "/count 50";
            this.out.println("Timing " + replies + " replies of '" + prompt + "' from each (about "
                    + (replies * 2 * 23 / 10) + " s)...");
            Timings blockingTimings = Bench.measure(replies, () -> Bench.blockingReply(client, first.base(), prompt));
            Timings streamingTimings = Bench.measure(replies, () -> Bench.streamedReply(client, second.base(), prompt));
            this.out.println("");
            Bench.print(this.out, List.of(relativeName(blocking), relativeName(streaming)),
                    List.of(blockingTimings, streamingTimings));
            return 0;
        }
        finally {
            apps.forEach(App::stop);
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            }
            catch (IllegalStateException ex) {
                // already shutting down: the hook runs anyway
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // Lessons: found on disk, never named in this file.
    // ---------------------------------------------------------------------------------------

    /** A lesson: its starter in lessons/NN-slug and its solution in solutions/NN-slug. */
    record Lesson(String number, String slug, Path starter, Path solution) {

        String dirName() {
            return this.number + "-" + this.slug;
        }

        /** "the blocking chat", from the README's "# Lesson 01: the blocking chat". */
        String title() {
            Matcher title = Pattern.compile("(?m)^# Lesson \\d+: (.+)$").matcher(readme());
            return title.find() ? title.group(1).trim() : this.slug.replace('-', ' ');
        }

        String readme() {
            try {
                return Files.readString(this.starter.resolve("README.md"));
            }
            catch (IOException ex) {
                return "";
            }
        }
    }

    static final Pattern LESSON_DIR = Pattern.compile("(\\d\\d)-(.+)");

    /** Every lessons/NN-* folder with a pom.xml, in order. */
    List<Lesson> lessons() {
        return numberedModules(this.root.resolve("lessons")).stream()
                .map((dir) -> {
                    Matcher name = LESSON_DIR.matcher(dir.getFileName().toString());
                    name.matches();
                    return new Lesson(name.group(1), name.group(2), dir,
                            this.root.resolve("solutions").resolve(dir.getFileName().toString()));
                })
                .collect(Collectors.toList());
    }

    static List<Path> numberedModules(Path parent) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(parent)) {
            return dirs.filter((dir) -> LESSON_DIR.matcher(dir.getFileName().toString()).matches())
                    .filter((dir) -> Files.isRegularFile(dir.resolve("pom.xml")))
                    .sorted()
                    .collect(Collectors.toList());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The lesson a command names: "1", "01", "01-blocking-chat" or "blocking-chat". */
    Lesson lesson(String command, List<String> args) {
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            throw new Problem("Say which lesson: " + SELF + " " + command + " NN (for example " + SELF + " "
                    + command + " 01)" + (args.size() > 1 ? "; this got: " + String.join(" ", args) : "") + ".");
        }
        String wanted = args.get(0);
        List<Lesson> lessons = lessons();
        for (Lesson lesson : lessons) {
            boolean number = wanted.matches("\\d{1,2}") && Integer.parseInt(wanted) == Integer.parseInt(lesson.number());
            if (number || wanted.equals(lesson.dirName()) || wanted.equals(lesson.slug())) {
                return lesson;
            }
        }
        throw new Problem("There is no lesson '" + wanted + "'; the lessons are "
                + lessons.stream().map(Lesson::number).collect(Collectors.joining(", ")) + ".");
    }

    Path solutionNumbered(String number, String why) {
        return numberedModules(this.root.resolve("solutions")).stream()
                .filter((dir) -> dir.getFileName().toString().startsWith(number + "-"))
                .findFirst()
                .orElseThrow(() -> {
                    // Names the folder after the lesson when the starter exists already.
                    String expected = lessons().stream().filter((lesson) -> lesson.number().equals(number))
                            .map((lesson) -> "solutions/" + lesson.dirName()).findFirst()
                            .orElse("solutions/" + number + "-...");
                    return new Problem(why + ", and needs " + expected + ", lesson " + number
                            + "'s solution, which is not in this repository yet.");
                });
    }

    // ---------------------------------------------------------------------------------------
    // Running a lesson's tests and reading their results.
    // ---------------------------------------------------------------------------------------

    enum Status { PASSED, FAILED, SKIPPED }

    /** One test, as surefire reports it, with the name its @DisplayName gives it. */
    record TestResult(String className, String method, String displayName, Status status, String message) {
    }

    enum Kind { PASSED, TESTS_FAILED, COMPILE_ERROR, BUILD_FAILED, NO_TESTS }

    /** What a run of a lesson's tests came to. */
    record Outcome(Kind kind, List<TestResult> tests, List<String> compileErrors, List<String> mavenTail) {

        boolean passed() {
            return this.kind == Kind.PASSED;
        }

        long count(Status status) {
            return this.tests.stream().filter((test) -> test.status() == status).count();
        }

        String summary() {
            switch (this.kind) {
                case COMPILE_ERROR:
                    return "the code does not compile";
                case BUILD_FAILED:
                    return "the build failed";
                case NO_TESTS:
                    return "no test ran";
                default:
                    long run = this.tests.size() - count(Status.SKIPPED);
                    return count(Status.PASSED) + " of " + run + " checks pass";
            }
        }
    }

    /**
     * Runs the tests of one module (a starter or a solution): Maven's test phase only, never
     * verify, with -Dworkshop.learner=true (which turns off the check, meant for the
     * workshop's authors, that a starter still matches its README).
     */
    Outcome runTests(Path module, Lesson lesson) {
        Path reports = module.resolve("target/surefire-reports");
        deleteTree(reports); // so that results are never those of an earlier run
        Captured maven = maven(List.of("-q", "test", "-pl", relativeSlashes(module), "-am", "-DskipKitTests=true",
                "-Dworkshop.learner=true"), null);
        Outcome outcome;
        List<String> compileErrors = compileErrors(maven.lines());
        if (maven.exitCode() != 0 && !compileErrors.isEmpty()) {
            outcome = new Outcome(Kind.COMPILE_ERROR, List.of(), compileErrors, List.of());
        }
        else {
            List<TestResult> tests = readReports(reports, lesson.starter().resolve("src/test/java"));
            boolean failures = tests.stream().anyMatch((test) -> test.status() == Status.FAILED);
            if (failures) {
                outcome = new Outcome(Kind.TESTS_FAILED, tests, List.of(), List.of());
            }
            else if (maven.exitCode() != 0) {
                outcome = new Outcome(Kind.BUILD_FAILED, tests, List.of(), tail(maven.lines(), 20));
            }
            else if (tests.isEmpty()) {
                outcome = new Outcome(Kind.NO_TESTS, tests, List.of(), tail(maven.lines(), 20));
            }
            else {
                outcome = new Outcome(Kind.PASSED, tests, List.of(), List.of());
            }
        }
        if (module.startsWith(this.root.resolve("lessons"))) {
            Cache.record(module, outcome.passed());
        }
        return outcome;
    }

    /** Says what to do next: the compiler's errors, the first failing check, or Maven's last words. */
    void explain(Outcome outcome, Lesson lesson, String indent) {
        switch (outcome.kind()) {
            case COMPILE_ERROR:
                this.out.println(indent + "The compiler says:");
                outcome.compileErrors().forEach((error) -> this.out.println(indent + "  " + error));
                this.out.println(indent + "Fix the first error, then check again.");
                break;
            case TESTS_FAILED:
                TestResult failed = outcome.tests().stream().filter((test) -> test.status() == Status.FAILED)
                        .findFirst().orElseThrow();
                this.out.println(indent + "First failing check: " + failed.displayName());
                this.out.println(indent + "  (" + simpleName(failed.className()) + "." + failed.method() + ")");
                failureLines(failed.message()).forEach((line) -> this.out.println(indent + "  " + line));
                this.out.println(indent + "Stuck? " + hintFor(failed.message(), lesson));
                break;
            case BUILD_FAILED:
            case NO_TESTS:
                this.out.println(indent + (outcome.kind() == Kind.NO_TESTS ? "Maven ran no test;" : "Maven failed;")
                        + " the end of its output (--verbose shows all of it):");
                outcome.mavenTail().forEach((line) -> this.out.println(indent + "  " + line));
                break;
            default:
                break;
        }
    }

    static final Pattern TODO_SENTENCE = Pattern.compile("(TODO-(\\d+) is not done yet: .*?\\.)(?=[\"'\\\\\\s]|$)");

    static final Pattern TODO = Pattern.compile("TODO-(\\d+)");

    /**
     * The failure in a few plain lines. A starter's stub fails with a sentence such as
     * "TODO-01 is not done yet: ...", which the tests put in their message, often inside the
     * server's JSON: that sentence alone says it best. Otherwise the message's first lines.
     */
    static List<String> failureLines(String message) {
        Matcher todo = TODO_SENTENCE.matcher(message);
        if (todo.find()) {
            return List.of(todo.group(1).replace("\\\"", "\""));
        }
        List<String> lines = firstLines(message, 3);
        return lines.isEmpty() ? List.of("(the test gave no message)") : lines;
    }

    /** "Hint N" when the failure names TODO-0N and the README has that hint; else the hints. */
    String hintFor(String message, Lesson lesson) {
        String readme = relative(lesson.starter().resolve("README.md"));
        Matcher todo = TODO.matcher(message);
        if (todo.find()) {
            int number = Integer.parseInt(todo.group(1));
            Matcher hint = Pattern.compile("<summary>\\s*(Hint " + number + ")\\b:?\\s*(.*?)</summary>")
                    .matcher(lesson.readme());
            if (hint.find()) {
                String title = hint.group(2).replaceAll("<[^>]+>", "").trim();
                return "Open " + hint.group(1) + " in " + readme + (title.isEmpty() ? "" : " (\"" + title + "\")")
                        + ".";
            }
        }
        return "Open the hints in " + readme + ".";
    }

    /** The results in surefire's XML reports, in the order the tests are written in. */
    static List<TestResult> readReports(Path reports, Path testSources) {
        if (!Files.isDirectory(reports)) {
            return List.of();
        }
        TestSources sources = TestSources.read(testSources);
        List<TestResult> results = new ArrayList<>();
        try (Stream<Path> files = Files.list(reports)) {
            List<Path> xmlFiles = files.filter((file) -> file.getFileName().toString().matches("TEST-.*\\.xml"))
                    .sorted().collect(Collectors.toList());
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setExpandEntityReferences(false);
            DocumentBuilder parser = factory.newDocumentBuilder();
            for (Path file : xmlFiles) {
                NodeList cases = parser.parse(file.toFile()).getElementsByTagName("testcase");
                for (int i = 0; i < cases.getLength(); i++) {
                    results.add(testResult((Element) cases.item(i), sources));
                }
            }
        }
        catch (Exception ex) {
            throw new Problem("Could not read the test reports in " + reports + ": " + ex.getMessage());
        }
        // Stable: by class, then as the methods are written in the class.
        results.sort((a, b) -> {
            int byClass = a.className().compareTo(b.className());
            return byClass != 0 ? byClass : Integer.compare(sources.position(a), sources.position(b));
        });
        return results;
    }

    static TestResult testResult(Element testcase, TestSources sources) {
        String className = testcase.getAttribute("classname");
        String name = testcase.getAttribute("name");
        // Parameterized tests are reported as "method(Type)[2]": the method, and which case.
        String method = name.replaceAll("[(\\[].*$", "");
        String which = name.contains("[") ? " " + name.substring(name.indexOf('[')) : "";
        String display = sources.displayName(className, method).orElse(method) + which;
        Status status = Status.PASSED;
        String message = "";
        for (String tag : List.of("failure", "error", "skipped")) {
            NodeList children = testcase.getElementsByTagName(tag);
            if (children.getLength() > 0) {
                Element child = (Element) children.item(0);
                status = "skipped".equals(tag) ? Status.SKIPPED : Status.FAILED;
                message = child.getAttribute("message");
                if (message.isBlank()) {
                    message = child.getTextContent().isBlank() ? child.getAttribute("type") : child.getTextContent();
                }
                break;
            }
        }
        return new TestResult(className, method, display, status, message == null ? "" : message);
    }

    /**
     * What the XML reports do not say: each test's @DisplayName, which the test sources put
     * right above the method, and the methods' order in their class.
     */
    record TestSources(Map<String, String> displayNames, Map<String, Integer> positions) {

        static final Pattern DISPLAY_NAME = Pattern.compile("@DisplayName\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)");

        static final Pattern METHOD = Pattern.compile("\\bvoid\\s+(\\w+)\\s*\\(");

        static TestSources read(Path testSources) {
            Map<String, String> names = new LinkedHashMap<>();
            Map<String, Integer> positions = new LinkedHashMap<>();
            if (!Files.isDirectory(testSources)) {
                return new TestSources(names, positions);
            }
            try (Stream<Path> files = Files.walk(testSources)) {
                for (Path file : files.filter((f) -> f.toString().endsWith(".java")).collect(Collectors.toList())) {
                    String className = file.getFileName().toString().replaceAll("\\.java$", "");
                    String pending = null;
                    int position = 0;
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        Matcher display = DISPLAY_NAME.matcher(line);
                        Matcher method = METHOD.matcher(line);
                        if (display.find()) {
                            pending = unescape(display.group(1));
                        }
                        else if (method.find()) {
                            String key = className + "." + method.group(1);
                            positions.putIfAbsent(key, position++);
                            if (pending != null) {
                                names.putIfAbsent(key, pending);
                            }
                            pending = null;
                        }
                        else if (line.matches(".*\\b(class|interface|record)\\s+\\w+.*")) {
                            pending = null; // a class's own @DisplayName names no method
                        }
                    }
                }
            }
            catch (IOException ex) {
                // without the sources, the reports' method names will do
            }
            return new TestSources(names, positions);
        }

        Optional<String> displayName(String className, String method) {
            return Optional.ofNullable(this.displayNames.get(simpleName(className) + "." + method));
        }

        int position(TestResult test) {
            return this.positions.getOrDefault(simpleName(test.className()) + "." + test.method(), Integer.MAX_VALUE);
        }

        static String unescape(String javaString) {
            return javaString.replace("\\\"", "\"").replace("\\n", " ").replace("\\t", " ").replace("\\\\", "\\");
        }
    }

    /** com.example.chat.ChatTest$Nested -> ChatTest: the top-level class, named as its file. */
    static String simpleName(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple.contains("$") ? simple.substring(0, simple.indexOf('$')) : simple;
    }

    static final Pattern COMPILER_ERROR = Pattern.compile("^\\[ERROR\\] (.+?\\.java):\\[(\\d+)(?:,\\d+)?\\] (.*)$");

    static final Pattern COMPILER_DETAIL = Pattern.compile("^(?:\\[ERROR\\] )?\\s{2,}(\\S.*)$");

    /**
     * Maven reports each compiler error as "[ERROR] /abs/path/File.java:[12,5] message",
     * sometimes followed by indented details ("symbol: ...", "location: ..."), and
     * repeats them all in its summary: this keeps each once, as "path/File.java:12: message".
     */
    List<String> compileErrors(List<String> lines) {
        Map<String, String> errors = new LinkedHashMap<>(); // the header, column included -> the text
        for (int i = 0; i < lines.size(); i++) {
            Matcher error = COMPILER_ERROR.matcher(lines.get(i));
            if (!error.matches()) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            text.append(relativeFile(error.group(1))).append(':').append(error.group(2)).append(": ")
                    .append(error.group(3).trim());
            for (int j = i + 1; j < lines.size() && j <= i + 4; j++) {
                // The details are indented, and in the summary also behind "[ERROR] ".
                Matcher detail = COMPILER_DETAIL.matcher(lines.get(j));
                if (!detail.matches()) {
                    break;
                }
                text.append(System.lineSeparator()).append("      ").append(detail.group(1).trim());
            }
            errors.merge(lines.get(i), text.toString(), (kept, other) -> other.length() > kept.length() ? other : kept);
        }
        return new ArrayList<>(errors.values());
    }

    String relativeFile(String file) {
        try {
            Path path = Path.of(file);
            return path.isAbsolute() && path.startsWith(this.root) ? relative(path) : file;
        }
        catch (RuntimeException ex) {
            return file;
        }
    }

    String skippedNote(Outcome outcome) {
        long skipped = outcome.count(Status.SKIPPED);
        return skipped == 0 ? "" : " (" + skipped + " skipped: '" + SELF + " prefetch' says if a browser is missing)";
    }

    String symbol(TestResult test) {
        switch (test.status()) {
            case PASSED:
                return this.out.pass();
            case FAILED:
                return this.out.fail();
            default:
                return "skipped";
        }
    }

    // ---------------------------------------------------------------------------------------
    // The pass cache: progress does not re-run a lesson that passed and has not changed.
    // ---------------------------------------------------------------------------------------

    /**
     * After a lesson passes, lessons/NN-slug/target/workshop-passed holds a hash of its src/
     * tree and pom.xml; while they hash the same, the lesson counts as done without a run.
     * Known limit, accepted: a change in the kit (kit/) or in a parent pom does not clear
     * the cache ('./mvnw clean', or deleting that file, does).
     */
    static final class Cache {

        static boolean passed(Path module) {
            try {
                Path file = module.resolve("target/workshop-passed");
                return Files.isRegularFile(file) && Files.readString(file).trim().equals(fingerprint(module));
            }
            catch (IOException ex) {
                return false;
            }
        }

        static void record(Path module, boolean passed) {
            Path file = module.resolve("target/workshop-passed");
            try {
                if (passed) {
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, fingerprint(module) + System.lineSeparator());
                }
                else {
                    Files.deleteIfExists(file);
                }
            }
            catch (IOException ex) {
                // no cache: the next progress just runs the lesson again
            }
        }

        /** SHA-256 of pom.xml and every file under src/, with their paths. */
        static String fingerprint(Path module) throws IOException {
            MessageDigest digest;
            try {
                digest = MessageDigest.getInstance("SHA-256");
            }
            catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException(ex);
            }
            List<Path> files = new ArrayList<>();
            files.add(module.resolve("pom.xml"));
            if (Files.isDirectory(module.resolve("src"))) {
                try (Stream<Path> tree = Files.walk(module.resolve("src"))) {
                    tree.filter(Files::isRegularFile).forEach(files::add);
                }
            }
            // Same order, and same names ('/'), on every machine.
            List<String> names = new ArrayList<>();
            Map<String, Path> byName = new LinkedHashMap<>();
            for (Path file : files) {
                String name = module.relativize(file).toString().replace('\\', '/');
                names.add(name);
                byName.put(name, file);
            }
            Collections.sort(names);
            for (String name : names) {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(byName.get(name)));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    // ---------------------------------------------------------------------------------------
    // Maven, git and other processes.
    // ---------------------------------------------------------------------------------------

    /** A finished process: its exit code and its output (standard error merged in). */
    record Captured(int exitCode, List<String> lines) {
    }

    interface LineListener {
        void line(String line);
    }

    /**
     * Runs the Maven wrapper with -B (no colours, no progress bars) on the JDK that runs this
     * tool, so that Maven cannot pick an older one from the PATH. The output is captured, and
     * shown only with --verbose.
     */
    Captured maven(List<String> arguments, LineListener listener) {
        Path wrapper = this.root.resolve(WINDOWS ? "mvnw.cmd" : "mvnw");
        if (!Files.isRegularFile(wrapper)) {
            throw new Problem("The Maven wrapper " + relative(wrapper) + " is missing from " + this.root + ".");
        }
        List<String> command = new ArrayList<>();
        if (!WINDOWS && !Files.isExecutable(wrapper)) {
            command.add("sh"); // an unzipped download may have lost the executable bit
        }
        command.add(wrapper.toString());
        command.add("-B");
        command.addAll(arguments);
        Map<String, String> environment = Map.of("JAVA_HOME", System.getProperty("java.home"));
        return capture(command, environment, (line) -> {
            if (this.verbose) {
                this.out.println(line);
            }
            if (listener != null) {
                listener.line(line);
            }
        });
    }

    /** Packages modules (without tests) and returns their executable jars, in the same order. */
    List<Path> buildJar(List<Path> modules) {
        String list = modules.stream().map(this::relativeSlashes).collect(Collectors.joining(","));
        Captured maven = maven(List.of("-q", "package", "-DskipTests", "-Dworkshop.learner=true", "-pl", list, "-am"),
                null);
        if (maven.exitCode() != 0) {
            List<String> errors = compileErrors(maven.lines());
            StringBuilder message = new StringBuilder("The build failed, so there is nothing to run.");
            for (String line : errors.isEmpty() ? tail(maven.lines(), 20) : errors) {
                message.append(System.lineSeparator()).append("  ").append(line);
            }
            throw new Problem(message.toString());
        }
        List<Path> jars = new ArrayList<>();
        for (Path module : modules) {
            Path jar = module.resolve("target/" + Pom.artifactId(module) + "-" + Pom.version(module) + ".jar");
            if (!Files.isRegularFile(jar)) {
                throw new Problem("The build did not make " + relative(jar) + ".");
            }
            jars.add(jar);
        }
        return jars;
    }

    /** Reads a module's pom.xml for the jar's name, so that no lesson's name is written here. */
    static final class Pom {

        static String artifactId(Path module) {
            return child(module, null, "artifactId");
        }

        static String version(Path module) {
            String own = child(module, null, "version");
            return own.isEmpty() ? child(module, "parent", "version") : own;
        }

        static String child(Path module, String parent, String name) {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                Element project = factory.newDocumentBuilder().parse(module.resolve("pom.xml").toFile())
                        .getDocumentElement();
                Element in = parent == null ? project : directChild(project, parent);
                Element found = in == null ? null : directChild(in, name);
                return found == null ? "" : found.getTextContent().trim();
            }
            catch (Exception ex) {
                throw new Problem("Could not read " + module.resolve("pom.xml") + ": " + ex.getMessage());
            }
        }

        static Element directChild(Element element, String name) {
            for (org.w3c.dom.Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element && name.equals(node.getNodeName())) {
                    return (Element) node;
                }
            }
            return null;
        }
    }

    void requireGit(String command) {
        if (capture(List.of("git", "--version"), Map.of(), null).exitCode() != 0) {
            throw new Problem(command + " needs git, and git was not found: install it (https://git-scm.com)"
                    + " and run the command again.");
        }
    }

    void requireGitCheckout(String command) {
        requireGit(command);
        Captured inside = git("rev-parse", "--is-inside-work-tree");
        if (inside.exitCode() != 0 || !inside.lines().contains("true")) {
            throw new Problem(command + " needs a git checkout of the workshop, and " + this.root
                    + " is not one (was it downloaded as a zip?): nothing was changed.");
        }
    }

    Captured git(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(Arrays.asList(arguments));
        return capture(command, Map.of(), null);
    }

    /** Runs a process in the repository's root and collects its output line by line. */
    Captured capture(List<String> command, Map<String, String> environment, LineListener listener) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(this.root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        List<String> lines = new ArrayList<>();
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), nativeCharset()))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                    if (listener != null) {
                        listener.line(line);
                    }
                }
            }
            return new Captured(process.waitFor(), lines);
        }
        catch (IOException ex) {
            // Most often: the program is not installed. A failed run, not a crash.
            return new Captured(127, List.of("could not run " + command.get(0) + ": " + ex.getMessage()));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new Captured(130, lines);
        }
    }

    /**
     * Runs a process that shares this console (input, output, Ctrl-C), and returns its exit
     * code. Should this tool be stopped first, a shutdown hook stops the process too.
     */
    int inherit(List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(this.root.toFile()).inheritIO();
        if (environment != null) {
            builder.environment().putAll(environment);
        }
        Process process;
        try {
            process = builder.start();
        }
        catch (IOException ex) {
            throw new Problem("Could not run " + command.get(0) + ": " + ex.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
        try {
            return process.waitFor();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            stop(process);
            return 130;
        }
    }

    static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        catch (InterruptedException ex) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", WINDOWS ? "java.exe" : "java");
    }

    /** Child processes write in the platform's encoding, not necessarily UTF-8. */
    static Charset nativeCharset() {
        try {
            return Charset.forName(System.getProperty("native.encoding", "UTF-8"));
        }
        catch (RuntimeException ex) {
            return Charset.defaultCharset();
        }
    }

    // ---------------------------------------------------------------------------------------
    // bench: two apps, timed replies, a small table.
    // ---------------------------------------------------------------------------------------

    /** A lesson's jar started on a free loopback port, its output in target/bench-app.log. */
    record App(Process process, int port, Path log) {

        static App start(Path jar, Path module, Workshop workshop) {
            int port = freePort();
            Path log = module.resolve("target/bench-app.log");
            // The model's default pace, stated here, so that the environment cannot change it.
            ProcessBuilder builder = new ProcessBuilder(javaExecutable().toString(), "-jar", jar.toString(),
                    "--server.port=" + port, "--server.address=127.0.0.1",
                    "--chat.model.first-token-delay=300ms", "--chat.model.token-delay=40ms")
                    .directory(workshop.root.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            try {
                return new App(builder.start(), port, log);
            }
            catch (IOException ex) {
                throw new Problem("Could not start " + jar + ": " + ex.getMessage());
            }
        }

        String base() {
            return "http://127.0.0.1:" + this.port;
        }

        /** Up when GET / answers anything at all. */
        void awaitReady(HttpClient client) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/")).timeout(Duration.ofSeconds(5))
                    .build();
            while (System.nanoTime() < deadline) {
                if (!this.process.isAlive()) {
                    throw new Problem("The app stopped before it answered; the end of " + this.log + ":"
                            + System.lineSeparator() + String.join(System.lineSeparator(), logTail()));
                }
                try {
                    client.send(request, HttpResponse.BodyHandlers.discarding());
                    return;
                }
                catch (IOException ex) {
                    pause(250);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new Problem("Interrupted.");
                }
            }
            throw new Problem("The app on port " + this.port + " did not answer within 90 s; see " + this.log + ".");
        }

        List<String> logTail() {
            try {
                return tail(Files.readAllLines(this.log, nativeCharset()), 20);
            }
            catch (IOException ex) {
                return List.of();
            }
        }

        void stop() {
            Workshop.stop(this.process);
        }

        static int freePort() {
            try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
            catch (IOException ex) {
                throw new Problem("Could not find a free port: " + ex.getMessage());
            }
        }
    }

    /** One reply's times, in nanoseconds from the moment its first request was sent. */
    record Reply(long firstToken, long lastToken) {
    }

    /** All replies of one lesson. */
    record Timings(List<Long> firstToken, List<Long> lastToken) {

        static long percentile(List<Long> values, int percent) {
            List<Long> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            // Nearest rank: the smallest value with at least percent% of the values at or below it.
            int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
            return sorted.get(Math.max(0, rank - 1));
        }
    }

    interface ReplyTimer {
        Reply time() throws IOException, InterruptedException;
    }

    static final class Bench {

        static final Pattern STREAM = Pattern.compile("\"stream\"\\s*:\\s*\"([^\"]+)\"");

        /** One untimed reply first, so that both apps start warm, then the timed ones, one by one. */
        static Timings measure(int replies, ReplyTimer timer) {
            List<Long> first = new ArrayList<>();
            List<Long> last = new ArrayList<>();
            try {
                timer.time();
                for (int i = 0; i < replies; i++) {
                    Reply reply = timer.time();
                    first.add(reply.firstToken());
                    last.add(reply.lastToken());
                }
            }
            catch (IOException ex) {
                throw new Problem("A request failed: " + ex);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new Problem("Interrupted.");
            }
            return new Timings(first, last);
        }

        /** Lesson 01: POST /api/chat, the whole reply in one JSON body. */
        static Reply blockingReply(HttpClient client, String base, String prompt)
                throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/chat"))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json(prompt))).build();
            long start = System.nanoTime();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new Problem("POST /api/chat answered " + response.statusCode() + ": "
                            + new String(body.readAllBytes(), StandardCharsets.UTF_8));
                }
                body.read();
                long firstByte = System.nanoTime() - start;
                body.readAllBytes();
                return new Reply(firstByte, System.nanoTime() - start);
            }
        }

        /**
         * Lesson 02: POST /api/replies creates the reply (201, with its stream's path), then
         * GET that stream as Server-Sent Events; the first token is the first "token" event's
         * data, the last is the end of the stream, which the server closes after "done".
         */
        static Reply streamedReply(HttpClient client, String base, String prompt)
                throws IOException, InterruptedException {
            HttpRequest create = HttpRequest.newBuilder(URI.create(base + "/api/replies"))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json(prompt))).build();
            long start = System.nanoTime();
            HttpResponse<String> created = client.send(create, HttpResponse.BodyHandlers.ofString());
            Matcher stream = STREAM.matcher(created.body());
            if (created.statusCode() != 201 || !stream.find()) {
                throw new Problem("POST /api/replies answered " + created.statusCode() + " " + created.body()
                        + ", not 201 with the stream's path.");
            }
            HttpRequest get = HttpRequest.newBuilder(URI.create(base).resolve(stream.group(1)))
                    .header("Accept", "text/event-stream").GET().build();
            HttpResponse<InputStream> response = client.send(get, HttpResponse.BodyHandlers.ofInputStream());
            long firstToken = -1;
            try (BufferedReader events = new BufferedReader(
                    new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                if (response.statusCode() != 200) {
                    throw new Problem("GET " + stream.group(1) + " answered " + response.statusCode() + ".");
                }
                boolean tokenEvent = false;
                boolean data = false;
                String line;
                while ((line = events.readLine()) != null) {
                    if (line.isEmpty()) { // the end of one event
                        tokenEvent = false;
                        data = false;
                        continue;
                    }
                    tokenEvent |= line.matches("event:\\s?token\\s*");
                    data |= line.startsWith("data:");
                    if (firstToken < 0 && tokenEvent && data) {
                        firstToken = System.nanoTime() - start;
                    }
                }
            }
            long end = System.nanoTime() - start;
            if (firstToken < 0) {
                throw new Problem("The stream " + stream.group(1) + " ended without a 'token' event.");
            }
            return new Reply(firstToken, end);
        }

        static String json(String prompt) {
            return "{\"prompt\":\"" + prompt.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        }

        static void print(Out out, List<String> names, List<Timings> timings) {
            int width = Math.max("lesson".length(), names.stream().mapToInt(String::length).max().orElse(0));
            String row = "%-" + width + "s  %16s  %16s  %15s";
            out.println(String.format(Locale.ROOT, row, "lesson", "first token p50", "first token p90",
                    "last token p50"));
            for (int i = 0; i < names.size(); i++) {
                Timings t = timings.get(i);
                out.println(String.format(Locale.ROOT, row, names.get(i), ms(Timings.percentile(t.firstToken(), 50)),
                        ms(Timings.percentile(t.firstToken(), 90)), ms(Timings.percentile(t.lastToken(), 50))));
            }
            out.println("");
            out.println(conclusion(timings.get(0), timings.get(1)));
        }

        /** The numbers in one sentence, computed, not written in advance. */
        static String conclusion(Timings blocking, Timings streaming) {
            double firstBlocking = Timings.percentile(blocking.firstToken(), 50);
            double firstStreaming = Timings.percentile(streaming.firstToken(), 50);
            double lastBlocking = Timings.percentile(blocking.lastToken(), 50);
            double lastStreaming = Timings.percentile(streaming.lastToken(), 50);
            double ratio = firstBlocking / Math.max(1, firstStreaming);
            String first = ratio >= 1.1
                    ? String.format(Locale.ROOT, "streaming shows the first token %.1fx sooner", ratio)
                    : ratio <= 0.9
                            ? String.format(Locale.ROOT, "streaming shows the first token %.1fx later", 1 / ratio)
                            : "both show the first token at about the same time";
            double lastDifference = (lastStreaming - lastBlocking) / Math.max(1, lastBlocking);
            String last = Math.abs(lastDifference) < 0.1 ? "the whole reply takes about as long either way"
                    : String.format(Locale.ROOT, "the whole reply takes %.0f%% %s with streaming",
                            Math.abs(lastDifference) * 100, lastDifference > 0 ? "longer" : "less");
            return first + " (p50), and " + last + ".";
        }

        static String ms(long nanos) {
            return String.format(Locale.ROOT, "%,d ms", TimeUnit.NANOSECONDS.toMillis(nanos));
        }
    }

    // ---------------------------------------------------------------------------------------
    // slides: the JDK's own file server.
    // ---------------------------------------------------------------------------------------

    /**
     * SimpleFileServer (JDK 18+) serves a folder read-only. It is called through reflection
     * only so that JDK 17 can still compile this file and say that it needs JDK 21.
     */
    static void startFileServer(InetSocketAddress address, Path folder) throws BindException {
        try {
            Class<?> fileServer = Class.forName("com.sun.net.httpserver.SimpleFileServer");
            @SuppressWarnings({ "unchecked", "rawtypes" })
            Class<Enum> outputLevel = (Class<Enum>) Class.forName(
                    "com.sun.net.httpserver.SimpleFileServer$OutputLevel");
            @SuppressWarnings("unchecked")
            Object quiet = Enum.valueOf(outputLevel, "NONE");
            Method create = fileServer.getMethod("createFileServer", InetSocketAddress.class, Path.class,
                    outputLevel);
            HttpServer server = (HttpServer) create.invoke(null, address, folder.toAbsolutePath().normalize(), quiet);
            server.start();
        }
        catch (java.lang.reflect.InvocationTargetException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof UncheckedIOException && cause.getCause() instanceof BindException) {
                throw (BindException) cause.getCause();
            }
            throw new Problem("Could not serve " + folder + ": " + cause);
        }
        catch (ReflectiveOperationException ex) {
            throw new Problem("Could not serve " + folder + ": " + ex);
        }
    }

    static int portFromEnvironment(String variable, int fallback) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        }
        catch (NumberFormatException ex) {
            throw new Problem(variable + " should be a port number, not '" + value + "'.");
        }
    }

    static int waitForever() {
        try {
            Thread.currentThread().join();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------------------------------
    // Browsers: the same places kit/test-kit's Browsers.java looks in.
    // ---------------------------------------------------------------------------------------

    static final class Browsers {

        static Optional<Path> chromium() {
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

        static Optional<Path> chromeDriver() {
            return firstExisting(configured("webdriver.chrome.driver", "CHROMEDRIVER"), List.of(
                    "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver", "/opt/homebrew/bin/chromedriver",
                    "/usr/local/bin/chromedriver"), "chromedriver", "chromedriver.exe");
        }

        static Optional<String> configured(String property, String variable) {
            return Optional.ofNullable(System.getProperty(property))
                    .or(() -> Optional.ofNullable(System.getenv(variable)));
        }

        static Optional<Path> firstExisting(Optional<String> configured, List<String> usual, String... onPath) {
            if (configured.isPresent()) {
                // As in the test kit: a configured path is used as it is, or not at all.
                return Optional.of(Path.of(configured.get())).filter(Files::isExecutable);
            }
            List<Path> candidates = new ArrayList<>();
            for (String path : usual) {
                try {
                    candidates.add(Path.of(path));
                }
                catch (RuntimeException ex) {
                    // not a valid path on this system
                }
            }
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                for (String name : onPath) {
                    if (!dir.isBlank()) {
                        candidates.add(Path.of(dir, name));
                    }
                }
            }
            return candidates.stream().filter(Files::isExecutable).filter(Files::isRegularFile).findFirst();
        }
    }

    // ---------------------------------------------------------------------------------------
    // Output: ✔/✘ where the console can show them, colour only on a terminal.
    // ---------------------------------------------------------------------------------------

    static final class Out {

        /** Can System.out encode ✔ and ✘? (stdout.encoding is set from JDK 19 on.) */
        final boolean unicode = System.getProperty("stdout.encoding", System.getProperty("file.encoding", ""))
                .toUpperCase(Locale.ROOT).replace("-", "").equals("UTF8");

        /** ANSI colours only on a terminal, never in a file or a pipe; NO_COLOR turns them off. */
        final boolean colour = terminal() && System.getenv("NO_COLOR") == null
                && (!WINDOWS || System.getenv("WT_SESSION") != null);

        static boolean terminal() {
            java.io.Console console = System.console();
            if (console == null) {
                return false;
            }
            try {
                // From JDK 22, System.console() may exist without a terminal: ask it (reflection,
                // as the method is newer than JDK 21).
                return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
            }
            catch (ReflectiveOperationException ex) {
                return true;
            }
        }

        String pass() {
            return paint("32", this.unicode ? "\u2714" : "+");
        }

        String fail() {
            return paint("31", this.unicode ? "\u2718" : "x");
        }

        String later() {
            return paint("2", this.unicode ? "\u00b7" : ".");
        }

        String dash() {
            return this.unicode ? "\u2014" : "-";
        }

        String paint(String code, String text) {
            return this.colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
        }

        void println(String line) {
            System.out.println(line);
        }

        void flush() {
            System.out.flush();
        }

        private int transientLength;

        /** A line that the next one overwrites ("checking 02..."), on a terminal only. */
        void temporary(String line) {
            if (!terminal()) {
                return;
            }
            System.out.print("\r" + " ".repeat(this.transientLength) + "\r" + line);
            System.out.flush();
            this.transientLength = line.length();
        }
    }

    // ---------------------------------------------------------------------------------------
    // Small helpers.
    // ---------------------------------------------------------------------------------------

    /** The repository's root: where this file is (tools/..), or above the current directory. */
    static Path findRoot() {
        List<Path> starts = new ArrayList<>();
        try {
            // The source launcher gives the .java file itself as the code source.
            Path self = Path.of(Workshop.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            starts.add(self);
        }
        catch (Exception ex) {
            // no code source: the current directory will do
        }
        starts.add(Path.of("").toAbsolutePath());
        for (Path start : starts) {
            for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
                if (Files.isDirectory(dir.resolve("lessons")) && Files.isRegularFile(dir.resolve("pom.xml"))
                        && Files.isDirectory(dir.resolve("kit"))) {
                    return dir;
                }
            }
        }
        throw new Problem("Could not find the workshop's folder (with lessons/, kit/ and pom.xml): run this tool"
                + " from inside it.");
    }

    void noMoreArguments(String command, List<String> args) {
        if (!args.isEmpty()) {
            throw new Problem(SELF + " " + command + " takes no arguments, and got: " + String.join(" ", args)
                    + ".");
        }
    }

    String relative(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(this.root) ? this.root.relativize(absolute).toString() : absolute.toString();
    }

    /** For Maven's -pl and git's paths: the same spelling on every system. */
    String relativeSlashes(Path path) {
        return relative(path).replace('\\', '/');
    }

    String relativeName(Path module) {
        return module.getFileName().toString();
    }

    static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    static List<String> tail(List<String> lines, int count) {
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }

    static List<String> firstLines(String text, int count) {
        return text.lines().map(String::strip).filter((line) -> !line.isEmpty())
                .map((line) -> line.length() > 200 ? line.substring(0, 200) + "..." : line)
                .limit(count).collect(Collectors.toList());
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Collections.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(path);
            }
        }
        catch (IOException ex) {
            throw new Problem("Could not delete " + dir + " (is a file in it open?): " + ex.getMessage());
        }
    }
}
