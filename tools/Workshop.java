/*
 * The workshop's command-line tool: checks your lessons, shows your progress, runs the chat.
 *
 *     ./workshop help            (on Windows: workshop help)
 *
 * The launchers at the repository's root run this one file with the JDK's source launcher
 * (java tools/Workshop.java <command>): no build, no dependency, nothing to install. This
 * file is only the tool's bootstrap; the tool itself is in tools/src/main/java (one file per
 * concern, see tools/README.md), which this file compiles once, with the JDK's own compiler,
 * into tools/target/workshop/<hash of the sources>/, and then runs. A changed source changes
 * the hash, so the tool is compiled again, once; otherwise a run costs no compilation.
 *
 * Why the file is written the way it is:
 * - The workshop needs JDK 21+, but a learner may start it with an older java. The source
 *   launcher compiles this whole file before main() runs, so it uses only what JDK 17 can
 *   compile: then an old JDK gets one clear sentence instead of a compiler error.
 * - It names no class of the tool: the source launcher of JDK 22+ would otherwise compile
 *   the tool's sources itself, on every run.
 */

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

public final class Workshop {

    static final int REQUIRED_JDK = 21;

    /** The tool's sources, under the repository's root. */
    static final String SOURCES = "tools/src/main/java";

    /** One class of the test kit that the tool uses too: where Chromium and ChromeDriver are. */
    static final String SHARED_SOURCE = "kit/test-kit/src/main/java/com/example/kit/test/BrowserLocations.java";

    /** Where the compiled tool is kept, one folder per version of its sources (git ignores target/). */
    static final String CACHE = "tools/target/workshop";

    static final String MAIN_CLASS = "com.example.workshop.Main";

    public static void main(String[] args) throws Throwable {
        // First of all, before anything that needs JDK 21.
        if (Runtime.version().feature() < REQUIRED_JDK) {
            System.err.println("This workshop needs JDK " + REQUIRED_JDK + " or newer, but this is JDK "
                    + Runtime.version() + " (" + System.getProperty("java.home") + "): set JAVA_HOME to a JDK "
                    + REQUIRED_JDK + " or newer and run the command again.");
            System.exit(1);
        }
        Path root = root();
        List<Path> sources = sources(root);
        Path classes = root.resolve(CACHE).resolve(hash(root, sources));
        if (!Files.isDirectory(classes)) {
            compile(root, sources, classes);
        }
        run(classes, args);
    }

    /** The repository's root: above this file (tools/..), else above the current directory. */
    static Path root() {
        List<Path> starts = new ArrayList<>();
        try {
            // The source launcher gives the .java file itself as the code source.
            starts.add(Path.of(Workshop.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        }
        catch (Exception ex) {
            // no code source: the current directory will do
        }
        starts.add(Path.of("").toAbsolutePath());
        for (Path start : starts) {
            for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
                if (Files.isDirectory(dir.resolve(SOURCES))) {
                    return dir;
                }
            }
        }
        return fail("Could not find the workshop's tool (" + SOURCES + "): run it from inside the workshop's"
                + " folder.");
    }

    static List<Path> sources(Path root) throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(root.resolve(SOURCES))) {
            sources = files.filter((file) -> file.toString().endsWith(".java")).sorted()
                    .collect(Collectors.toCollection(ArrayList::new));
        }
        Path shared = root.resolve(SHARED_SOURCE);
        if (!Files.isRegularFile(shared)) {
            return fail("The tool needs " + SHARED_SOURCE + ", which is missing.");
        }
        sources.add(shared);
        return sources;
    }

    /** SHA-256 of every source's path and content: any change gives another folder. */
    static String hash(Path root, List<Path> sources) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(("release " + REQUIRED_JDK).getBytes(StandardCharsets.UTF_8));
        for (Path source : sources) {
            digest.update(root.relativize(source).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Files.readAllBytes(source));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 12);
    }

    /**
     * Compiles into a folder of its own, then renames it into place: a run that starts meanwhile
     * (another console) never sees half a tool, and two that compile at once both succeed.
     */
    static void compile(Path root, List<Path> sources, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            fail("This java (" + System.getProperty("java.home") + ") has no compiler: set JAVA_HOME to a JDK "
                    + REQUIRED_JDK + " or newer (not a JRE) and run the command again.");
        }
        Files.createDirectories(classes.getParent());
        Path building = Files.createTempDirectory(classes.getParent(), "building-");
        List<String> arguments = new ArrayList<>(List.of("--release", String.valueOf(REQUIRED_JDK), "-encoding",
                "UTF-8", "-proc:none", "-implicit:none", "-nowarn", "-d", building.toString()));
        sources.forEach((source) -> arguments.add(source.toString()));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int compiled = javac.run(null, errors, errors, arguments.toArray(new String[0]));
        if (compiled != 0) {
            deleteTree(building);
            fail("The workshop's tool does not compile (was a file in " + SOURCES + " changed?):"
                    + System.lineSeparator() + errors.toString(Charset.defaultCharset()));
        }
        try {
            Files.move(building, classes, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException ex) {
            deleteTree(building); // another run was faster: its classes are the same
        }
        deleteOlderVersions(classes);
    }

    /** Runs the tool's main class from the compiled folder, as if it had been started itself. */
    static void run(Path classes, String[] args) throws Throwable {
        URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
                ClassLoader.getSystemClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        Method main = loader.loadClass(MAIN_CLASS).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        }
        catch (InvocationTargetException ex) {
            throw ex.getCause();
        }
    }

    /**
     * Best effort: the folders of earlier versions of the tool are of no more use, once no run
     * that may still load classes from them (a chat started an hour ago, say) is likely.
     */
    static void deleteOlderVersions(Path current) {
        long anHourAgo = System.currentTimeMillis() - 3_600_000;
        try (Stream<Path> folders = Files.list(current.getParent())) {
            for (Path folder : folders.filter((folder) -> !folder.equals(current)).collect(Collectors.toList())) {
                if (Files.getLastModifiedTime(folder).toMillis() < anHourAgo) {
                    deleteTree(folder);
                }
            }
        }
        catch (IOException ex) {
            // left for next time
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
        }
        catch (IOException ex) {
            // a leftover folder under target/ is harmless
        }
    }

    static <T> T fail(String message) {
        System.err.println(message);
        System.exit(1);
        return null;
    }
}
