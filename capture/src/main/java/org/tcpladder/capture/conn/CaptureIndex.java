package org.tcpladder.capture.conn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tcpladder.capture.decode.DecodedPacket;
import org.tcpladder.capture.decode.Malformed;
import org.tcpladder.capture.decode.PacketDecoder;
import org.tcpladder.capture.decode.TcpOptionReader;
import org.tcpladder.capture.source.ByteStore;
import org.tcpladder.capture.source.CaptureFileException;
import org.tcpladder.capture.source.CaptureFiles;
import org.tcpladder.capture.source.PacketSource;
import org.tcpladder.capture.source.RawPacket;
import org.tcpladder.capture.source.TimePrecision;
import org.tcpladder.capture.tcp.Endpoint;
import org.tcpladder.capture.tcp.SeqNum;
import org.tcpladder.capture.tcp.TcpSegment;

/**
 * A capture's TCP segments and connections, in little memory: about 40 bytes per segment in
 * primitive columns plus 4 in its connection's row list. {@link TcpSegment} records are built on
 * demand, their options and payload read back from the capture's {@link ByteStore}, never copied
 * into memory while loading.
 *
 * <p>Read a file with {@link #load(Path)}; a live capture creates an empty index over its store and
 * {@link #append}s frames one by one, and {@link CaptureListener}s hear about every addition.
 *
 * <pre>{@code
 * try (CaptureIndex capture = CaptureIndex.load(path)) {
 *     for (Connection c : capture.connections()) {
 *         TcpSegment first = c.segment(0);
 *         byte[] data = capture.payload(first);
 *         long relSeq = c.relativeSeq(first);
 *     }
 * }
 * }</pre>
 *
 * <p>One thread appends; any thread may read what has been published (segments below
 * {@link #segmentCount()}, connections in {@link #connections()}).
 */
public final class CaptureIndex implements AutoCloseable {
    private final ByteStore store;
    private final TimePrecision precision;
    private final AutoCloseable closer;
    private final PacketDecoder decoder = new PacketDecoder();
    private final ConnectionTable table = new ConnectionTable(this);
    private final SegmentColumns columns = new SegmentColumns();
    private final Map<Integer, Malformed> problems = Collections.synchronizedMap(new HashMap<>());
    /** Guarded by itself: appended by the writer, copied for readers. */
    private final List<MalformedPacket> malformed = new ArrayList<>();
    private final List<CaptureListener> listeners = new CopyOnWriteArrayList<>();
    private volatile long packets;
    private volatile long notTcp;
    private volatile long fragments;
    private volatile long unsupportedLink;
    private volatile CaptureFileException readError;

    /** An empty index over {@code store}, for appending frames (live capture). */
    public CaptureIndex(ByteStore store, TimePrecision precision) {
        this(store, precision, null);
    }

    private CaptureIndex(ByteStore store, TimePrecision precision, AutoCloseable closer) {
        this.store = store;
        this.precision = precision;
        this.closer = closer;
    }

    /**
     * Reads a whole capture file. A file damaged part way (cut short, an absurd record length) keeps
     * the packets before the damage; {@link #readError()} then says where and why.
     *
     * @throws IOException when the file cannot be opened or is not a capture file at all
     */
    public static CaptureIndex load(Path file) throws IOException {
        PacketSource source = CaptureFiles.open(file);
        try {
            CaptureIndex index = new CaptureIndex(source.store(), source.precision(), source);
            index.readAll(source);
            return index;
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /** Reads every frame of {@code source} into a new index that closes the source when closed. */
    public static CaptureIndex load(PacketSource source) {
        CaptureIndex index = new CaptureIndex(source.store(), source.precision(), source);
        index.readAll(source);
        return index;
    }

    private void readAll(PacketSource source) {
        RawPacket raw = new RawPacket();
        try {
            while (source.next(raw)) {
                append(raw);
            }
        } catch (CaptureFileException e) {
            readError = e;
        }
        trim();
    }

    /** Decodes and indexes one frame (its bytes must already be in the store at {@code raw.dataOffset}). */
    public void append(RawPacket raw) {
        append(decoder.decode(raw));
    }

    /** Indexes a frame the caller has decoded already. */
    public void append(DecodedPacket p) {
        packets++;
        switch (p.kind()) {
            case TCP -> addSegment(p);
            case TCP_FRAGMENT -> fragments++;
            case NOT_TCP -> notTcp++;
            case UNSUPPORTED_LINK -> unsupportedLink++;
            case MALFORMED -> {
                MalformedPacket m = new MalformedPacket(p.number(), p.timeNs(), p.problem());
                synchronized (malformed) {
                    malformed.add(m);
                }
                for (CaptureListener l : listeners) {
                    l.malformedPacket(m);
                }
            }
        }
    }

    private void addSegment(DecodedPacket p) {
        Connection c = table.add(p);
        boolean fromServer = table.lastFromServer();
        int row = columns.size();
        if (p.hasProblem()) {
            problems.put(row, p.problem());
        }
        columns.add(p.tcpFileOffset(), p.timeNs(), p.seq(), p.ack(), p.flags(), fromServer, p.hasProblem(),
                p.tcpHeaderLength(), p.window(), p.payloadLength(), p.capturedPayloadLength(), c.index(),
                p.number());
        c.rows.add(row);
        if (!listeners.isEmpty()) {
            if (table.lastWasNew()) {
                for (CaptureListener l : listeners) {
                    l.connectionAdded(c);
                }
            }
            int i = c.rows.size() - 1;
            for (CaptureListener l : listeners) {
                l.segmentAdded(c, i);
            }
        }
    }

    /** Releases spare room in the per-connection lists once no more frames will come. */
    public void trim() {
        for (Connection c : table.connections()) {
            c.rows.trim();
        }
    }

    public void addListener(CaptureListener l) {
        listeners.add(l);
    }

    public void removeListener(CaptureListener l) {
        listeners.remove(l);
    }

    // ---------------------------------------------------------------- reading

    /** Connections in order of their first segment; index i is connection i. A live view. */
    public List<Connection> connections() {
        return table.connections();
    }

    public Connection connection(int index) {
        return table.get(index);
    }

    /** TCP segments in the capture (rows of the index, in capture order). */
    public int segmentCount() {
        return columns.size();
    }

    /** Segment at {@code row} (0 .. segmentCount-1), built on demand. */
    public TcpSegment segment(int row) {
        checkRow(row);
        Connection c = table.get(columns.connection(row));
        boolean fromServer = columns.fromServer(row);
        Endpoint src = fromServer ? c.server() : c.client();
        Endpoint dst = fromServer ? c.client() : c.server();
        int headerLength = columns.headerLength(row);
        long tcpOffset = columns.tcpOffset(row);
        byte[] header = readStore(tcpOffset, headerLength);
        int urgent = (header[18] & 0xFF) << 8 | (header[19] & 0xFF);
        TcpOptionReader.Result options = TcpOptionReader.decode(header, 20, headerLength - 20);
        Malformed problem = columns.hasProblem(row) ? problems.get(row) : null;
        return new TcpSegment(columns.number(row), columns.time(row), src, dst, new SeqNum(columns.seq(row)),
                new SeqNum(columns.ack(row)), columns.flags(row), columns.window(row), urgent,
                columns.payloadLength(row), columns.capturedLength(row), tcpOffset + headerLength,
                options.options(), problem == null ? null : problem.toString());
    }

    /** The connection segment {@code row} belongs to. */
    public Connection connectionOf(int row) {
        checkRow(row);
        return table.get(columns.connection(row));
    }

    /** Packet number (from 1) of segment {@code row}. */
    public long packetNumber(int row) {
        checkRow(row);
        return columns.number(row);
    }

    /** The captured payload bytes of {@code s}, read from the store now (may be shorter than its length). */
    public byte[] payload(TcpSegment s) {
        return readStore(s.payloadOffset(), s.capturedPayloadLength());
    }

    /** Packets that could not be decoded down to TCP, in capture order (a copy). */
    public List<MalformedPacket> malformedPackets() {
        synchronized (malformed) {
            return List.copyOf(malformed);
        }
    }

    /** Every frame appended, TCP or not. */
    public long packetCount() {
        return packets;
    }

    public long notTcpCount() {
        return notTcp;
    }

    /** Later fragments of fragmented TCP packets (no TCP header to index). */
    public long fragmentCount() {
        return fragments;
    }

    public long unsupportedLinkCount() {
        return unsupportedLink;
    }

    /** Null, or the damage that stopped {@link #load} part way through the file. */
    public CaptureFileException readError() {
        return readError;
    }

    public TimePrecision precision() {
        return precision;
    }

    public ByteStore store() {
        return store;
    }

    /** Heap held per segment by the columns and row lists (for the memory budget). */
    public long retainedBytesEstimate() {
        long total = columns.retainedBytes();
        for (Connection c : table.connections()) {
            total += c.rows.retainedBytes();
        }
        return total;
    }

    SegmentColumns columns() {
        return columns;
    }

    private void checkRow(int row) {
        int n = columns.size();
        if (row < 0 || row >= n) {
            throw new IndexOutOfBoundsException("segment row " + row + " of " + n);
        }
    }

    private byte[] readStore(long offset, int length) {
        try {
            return store.read(offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + length + " bytes at " + offset + " back from the capture", e);
        }
    }

    /** Closes the source this index read, if it opened it (an index over a caller's store leaves it open). */
    @Override
    public void close() throws IOException {
        if (closer != null) {
            try {
                closer.close();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }
}
