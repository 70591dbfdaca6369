package org.tcpladder.capture.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One TCP connection over loopback that carries bytes as fast as the machine allows for a given time:
 * a receiver on an ephemeral port that reads and discards, a sender that writes 1 MiB at a time, then
 * both close. What a "bulk transfer" means for the watch benchmark and the live watching test.
 *
 * <p>The receiver is listening from the constructor on, so a capture can be opened on {@link #port()}
 * before the first byte is sent.
 */
public final class LoopbackBulkTransfer implements AutoCloseable {
    private static final int WRITE = 1 << 20;

    private final ServerSocket server;
    private final AtomicLong received = new AtomicLong();

    public LoopbackBulkTransfer() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    /**
     * {@code LoopbackBulkTransfer [SECONDS [DELAY_SECONDS]]}: prints the port, waits the delay (time to
     * start a capture on it), transfers for the given seconds (default 10) and prints what it carried.
     */
    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        long delay = args.length > 1 ? Long.parseLong(args[1]) : 3;
        try (LoopbackBulkTransfer t = new LoopbackBulkTransfer()) {
            System.out.println(t.port());
            System.out.flush();
            Thread.sleep(delay * 1000);
            long bytes = t.run(seconds * 1000);
            System.out.printf(java.util.Locale.ROOT, "%d bytes in %d s, %.0f MB/s%n", bytes, seconds, bytes / 1e6 / seconds);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /**
     * Sends for {@code millis}, closes the connection and waits until the receiver has read everything.
     *
     * @return the bytes carried
     */
    public long run(long millis) throws IOException, InterruptedException {
        Thread receiver = new Thread(this::receive, "bulk-receiver");
        receiver.setDaemon(true);
        receiver.start();
        long sent = 0;
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port())) {
            OutputStream out = s.getOutputStream();
            byte[] block = new byte[WRITE];
            for (int i = 0; i < block.length; i++) {
                block[i] = (byte) (i * 31 + 7);
            }
            long end = System.nanoTime() + millis * 1_000_000L;
            while (System.nanoTime() < end) {
                out.write(block);
                sent += block.length;
            }
        }
        receiver.join(30_000);
        if (received.get() != sent) {
            throw new IOException("the receiver read " + received.get() + " of the " + sent + " bytes sent");
        }
        return sent;
    }

    private void receive() {
        try (Socket s = server.accept()) {
            InputStream in = s.getInputStream();
            byte[] buf = new byte[WRITE];
            for (int n; (n = in.read(buf)) > 0; ) {
                received.addAndGet(n);
            }
        } catch (IOException e) {
            // the sender sees the short count
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
