package org.tcpladder.capture.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Real TCP sessions over loopback, captured by tcpdump: an echo server on an ephemeral port and a
 * client that sends a few small writes, one large one, and then closes (with FIN, or with a reset).
 */
public final class LoopbackSession {
    private LoopbackSession() {
    }

    public enum Ending { CLIENT_CLOSES, CLIENT_RESETS }

    /**
     * Captures one echo session with {@code tcpdump -i IFACE [extra] 'tcp port P'} into {@code file}.
     */
    public static Path captureEcho(Path file, InetAddress address, String iface, Ending ending, String... extra)
            throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, address)) {
            int port = server.getLocalPort();
            try (Tcpdump.Capture ignored = Tcpdump.capture(iface, file, "tcp port " + port, extra)) {
                AtomicReference<Exception> serverFailure = new AtomicReference<>();
                Thread echo = new Thread(() -> {
                    try (Socket s = server.accept()) {
                        InputStream in = s.getInputStream();
                        OutputStream out = s.getOutputStream();
                        byte[] buf = new byte[8192];
                        for (int n; (n = in.read(buf)) > 0; ) {
                            out.write(buf, 0, n);
                            out.flush();
                        }
                    } catch (IOException e) {
                        if (ending == Ending.CLIENT_CLOSES) {
                            serverFailure.set(e);
                        }
                    }
                }, "echo-server");
                echo.start();
                try (Socket client = new Socket(address, port)) {
                    client.setTcpNoDelay(true);
                    OutputStream out = client.getOutputStream();
                    InputStream in = client.getInputStream();
                    for (String line : new String[] {"hello\n", "how are you?\n", "bye\n"}) {
                        out.write(line.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        out.flush();
                        readFully(in, line.length());
                        Thread.sleep(20);
                    }
                    byte[] big = new byte[150_000];
                    for (int i = 0; i < big.length; i++) {
                        big[i] = (byte) ('a' + i % 26);
                    }
                    out.write(big);
                    out.flush();
                    readFully(in, big.length);
                    if (ending == Ending.CLIENT_RESETS) {
                        client.setSoLinger(true, 0);
                    } else {
                        client.shutdownOutput();
                        while (in.read() >= 0) {
                            // until the server's FIN
                        }
                    }
                }
                echo.join(10_000);
                if (serverFailure.get() != null) {
                    throw serverFailure.get();
                }
            }
        }
        return file;
    }

    private static void readFully(InputStream in, int n) throws IOException {
        byte[] buf = new byte[8192];
        int left = n;
        while (left > 0) {
            int r = in.read(buf, 0, Math.min(buf.length, left));
            if (r < 0) {
                throw new IOException("connection closed with " + left + " bytes to come");
            }
            left -= r;
        }
    }
}
