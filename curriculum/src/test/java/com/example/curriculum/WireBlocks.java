package com.example.curriculum;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the wire blocks of a lesson's README and of the slides, and checks each against
 * what its marker's requests get from the solution (see {@link Wire} for the marker).
 */
final class WireBlocks {

    private static final Pattern PRE = Pattern.compile("<pre\\b([^>]*)>\\s*<code\\b[^>]*>(.*?)</code>\\s*</pre>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private static final Pattern DATA_WIRE = Pattern.compile("\\sdata-wire\\s*=\\s*(?:'([^']*)'|\"([^\"]*)\")");

    private static final Pattern INLINE_CODE = Pattern.compile("`([^`\\n]+)`");

    private static final Pattern HTML_CODE = Pattern.compile("<code\\b[^>]*>(.*?)</code>", Pattern.DOTALL);

    /** A wire line written with a space after the colon, which SseEmitter does not write. */
    private static final Pattern SPACED_WIRE = Pattern.compile("^(?:(id|event|data|retry)|): +(\\S.*)$");

    private WireBlocks() {
    }

    /** The README's blocks that have a wire marker or look like wire blocks. */
    static List<Wire.Block> inMarkdown(LessonText text) {
        List<Wire.Block> blocks = new ArrayList<>();
        for (LessonText.Block block : text.blocks()) {
            Optional<String> marker = block.comment().filter((comment) -> comment.startsWith("wire"));
            if (marker.isPresent() || Wire.looksLikeWire(block.lines())) {
                blocks.add(new Wire.Block(text.file(), block.line(), marker, block.lines()));
            }
        }
        return blocks;
    }

    /** The slides' {@code <pre><code>} blocks that have {@code data-wire} or look like wire blocks. */
    static List<Wire.Block> inSlides(Path file, String html) {
        List<Wire.Block> blocks = new ArrayList<>();
        Matcher pre = PRE.matcher(html);
        while (pre.find()) {
            List<String> lines = unescape(pre.group(2)).lines().toList();
            Matcher attribute = DATA_WIRE.matcher(pre.group(1));
            Optional<String> marker = attribute.find()
                    ? Optional.of("wire " + unescape(attribute.group(1) != null ? attribute.group(1) : attribute.group(2)))
                    : Optional.empty();
            if (marker.isPresent() || Wire.looksLikeWire(lines)) {
                blocks.add(new Wire.Block(file, lineOf(html, pre.start()), marker, lines));
            }
        }
        return blocks;
    }

    /**
     * Checks blocks: each has a marker, and shows what its requests get from the solution
     * ({@code send} sends a marker's requests and answers the last exchange).
     */
    static Problems check(List<Wire.Block> blocks, Function<Wire.Marker, Wire.Exchange> send, boolean slides) {
        Problems problems = new Problems();
        String how = slides ? "put data-wire='NN: METHOD /path ...' on its <pre>"
                : "put <!-- wire NN: METHOD /path [Name:value]... [JSON] [then ...] --> on the line before it";
        for (Wire.Block block : blocks) {
            if (block.marker().isEmpty()) {
                problems.add(block.file(), block.line(), block.where() + " has no wire marker, so nothing checks it",
                        how + " (curriculum/README.md, \"Wire blocks\"), or show no wire lines in it");
                continue;
            }
            try {
                Wire.Marker marker = Wire.parse(block.marker().get());
                Wire.Exchange exchange = send.apply(marker);
                Wire.compare(block.lines(), exchange, marker.shown().showHeaders()).ifPresent((difference) -> problems.add(
                        block.file(), block.line(), block.where() + " (" + block.marker().get() + ") is not what solution "
                                + marker.lesson() + " sends: " + difference,
                        "show exactly what curl prints (SseEmitter writes id:0, event:token, retry:1000, no space "
                                + "after the colon); ids may be written ID, dates <date>"));
            }
            catch (IllegalArgumentException | IllegalStateException ex) {
                problems.add(block.file(), block.line(), block.where() + ": " + ex.getMessage(), how);
            }
        }
        return problems;
    }

    /**
     * Wire lines in inline code ({@code `retry: 1000`}, {@code `event: reply`},
     * {@code `: keep-alive`}) written with a space after the colon, where SseEmitter writes none.
     */
    static Problems inlineWire(LessonText text) {
        Problems problems = new Problems();
        for (int i = 0; i < text.lines().size(); i++) {
            int line = i + 1;
            if (text.blocks().stream().anyMatch((block) -> line >= block.line() && line <= block.endLine())) {
                continue;
            }
            Matcher code = INLINE_CODE.matcher(text.lines().get(i));
            while (code.find()) {
                spaced(code.group(1)).ifPresent((written) -> problems.add(text.file(), line,
                        "`" + code.group(1) + "` is not what the solution sends",
                        "write `" + written + "`, as SseEmitter writes it (no space after the colon)"));
            }
        }
        return problems;
    }

    /** The same for the slides' {@code <code>} outside {@code <pre>}. */
    static Problems inlineWire(Path file, String html) {
        Problems problems = new Problems();
        String outsidePre = PRE.matcher(html).replaceAll((pre) -> "\n".repeat((int) pre.group().lines().count() - 1));
        Matcher code = HTML_CODE.matcher(outsidePre);
        while (code.find()) {
            String text = unescape(code.group(1));
            spaced(text).ifPresent((written) -> problems.add(file, lineOf(outsidePre, code.start()),
                    "<code>" + text + "</code> is not what the solution sends",
                    "write <code>" + written + "</code>, as SseEmitter writes it (no space after the colon)"));
        }
        return problems;
    }

    private static Optional<String> spaced(String code) {
        Matcher spaced = SPACED_WIRE.matcher(code.strip());
        return spaced.matches() ? Optional.of((spaced.group(1) == null ? "" : spaced.group(1)) + ":" + spaced.group(2))
                : Optional.empty();
    }

    static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&apos;", "'").replace("&hellip;", "…").replace("&amp;", "&");
    }

    private static int lineOf(String text, int index) {
        return (int) text.substring(0, index).chars().filter((c) -> c == '\n').count() + 1;
    }
}
