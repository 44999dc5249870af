package com.example.curriculum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import com.sun.net.httpserver.SimpleFileServer.OutputLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The instructor's deck, {@code slides/index.html}: it runs offline, as served by the JDK's
 * file server (what {@code ./workshop slides} and {@code jwebserver} do), every lesson has its
 * section, and every slide has speaker notes.
 *
 * <p>The deck's HTML is kept simple (one {@code <section>} per slide, notes as
 * {@code <aside class="notes">}, markup in code blocks escaped), so regular expressions
 * read it reliably; comments are removed first.
 */
@DisplayName("The slide deck")
class SlidesTest {

    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

    /** Attributes that make a browser load something. */
    private static final Pattern REFERENCE = Pattern.compile(
            "\\s(src|href|data-src|poster|data-background(?:-image|-video|-iframe)?)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern CSS_URL = Pattern.compile(
            "url\\(\\s*(?:\"([^\"]*)\"|'([^']*)'|([^)'\"]*))\\s*\\)", Pattern.CASE_INSENSITIVE);

    private static final Pattern CSS_IMPORT = Pattern.compile(
            "@import\\s+(?:url\\(\\s*)?[\"']?([^\"')\\s;]+)", Pattern.CASE_INSENSITIVE);

    private static final Pattern INLINE_SCRIPT = Pattern.compile(
            "<script\\b(?![^>]*\\ssrc\\s*=)[^>]*>(.*?)</script>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private static final Pattern SECTION_TAG = Pattern.compile("<section\\b([^>]*)>|</section\\s*>",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern NOTES = Pattern.compile(
            "<aside\\b[^>]*\\bclass\\s*=\\s*\"(?:[^\"]*\\s)?notes(?:\\s[^\"]*)?\"[^>]*>(.*?)</aside\\s*>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private static final Pattern DATA_LESSON = Pattern.compile("\\sdata-lesson\\s*=\\s*\"([^\"]*)\"");

    private static final Pattern HEADING = Pattern.compile("<h[1-3]\\b[^>]*>(.*?)</h[1-3]\\s*>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    /** A URL with a scheme ({@code https:}, {@code mailto:}...) or protocol-relative ({@code //host}). */
    private static final Pattern NOT_RELATIVE = Pattern.compile("^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|\\\\\\\\)");

    private static final Pattern LESSON_DIRECTORY = Pattern.compile("(\\d\\d)-.+");

    /** A time as the slides give it ("about 45 minutes") and as a README gives it ("*About 45 minutes.*"). */
    private static final Pattern MINUTES = Pattern.compile("(?i)\\babout (\\d+) minutes\\b");

    private static Path root;

    private static Path slides;

    private static String html;

    private static HttpServer server;

    private static HttpClient client;

    private static URI base;

    @BeforeAll
    static void serveTheDeck() throws IOException {
        root = repositoryRoot();
        slides = root.resolve("slides");
        Path index = slides.resolve("index.html");
        assertThat(index).withFailMessage("The deck is missing: no %s", index).isRegularFile();
        // A comment is left out, its line breaks kept, so that a problem's line is the file's.
        html = COMMENT.matcher(Files.readString(index, StandardCharsets.UTF_8))
            .replaceAll((comment) -> comment.group().replaceAll("[^\\n]", ""));
        server = SimpleFileServer.createFileServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                slides.toAbsolutePath(), OutputLevel.NONE);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        client = HttpClient.newBuilder()
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    }

    @AfterAll
    static void stopServing() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    @DisplayName("index.html is served by the JDK's file server")
    void servesTheIndex() {
        HttpResponse<byte[]> response = get(base.resolve("index.html"));
        assertThat(response.statusCode()).withFailMessage("GET %s answered %d", response.uri(), response.statusCode())
            .isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("Reveal.initialize");
    }

    @Test
    @DisplayName("every script, stylesheet and plugin the deck references is served, and what its CSS loads too")
    void servesEveryLocalReference() {
        List<String> problems = new ArrayList<>();
        Set<String> references = localReferences(html, problems);
        assertThat(references).withFailMessage("index.html references no local script or stylesheet").isNotEmpty();
        for (String reference : references) {
            URI uri = base.resolve(reference);
            HttpResponse<byte[]> response = get(uri);
            if (response.statusCode() != 200) {
                problems.add("index.html references " + reference + ", but GET " + uri.getPath() + " answered "
                        + response.statusCode());
                continue;
            }
            if (response.body().length == 0) {
                problems.add("index.html references " + reference + ", but it is empty");
                continue;
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            String path = uri.getPath();
            if (path.endsWith(".css")) {
                if (!type.startsWith("text/css")) {
                    problems.add(reference + " is served as '" + type + "'; browsers only apply text/css");
                }
                checkWhatTheCssLoads(uri, new String(response.body(), StandardCharsets.UTF_8), problems);
            }
            else if (path.endsWith(".js") && !type.contains("javascript")) {
                problems.add(reference + " is served as '" + type + "', not as JavaScript");
            }
        }
        assertThat(problems).withFailMessage("The deck does not work offline:%n  %s", String.join("\n  ", problems))
            .isEmpty();
    }

    @Test
    @DisplayName("nothing in index.html or the deck's CSS points to the network")
    void nothingPointsToTheNetwork() throws IOException {
        List<String> problems = new ArrayList<>();
        localReferences(html, problems);
        for (String url : cssReferences(html)) {
            if (isRemote(url)) {
                problems.add("index.html loads " + url + " from CSS (url() or @import)");
            }
        }
        Matcher script = INLINE_SCRIPT.matcher(html);
        while (script.find()) {
            Matcher url = Pattern.compile("(?i)\\b(?:https?|wss?):(?://)?[^\\s'\"`)]*").matcher(script.group(1));
            while (url.find()) {
                problems.add("an inline <script> in index.html names " + url.group());
            }
        }
        try (Stream<Path> files = Files.walk(slides)) {
            for (Path css : files.filter((file) -> file.toString().endsWith(".css")).sorted().toList()) {
                for (String url : cssReferences(Files.readString(css, StandardCharsets.UTF_8))) {
                    if (isRemote(url)) {
                        problems.add(slides.relativize(css) + " loads " + url + " (url() or @import)");
                    }
                }
            }
        }
        assertThat(problems)
            .withFailMessage("The deck must run with no network, but:%n  %s", String.join("\n  ", problems))
            .isEmpty();
    }

    @Test
    @DisplayName("every lesson (lessons/NN-* with a pom.xml) has its data-lesson=\"NN\" section, with speaker notes")
    void everyLessonHasItsSection() throws IOException {
        Set<String> lessons = new TreeSet<>();
        try (Stream<Path> directories = Files.list(root.resolve("lessons"))) {
            directories.filter((directory) -> Files.isRegularFile(directory.resolve("pom.xml")))
                .map((directory) -> LESSON_DIRECTORY.matcher(directory.getFileName().toString()))
                .filter(Matcher::matches)
                .forEach((name) -> lessons.add(name.group(1)));
        }
        assertThat(lessons).withFailMessage("No lessons/NN-* directory with a pom.xml under %s", root).isNotEmpty();

        Map<String, Section> sections = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Section section : sections(html)) {
            if (section.lesson != null && sections.put(section.lesson, section) != null) {
                problems.add("two sections have data-lesson=\"" + section.lesson + "\"");
            }
        }
        for (String lesson : lessons) {
            Section section = sections.get(lesson);
            if (section == null) {
                problems.add("lesson " + lesson + " has no <section data-lesson=\"" + lesson + "\"> in slides/index.html");
            }
            else if (section.slides().stream().noneMatch((slide) -> slide.hasNotes)) {
                problems.add("the section of lesson " + lesson + " (line " + section.line
                        + ") has no slide with <aside class=\"notes\">");
            }
        }
        assertThat(problems).withFailMessage("Lessons without their slides:%n  %s", String.join("\n  ", problems))
            .isEmpty();
    }

    @Test
    @DisplayName("a lesson's section gives the time its README gives (*About N minutes.*)")
    void eachSectionGivesItsLessonsTime() {
        Map<String, String> readmeMinutes = new LinkedHashMap<>();
        for (Lesson lesson : Lesson.all(root)) {
            Matcher minutes = MINUTES.matcher(String.join("\n", lesson.text().lines()));
            if (minutes.find()) {
                readmeMinutes.put(lesson.number(), minutes.group(1));
            }
        }
        assertThat(readmeMinutes).withFailMessage("No lesson README under %s gives its time", root).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Section section : sections(html)) {
            String expected = (section.lesson != null) ? readmeMinutes.get(section.lesson) : null;
            if (expected == null) {
                continue;
            }
            Matcher minutes = MINUTES.matcher(html.substring(section.start, section.end));
            while (minutes.find()) {
                if (!minutes.group(1).equals(expected)) {
                    problems.add("line " + line(html, section.start + minutes.start()) + ": lesson " + section.lesson
                            + "'s section says \"" + minutes.group() + "\", its README says about " + expected
                            + " minutes");
                }
            }
        }
        assertThat(problems).withFailMessage("Times that disagree with the lesson's README:%n  %s",
                String.join("\n  ", problems))
            .isEmpty();
    }

    @Test
    @DisplayName("every slide (a <section> with no nested section) has speaker notes")
    void everySlideHasSpeakerNotes() {
        List<Section> slidesWithoutNotes = new ArrayList<>();
        List<Section> all = sections(html);
        List<Section> leaves = all.stream().filter((section) -> section.children.isEmpty()).toList();
        assertThat(leaves).withFailMessage("slides/index.html has no <section> slides").isNotEmpty();
        for (Section slide : leaves) {
            if (!slide.hasNotes) {
                slidesWithoutNotes.add(slide);
            }
        }
        assertThat(slidesWithoutNotes)
            .withFailMessage("Slides without speaker notes (<aside class=\"notes\"> with some text):%n  %s",
                    String.join("\n  ", slidesWithoutNotes.stream().map(Section::describe).toList()))
            .isEmpty();
    }

    // ------------------------------------------------------------------ reading the deck

    /** The local files an HTML text references; remote ones are reported as problems. */
    private static Set<String> localReferences(String text, List<String> problems) {
        Set<String> local = new LinkedHashSet<>();
        Matcher matcher = REFERENCE.matcher(text);
        while (matcher.find()) {
            String value = (matcher.group(2) != null) ? matcher.group(2) : matcher.group(3);
            String url = value.strip();
            if (url.isEmpty() || url.startsWith("#") || url.regionMatches(true, 0, "data:", 0, 5)) {
                continue;
            }
            if (isRemote(url)) {
                problems.add("index.html has " + matcher.group(1) + "=\"" + url
                        + "\", which points outside the deck (the network)");
                continue;
            }
            local.add(url.replaceFirst("[?#].*$", ""));
        }
        return local;
    }

    /** Checks a served stylesheet's url() and @import: local, and served in turn. */
    private static void checkWhatTheCssLoads(URI css, String text, List<String> problems) {
        for (String url : cssReferences(text)) {
            if (url.regionMatches(true, 0, "data:", 0, 5) || url.startsWith("#")) {
                continue;
            }
            if (isRemote(url)) {
                problems.add(css.getPath() + " loads " + url + " from the network");
                continue;
            }
            URI target = css.resolve(url.replaceFirst("[?#].*$", ""));
            HttpResponse<byte[]> response = get(target);
            if (response.statusCode() != 200 || response.body().length == 0) {
                problems.add(css.getPath() + " loads " + url + ", but GET " + target.getPath() + " answered "
                        + response.statusCode() + " with " + response.body().length + " bytes");
            }
        }
    }

    private static List<String> cssReferences(String text) {
        List<String> urls = new ArrayList<>();
        Matcher url = CSS_URL.matcher(text);
        while (url.find()) {
            for (int group = 1; group <= 3; group++) {
                if (url.group(group) != null) {
                    urls.add(url.group(group).strip());
                    break;
                }
            }
        }
        Matcher imported = CSS_IMPORT.matcher(text);
        while (imported.find()) {
            urls.add(imported.group(1).strip());
        }
        return urls;
    }

    private static boolean isRemote(String url) {
        return !url.regionMatches(true, 0, "data:", 0, 5) && NOT_RELATIVE.matcher(url).find();
    }

    /** All {@code <section>}s, in document order, with their nesting and notes. */
    private static List<Section> sections(String text) {
        List<Section> all = new ArrayList<>();
        Deque<Section> open = new ArrayDeque<>();
        Matcher tag = SECTION_TAG.matcher(text);
        while (tag.find()) {
            if (tag.group().startsWith("</")) {
                if (open.isEmpty()) {
                    fail("slides/index.html: a </section> at line %d closes no section", line(text, tag.start()));
                }
                Section section = open.pop();
                section.end = tag.start();
            }
            else {
                Section section = new Section(tag.group(1), tag.end(), line(text, tag.start()));
                if (!open.isEmpty()) {
                    open.peek().children.add(section);
                    section.parent = open.peek();
                }
                open.push(section);
                all.add(section);
            }
        }
        if (!open.isEmpty()) {
            fail("slides/index.html: the <section> at line %d is never closed", open.peek().line);
        }
        for (Section section : all) {
            section.read(text);
        }
        return all;
    }

    private static int line(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static HttpResponse<byte[]> get(URI uri) {
        try {
            return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("GET " + uri + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during GET " + uri, ex);
        }
    }

    /** The repository's root: the module's parent when Maven runs the test, or any ancestor holding it. */
    private static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path candidate = start; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("curriculum/pom.xml"))
                    && Files.isDirectory(candidate.resolve("lessons"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Cannot find the repository's root (with curriculum/pom.xml and lessons/) from "
                + start);
    }

    /** A {@code <section>} of the deck: a slide when it has no nested section. */
    private static final class Section {

        final String lesson;

        final int start;

        final int line;

        int end;

        Section parent;

        final List<Section> children = new ArrayList<>();

        String title = "";

        boolean hasNotes;

        Section(String attributes, int start, int line) {
            Matcher lesson = DATA_LESSON.matcher(attributes);
            this.lesson = lesson.find() ? lesson.group(1) : null;
            this.start = start;
            this.line = line;
        }

        /** Reads the section's own content: its title and notes, outside nested sections. */
        void read(String text) {
            StringBuilder own = new StringBuilder();
            int from = this.start;
            for (Section child : this.children) {
                own.append(text, from, text.lastIndexOf('<', child.start - 1));
                from = child.end;
            }
            own.append(text, from, this.end);
            Matcher heading = HEADING.matcher(own);
            if (heading.find()) {
                this.title = heading.group(1).replaceAll("<[^>]*>", "").replaceAll("\\s+", " ").strip();
            }
            Matcher notes = NOTES.matcher(own);
            while (notes.find()) {
                if (!notes.group(1).replaceAll("<[^>]*>", "").isBlank()) {
                    this.hasNotes = true;
                }
            }
        }

        List<Section> slides() {
            if (this.children.isEmpty()) {
                return List.of(this);
            }
            return this.children.stream().flatMap((child) -> child.slides().stream()).toList();
        }

        String describe() {
            String where = "";
            for (Section section = this; section != null; section = section.parent) {
                if (section.lesson != null) {
                    where = " in the section of lesson " + section.lesson;
                }
            }
            return "line " + this.line + ": \"" + (this.title.isEmpty() ? "(no title)" : this.title) + "\"" + where;
        }
    }
}
