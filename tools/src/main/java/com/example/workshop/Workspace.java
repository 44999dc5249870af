package com.example.workshop;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The workshop's folder (with lessons/, kit/ and pom.xml), and paths as a learner reads them. */
record Workspace(Path root) {

    /** Above the tool's own classes (tools/target/...), else above the current directory. */
    static Workspace find() {
        List<Path> starts = new ArrayList<>();
        try {
            starts.add(Path.of(Workspace.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        }
        catch (URISyntaxException | RuntimeException ex) {
            // no code source: the current directory will do
        }
        starts.add(Path.of("").toAbsolutePath());
        for (Path start : starts) {
            for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
                if (Files.isDirectory(dir.resolve("lessons")) && Files.isRegularFile(dir.resolve("pom.xml"))
                        && Files.isDirectory(dir.resolve("kit"))) {
                    return new Workspace(dir);
                }
            }
        }
        throw new Problem("Could not find the workshop's folder (with lessons/, kit/ and pom.xml): run this tool"
                + " from inside it.");
    }

    Path resolve(String path) {
        return this.root.resolve(path);
    }

    /** lessons/01-blocking-chat/README.md, as a learner would type it here. */
    String relative(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(this.root) ? this.root.relativize(absolute).toString() : absolute.toString();
    }

    /** For Maven's -pl and git's paths: the same spelling on every system. */
    String relativeSlashes(Path path) {
        return relative(path).replace('\\', '/');
    }

    /** A path from a tool's output (a compiler's, say): relative when it is in the workshop. */
    String relativeFile(String file) {
        try {
            Path path = Path.of(file);
            return path.isAbsolute() && path.startsWith(this.root) ? relative(path) : file;
        }
        catch (RuntimeException ex) {
            return file;
        }
    }
}
