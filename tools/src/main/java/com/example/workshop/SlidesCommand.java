package com.example.workshop;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.sun.net.httpserver.SimpleFileServer;
import com.sun.net.httpserver.SimpleFileServer.OutputLevel;

/** slides: the deck, served from this machine by the JDK's own file server: no network, any browser. */
record SlidesCommand(Context context) {

    int run(List<String> args) {
        this.context.noMoreArguments("slides", args);
        Path slides = this.context.workspace().resolve("slides");
        if (!Files.isRegularFile(slides.resolve("index.html"))) {
            throw new Problem("There are no slides to serve: " + this.context.relative(slides.resolve("index.html"))
                    + " is missing.");
        }
        int port = port("SLIDES_PORT", 8000);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        try {
            SimpleFileServer.createFileServer(address, slides.toAbsolutePath().normalize(), OutputLevel.NONE)
                    .start();
        }
        catch (UncheckedIOException ex) {
            if (ex.getCause() instanceof BindException) {
                throw new Problem("Port " + port + " is already taken: set SLIDES_PORT to another port, or stop"
                        + " what uses it.");
            }
            throw new Problem("Could not serve " + slides + ": " + ex.getMessage());
        }
        Out out = this.context.out();
        out.println("The slides are on http://localhost:" + port + "/");
        out.println("press Ctrl-C to stop");
        out.flush();
        try {
            Thread.currentThread().join(); // until Ctrl-C
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static int port(String variable, int fallback) {
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
}
