package com.example.kit.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The proxy passes bytes both ways unchanged, counts them each way, and cuts connections. */
class TcpProxyTest {

    @Test
    void passesAndCountsTheBytesEachWay() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                TcpProxy proxy = new TcpProxy(server.getLocalPort());
                Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            client.getOutputStream().write(new byte[] { 1, 2, 3 });
            try (Socket accepted = server.accept()) {
                assertThat(accepted.getInputStream().readNBytes(3)).containsExactly(1, 2, 3);
                accepted.getOutputStream().write(new byte[] { 4, 5, 6, 7, 8 });
                assertThat(client.getInputStream().readNBytes(5)).containsExactly(4, 5, 6, 7, 8);
                assertThat(proxy.bytesFromClient()).isEqualTo(3);
                assertThat(proxy.bytesFromServer()).isEqualTo(5);

                proxy.cutAll();
                assertThat(readUntilClosed(client.getInputStream())).isEqualTo(-1);
            }
        }
    }

    @Test
    void newConnectionsGoThroughAfterACut() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 2, InetAddress.getLoopbackAddress());
                TcpProxy proxy = new TcpProxy(server.getLocalPort())) {
            try (Socket first = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
                server.accept().close();
                proxy.cutAll();
            }
            try (Socket second = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
                    Socket accepted = server.accept()) {
                OutputStream out = second.getOutputStream();
                out.write(42);
                assertThat(accepted.getInputStream().read()).isEqualTo(42);
                assertThat(proxy.bytesFromClient()).isEqualTo(1);
            }
        }
    }

    private static int readUntilClosed(InputStream in) throws IOException {
        int read;
        do {
            read = in.read();
        }
        while (read >= 0);
        return read;
    }
}
