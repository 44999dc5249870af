package com.example.workshop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * progress does not run again a lesson that passed and has not changed since. After a lesson
 * passes, lessons/NN-slug/target/workshop-passed holds a hash of what its result depends on:
 * its src/ tree and pom.xml, the kit (kit/, less its target/ folders) and the parent poms.
 * While they hash the same, the lesson counts as done without a run; './mvnw clean', or
 * deleting that file, forgets it.
 */
final class PassCache {

    private final Workspace workspace;

    private String kitFingerprint;

    PassCache(Workspace workspace) {
        this.workspace = workspace;
    }

    boolean passed(Path module) {
        try {
            Path file = file(module);
            return Files.isRegularFile(file) && Files.readString(file).trim().equals(fingerprint(module));
        }
        catch (IOException ex) {
            return false;
        }
    }

    void record(Path module, boolean passed) {
        Path file = file(module);
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

    private static Path file(Path module) {
        return module.resolve("target/workshop-passed");
    }

    /** The module's own files, then the kit's and the parent poms'. */
    String fingerprint(Path module) throws IOException {
        if (this.kitFingerprint == null) {
            List<Path> kit = new ArrayList<>(files(this.workspace.resolve("kit")));
            kit.add(this.workspace.resolve("pom.xml"));
            this.kitFingerprint = digest(this.workspace.root(), kit);
        }
        List<Path> own = new ArrayList<>(files(module.resolve("src")));
        own.add(module.resolve("pom.xml"));
        own.add(module.getParent().resolve("pom.xml"));
        return digest(this.workspace.root(), own) + " " + this.kitFingerprint;
    }

    /** Every file under {@code dir}, but those in target/ folders (what a build writes). */
    static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            return tree.filter(Files::isRegularFile)
                    .filter((file) -> !dir.relativize(file).toString().replace('\\', '/').matches("(.*/)?target/.*"))
                    .collect(Collectors.toList());
        }
    }

    /** SHA-256 of the files' paths and contents, in the same order, with the same names, on every machine. */
    static String digest(Path root, List<Path> files) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
        List<Path> sorted = files.stream().filter(Files::isRegularFile)
                .sorted((a, b) -> name(root, a).compareTo(name(root, b))).collect(Collectors.toList());
        for (Path file : sorted) {
            digest.update(name(root, file).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Files.readAllBytes(file));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String name(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
