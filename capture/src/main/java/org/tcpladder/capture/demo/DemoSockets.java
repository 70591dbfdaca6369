package org.tcpladder.capture.demo;

import org.tcpladder.capture.tcp.Side;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * The demo's real sockets (blocking NIO channels, so that the file descriptors can be found for
 * TCP_INFO) and the calls made on them. Each call is stamped with {@link WallClock} just before and
 * just after, and followed by a look at the kernel's state of both sides.
 */
final class DemoSockets {
    private final IpVersion ip;
    private final int serverPort;
    private final ServerSocketChannel listener;
    private final int listenerFd;
    private volatile SocketChannel client;
    private volatile SocketChannel server;
    private volatile int clientPort;
    private volatile int clientFd = -1;
    private volatile int serverFd = -1;
    private volatile boolean aborting;

    private DemoSockets(IpVersion ip, int serverPort, ServerSocketChannel listener) {
        this.ip = ip;
        this.serverPort = serverPort;
        this.listener = listener;
        this.listenerFd = listener == null ? -1 : SocketFds.fdOf(listener, ip, serverPort, 0);
    }

    /**
     * A listening server on the loopback address, on {@code preferredPort} if free, else on any free
     * port (a busy port is never the user's problem).
     */
    static DemoSockets listening(IpVersion ip, int preferredPort) throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open(ip.family());
        try {
            try {
                ch.bind(new InetSocketAddress(ip.loopback(), preferredPort));
            } catch (BindException e) {
                if (preferredPort == 0) {
                    throw e;
                }
                ch.close();
                ch = ServerSocketChannel.open(ip.family());
                ch.bind(new InetSocketAddress(ip.loopback(), 0));
            }
            int port = ((InetSocketAddress) ch.getLocalAddress()).getPort();
            return new DemoSockets(ip, port, ch);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
    }

    /**
     * No server, and a port where nothing listens: one the kernel just handed out as free and that is
     * closed again, so a SYN to it meets no listener (the connection-refused scenario).
     */
    static DemoSockets closedPort(IpVersion ip) throws IOException {
        int port;
        try (ServerSocketChannel probe = ServerSocketChannel.open(ip.family())) {
            probe.bind(new InetSocketAddress(ip.loopback(), 0));
            port = ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }
        return new DemoSockets(ip, port, null);
    }

    int serverPort() {
        return serverPort;
    }

    int clientPort() {
        return clientPort;
    }

    boolean listens() {
        return listener != null;
    }

    /** Forgets the last connection's sockets (closing any still open) for a new attempt. */
    void newConnection() {
        closeQuietly(client);
        closeQuietly(server);
        client = null;
        server = null;
        clientPort = 0;
        clientFd = -1;
        serverFd = -1;
    }

    /** The event of the server's listen(), which happened when this object was made. */
    SocketEvent listenEvent(long startNs, long endNs) {
        return new SocketEvent(Side.SERVER, SocketCall.LISTEN, ip.loopbackText() + " port " + serverPort, "ok",
                startNs, endNs, clientView(), serverView(), true);
    }

    /**
     * Makes one call and reports it.
     *
     * @throws AsynchronousCloseException when the session aborted the sockets meanwhile (stop, timeout)
     */
    SocketEvent perform(Call c) throws AsynchronousCloseException {
        long start = 0;
        String result;
        boolean ok = true;
        try {
            switch (c.call()) {
                case CONNECT -> {
                    SocketChannel ch = SocketChannel.open(ip.family());
                    client = ch;
                    // Bound first so that the client's port is known even if connect() fails.
                    ch.bind(new InetSocketAddress(ip.loopback(), 0));
                    clientPort = ((InetSocketAddress) ch.getLocalAddress()).getPort();
                    start = WallClock.nowNs();
                    ch.connect(new InetSocketAddress(ip.loopback(), serverPort));
                    clientFd = SocketFds.fdOf(ch, ip, clientPort, serverPort);
                    result = "connected from port " + clientPort;
                }
                case ACCEPT -> {
                    if (listener == null) {
                        throw new ClosedChannelException();
                    }
                    start = WallClock.nowNs();
                    SocketChannel ch = listener.accept();
                    server = ch;
                    int peer = ((InetSocketAddress) ch.getRemoteAddress()).getPort();
                    serverFd = SocketFds.fdOf(ch, ip, serverPort, peer);
                    result = "connection from port " + peer;
                }
                case WRITE -> {
                    SocketChannel ch = channel(c.side());
                    ByteBuffer b = ByteBuffer.wrap(c.dataUnsafe());
                    start = WallClock.nowNs();
                    while (b.hasRemaining()) {
                        ch.write(b);
                    }
                    result = c.dataLength() + " bytes written";
                }
                case READ -> {
                    SocketChannel ch = channel(c.side());
                    start = WallClock.nowNs();
                    result = read(ch, c.readLength());
                }
                case SHUTDOWN_OUTPUT -> {
                    SocketChannel ch = channel(c.side());
                    start = WallClock.nowNs();
                    ch.shutdownOutput();
                    result = "ok";
                }
                case CLOSE -> {
                    SocketChannel ch = channel(c.side());
                    if (c.abortive()) {
                        ch.setOption(StandardSocketOptions.SO_LINGER, 0);
                    }
                    start = WallClock.nowNs();
                    ch.close();
                    result = "ok";
                }
                case LISTEN -> throw new IllegalArgumentException("listen() happens when the session starts");
                default -> throw new IllegalArgumentException(c.call().toString());
            }
        } catch (AsynchronousCloseException e) {
            if (aborting) {
                throw e;
            }
            ok = false;
            result = errorText(e);
        } catch (IOException e) {
            if (aborting) {
                AsynchronousCloseException stop = new AsynchronousCloseException();
                stop.initCause(e);
                throw stop;
            }
            ok = false;
            result = errorText(e);
        }
        long end = WallClock.nowNs();
        if (start == 0) {
            start = end;
        }
        return new SocketEvent(c.side(), c.call(), c.detail(), result, start, end, clientView(), serverView(), ok);
    }

    private SocketChannel channel(Side side) throws ClosedChannelException {
        SocketChannel ch = side == Side.CLIENT ? client : server;
        if (ch == null) {
            throw new ClosedChannelException();
        }
        return ch;
    }

    private static String read(SocketChannel ch, int wanted) throws IOException {
        int limit = wanted == Call.TO_END ? 1 << 16 : wanted;
        ByteBuffer b = ByteBuffer.allocate(Math.min(Math.max(limit, 1), 1 << 16));
        byte[] head = new byte[24];
        int headLength = 0;
        long total = 0;
        boolean eof = false;
        while (wanted == Call.TO_END || total < wanted) {
            b.clear();
            if (wanted != Call.TO_END) {
                b.limit((int) Math.min(b.capacity(), wanted - total));
            }
            int n = ch.read(b);
            if (n < 0) {
                eof = true;
                break;
            }
            int copy = Math.min(n, head.length - headLength);
            System.arraycopy(b.array(), 0, head, headLength, copy);
            headLength += copy;
            total += n;
        }
        if (total == 0 && eof) {
            return "end of stream";
        }
        byte[] shown = java.util.Arrays.copyOf(head, headLength);
        String text = total + " bytes " + (total > headLength ? Call.preview(shown).replace("\"", "") + "…" : Call.preview(shown));
        return eof ? text + ", then end of stream" : text;
    }

    private static String errorText(IOException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof ConnectException || m.contains("refused")) {
            return "connection refused (ECONNREFUSED)";
        }
        if (m.contains("reset")) {
            return "connection reset by peer (ECONNRESET)";
        }
        if (m.contains("Broken pipe")) {
            return "broken pipe (EPIPE)";
        }
        if (e instanceof ClosedChannelException) {
            return "socket already closed (EBADF)";
        }
        return "failed: " + m;
    }

    KernelView clientView() {
        SocketChannel ch = client;
        if (ch == null && clientPort == 0) {
            return KernelView.NONE;
        }
        if (ch != null && ch.isOpen() && clientFd >= 0) {
            KernelView v = fromTcpInfo(clientFd, clientPort, serverPort);
            if (v != null) {
                return v;
            }
        }
        return fromTable(clientPort, serverPort);
    }

    KernelView serverView() {
        SocketChannel ch = server;
        if (ch != null && ch.isOpen() && serverFd >= 0) {
            KernelView v = fromTcpInfo(serverFd, serverPort, clientPort);
            if (v != null) {
                return v;
            }
        }
        if (clientPort != 0) {
            // The connection exists (or existed) on the server's side even before accept().
            return fromTable(serverPort, clientPort);
        }
        if (listener != null && listener.isOpen()) {
            KernelTcpState s = TcpInfo.state(listenerFd);
            if (s != null) {
                return new KernelView(s, KernelView.TCP_INFO);
            }
            return fromTable(serverPort, 0);
        }
        return KernelView.NONE;
    }

    /**
     * TCP_INFO of an open socket. When it says CLOSED the connection may live on in TIME-WAIT: Linux
     * moves a socket that receives the last FIN while still open (after shutdown(SHUT_WR)) to CLOSED
     * and hands the connection to a separate time-wait socket, which only the table shows.
     */
    private KernelView fromTcpInfo(int fd, int localPort, int remotePort) {
        KernelTcpState s = TcpInfo.state(fd);
        if (s == null) {
            return null;
        }
        if (s == KernelTcpState.CLOSED) {
            KernelView table = fromTable(localPort, remotePort);
            if (table.state() == KernelTcpState.TIME_WAIT) {
                return table;
            }
        }
        return new KernelView(s, KernelView.TCP_INFO);
    }

    private KernelView fromTable(int localPort, int remotePort) {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return KernelView.UNKNOWN;
        }
        ProcNetTcp.Row row = ProcNetTcp.find(ip, localPort, remotePort);
        if (row == null) {
            return KernelView.NONE;
        }
        KernelTcpState s = KernelTcpState.ofLinuxCode(row.state());
        return s == null ? KernelView.UNKNOWN : new KernelView(s, KernelView.PROC_NET_TCP);
    }

    /**
     * Resets every socket (SO_LINGER 0, close): what a stop or timeout does. Blocked calls return with
     * {@link AsynchronousCloseException}.
     */
    void abortAll() {
        aborting = true;
        abort(client);
        abort(server);
        closeQuietly(listener);
    }

    /** Closes what is still open at the end of a session (normally only the listener). */
    void closeAll() {
        closeQuietly(client);
        closeQuietly(server);
        closeQuietly(listener);
    }

    private static void abort(SocketChannel ch) {
        if (ch != null && ch.isOpen()) {
            try {
                ch.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException | RuntimeException e) {
                // Closing is what matters.
            }
            closeQuietly(ch);
        }
    }

    private static void closeQuietly(NetworkChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // Nothing more to do for a socket that will not close.
            }
        }
    }
}
