package org.tcpladder.capture.conn;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-segment facts of a capture in primitive columns, 40 bytes a row: where the TCP header is
 * in the byte store, time, sequence and acknowledgment numbers, flags (with the direction, a
 * problem mark and the header length packed beside them), window, payload length as sent and as
 * captured, connection and packet number. Everything else (options, urgent pointer, the payload) is
 * read back from the store when a segment is asked for.
 *
 * <p>Rows live in fixed-size chunks, so appending never copies the data already stored and a live
 * capture can grow without pauses. Single writer; readers on other threads see rows below
 * {@link #size()} (the volatile size is raised after the row is written).
 */
final class SegmentColumns {
    static final int CHUNK_BITS = 14;
    static final int CHUNK = 1 << CHUNK_BITS;
    static final int MASK = CHUNK - 1;

    /** Bits of the {@code meta} column above the 9 TCP flag bits. */
    static final int FROM_SERVER = 1 << 9;
    static final int HAS_PROBLEM = 1 << 10;
    static final int HEADER_WORDS_SHIFT = 12;

    private long[][] tcpOffset = new long[8][];
    private long[][] time = new long[8][];
    private int[][] seq = new int[8][];
    private int[][] ack = new int[8][];
    private int[][] connection = new int[8][];
    private int[][] number = new int[8][];
    private char[][] meta = new char[8][];
    private char[][] window = new char[8][];
    private char[][] payloadLength = new char[8][];
    private char[][] capturedLength = new char[8][];
    /**
     * A length column holds up to 65534; {@link #LONG_LENGTH} there means the length is in this map by
     * row (payload lengths as sent, then as captured: an IPv6 jumbogram or BIG TCP segment carries more
     * than 65535 bytes, RFC 2675). Rare, so a map beside the columns rather than wider columns.
     */
    private final Map<Integer, Integer> longPayloadLengths = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> longCapturedLengths = new ConcurrentHashMap<>();
    private static final char LONG_LENGTH = 0xFFFF;
    private volatile int size;

    int add(long tcpOffsetValue, long timeNs, int seqValue, int ackValue, int flags, boolean fromServer,
            boolean hasProblem, int headerLength, int windowValue, int payload, int captured, int conn,
            long packetNumber) {
        int row = size;
        int c = row >>> CHUNK_BITS;
        int i = row & MASK;
        if (i == 0) {
            addChunk(c);
        }
        tcpOffset[c][i] = tcpOffsetValue;
        time[c][i] = timeNs;
        seq[c][i] = seqValue;
        ack[c][i] = ackValue;
        meta[c][i] = (char) (flags & 0x1FF | (fromServer ? FROM_SERVER : 0) | (hasProblem ? HAS_PROBLEM : 0)
                | (headerLength / 4) << HEADER_WORDS_SHIFT);
        window[c][i] = (char) windowValue;
        payloadLength[c][i] = narrow(payload, row, longPayloadLengths);
        capturedLength[c][i] = narrow(captured, row, longCapturedLengths);
        connection[c][i] = conn;
        number[c][i] = (int) packetNumber;
        size = row + 1;
        return row;
    }

    private void addChunk(int c) {
        if (c == tcpOffset.length) {
            int n = c * 2;
            tcpOffset = Arrays.copyOf(tcpOffset, n);
            time = Arrays.copyOf(time, n);
            seq = Arrays.copyOf(seq, n);
            ack = Arrays.copyOf(ack, n);
            connection = Arrays.copyOf(connection, n);
            number = Arrays.copyOf(number, n);
            meta = Arrays.copyOf(meta, n);
            window = Arrays.copyOf(window, n);
            payloadLength = Arrays.copyOf(payloadLength, n);
            capturedLength = Arrays.copyOf(capturedLength, n);
        }
        tcpOffset[c] = new long[CHUNK];
        time[c] = new long[CHUNK];
        seq[c] = new int[CHUNK];
        ack[c] = new int[CHUNK];
        connection[c] = new int[CHUNK];
        number[c] = new int[CHUNK];
        meta[c] = new char[CHUNK];
        window[c] = new char[CHUNK];
        payloadLength[c] = new char[CHUNK];
        capturedLength[c] = new char[CHUNK];
    }

    int size() {
        return size;
    }

    long tcpOffset(int row) {
        return tcpOffset[row >>> CHUNK_BITS][row & MASK];
    }

    long time(int row) {
        return time[row >>> CHUNK_BITS][row & MASK];
    }

    int seq(int row) {
        return seq[row >>> CHUNK_BITS][row & MASK];
    }

    int ack(int row) {
        return ack[row >>> CHUNK_BITS][row & MASK];
    }

    int flags(int row) {
        return meta[row >>> CHUNK_BITS][row & MASK] & 0x1FF;
    }

    boolean fromServer(int row) {
        return (meta[row >>> CHUNK_BITS][row & MASK] & FROM_SERVER) != 0;
    }

    boolean hasProblem(int row) {
        return (meta[row >>> CHUNK_BITS][row & MASK] & HAS_PROBLEM) != 0;
    }

    int headerLength(int row) {
        return (meta[row >>> CHUNK_BITS][row & MASK] >>> HEADER_WORDS_SHIFT) * 4;
    }

    int window(int row) {
        return window[row >>> CHUNK_BITS][row & MASK];
    }

    int payloadLength(int row) {
        return widen(payloadLength[row >>> CHUNK_BITS][row & MASK], row, longPayloadLengths);
    }

    int capturedLength(int row) {
        return widen(capturedLength[row >>> CHUNK_BITS][row & MASK], row, longCapturedLengths);
    }

    private static char narrow(int length, int row, Map<Integer, Integer> longLengths) {
        if (length < LONG_LENGTH) {
            return (char) length;
        }
        longLengths.put(row, length);
        return LONG_LENGTH;
    }

    private static int widen(char stored, int row, Map<Integer, Integer> longLengths) {
        return stored == LONG_LENGTH ? longLengths.get(row) : stored;
    }

    int connection(int row) {
        return connection[row >>> CHUNK_BITS][row & MASK];
    }

    long number(int row) {
        return number[row >>> CHUNK_BITS][row & MASK] & 0xFFFF_FFFFL;
    }

    /** Heap held by the columns (for the memory budget: about 40 bytes a row plus one partial chunk). */
    long retainedBytes() {
        int chunks = (size + CHUNK - 1) >>> CHUNK_BITS;
        return (long) chunks * CHUNK * 40 + 10L * 16 * tcpOffset.length;
    }
}
