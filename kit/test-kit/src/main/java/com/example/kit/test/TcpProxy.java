package com.example.kit.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback, in front of a local server, that can cut every connection
 * through it at once: a real dropped connection, as a flaky network gives, for testing
 * what a client does then. New connections go through as before. It also counts the bytes
 * that pass each way: what a transport costs on the wire, headers and framing included.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;

    private final int targetPort;

    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private final AtomicLong bytesFromServer = new AtomicLong();

    private final AtomicLong bytesFromClient = new AtomicLong();

    public TcpProxy(int targetPort) {
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        this.targetPort = targetPort;
        Thread.ofVirtual().name("tcp-proxy").start(this::accept);
    }

    public int port() {
        return this.server.getLocalPort();
    }

    /** The bytes the server has sent through the proxy so far, on every connection. */
    public long bytesFromServer() {
        return this.bytesFromServer.get();
    }

    /** The bytes the clients have sent through the proxy so far, on every connection. */
    public long bytesFromClient() {
        return this.bytesFromClient.get();
    }

    /** Closes every connection open through the proxy now. */
    public void cutAll() {
        for (Socket socket : this.open) {
            closeQuietly(socket);
        }
    }

    @Override
    public void close() {
        closeQuietly(this.server);
        cutAll();
    }

    private void accept() {
        while (!this.server.isClosed()) {
            try {
                Socket client = this.server.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
                this.open.add(client);
                this.open.add(target);
                Thread.ofVirtual().start(() -> pipe(client, target, this.bytesFromClient));
                Thread.ofVirtual().start(() -> pipe(target, client, this.bytesFromServer));
            }
            catch (IOException ex) {
                // the proxy is closed
            }
        }
    }

    private void pipe(Socket from, Socket to, AtomicLong count) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                count.addAndGet(n); // before the write: once a client has read a byte, it is counted
                out.write(buffer, 0, n);
                out.flush();
            }
        }
        catch (IOException ex) {
            // cut, or closed by one side
        }
        finally {
            closeQuietly(from);
            closeQuietly(to);
            this.open.remove(from);
            this.open.remove(to);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        }
        catch (Exception ex) {
            // already closed
        }
    }
}
