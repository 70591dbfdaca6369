package org.tcpladder.capture.demo;

import org.tcpladder.capture.tcp.Side;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** One socket call by one side. Built with the static factories. */
public final class Call implements Step {
    /** {@link #readLength()} for "read until the peer's FIN (end of stream)". */
    public static final int TO_END = -1;

    private final Side side;
    private final SocketCall call;
    private final byte[] data;
    private final int readLength;
    private final boolean abortive;

    private Call(Side side, SocketCall call, byte[] data, int readLength, boolean abortive) {
        this.side = side;
        this.call = call;
        this.data = data;
        this.readLength = readLength;
        this.abortive = abortive;
    }

    /** The client connects to the server's port (the three-way handshake, RFC 9293 section 3.5). */
    public static Call connect() {
        return new Call(Side.CLIENT, SocketCall.CONNECT, null, 0, false);
    }

    /** The server takes the connection the kernel has already established. */
    public static Call accept() {
        return new Call(Side.SERVER, SocketCall.ACCEPT, null, 0, false);
    }

    public static Call write(Side side, byte[] bytes) {
        return new Call(side, SocketCall.WRITE, bytes.clone(), 0, false);
    }

    public static Call write(Side side, String text) {
        return write(side, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads exactly {@code length} bytes (fewer only if the stream ends first). */
    public static Call read(Side side, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length " + length);
        }
        return new Call(side, SocketCall.READ, null, length, false);
    }

    /** Reads until end of stream, i.e. until the peer's FIN (RFC 9293 section 3.6). */
    public static Call readToEnd(Side side) {
        return new Call(side, SocketCall.READ, null, TO_END, false);
    }

    public static Call shutdownOutput(Side side) {
        return new Call(side, SocketCall.SHUTDOWN_OUTPUT, null, 0, false);
    }

    /** An orderly close: the kernel sends FIN after any data still queued. */
    public static Call close(Side side) {
        return new Call(side, SocketCall.CLOSE, null, 0, false);
    }

    /**
     * An abortive close: SO_LINGER with a zero timeout, then close(), makes the kernel send RST and
     * discard queued data (RFC 9293 section 3.6, "ABORT").
     */
    public static Call abort(Side side) {
        return new Call(side, SocketCall.CLOSE, null, 0, true);
    }

    public Side side() {
        return side;
    }

    public SocketCall call() {
        return call;
    }

    /** The bytes a WRITE sends (a copy), or null. */
    public byte[] data() {
        return data == null ? null : data.clone();
    }

    int dataLength() {
        return data == null ? 0 : data.length;
    }

    byte[] dataUnsafe() {
        return data;
    }

    /** Bytes a READ waits for, or {@link #TO_END}. */
    public int readLength() {
        return readLength;
    }

    public boolean abortive() {
        return abortive;
    }

    /** The arguments in words, as {@link SocketEvent#detail()} shows them. */
    public String detail() {
        return switch (call) {
            case WRITE -> data.length + " bytes " + preview(data);
            case READ -> readLength == TO_END ? "until end of stream" : "up to " + readLength + " bytes";
            case CLOSE -> abortive ? "with SO_LINGER 0 (abortive: RST)" : "";
            default -> "";
        };
    }

    @Override
    public String describe() {
        String d = detail();
        return side.label() + ": " + call.text() + (d.isEmpty() ? "" : " " + d);
    }

    /** Up to 24 bytes as text in quotes, non-printable bytes as dots. */
    static String preview(byte[] bytes) {
        int n = Math.min(bytes.length, 24);
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            sb.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
        }
        sb.append(bytes.length > n ? "…\"" : "\"");
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Call c && c.side == side && c.call == call && Arrays.equals(c.data, data)
                && c.readLength == readLength && c.abortive == abortive;
    }

    @Override
    public int hashCode() {
        return (side.hashCode() * 31 + call.hashCode()) * 31 + readLength;
    }
}
