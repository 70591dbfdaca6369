package org.tcpladder.capture.demo;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPInputStream;

import org.tcpladder.capture.source.ByteStore;
import org.tcpladder.capture.source.RawPacket;
import org.tcpladder.capture.source.TimePrecision;

/**
 * One recorded demo session as shipped with the program: a real capture of the scenario made by
 * {@link RecordingMaker} (a gzip-compressed classic pcap with nanosecond timestamps,
 * {@code NAME.pcap.gz}) and its {@link SessionTranscript} ({@code NAME.transcript.txt}), both under
 * {@code org/tcpladder/capture/demo/recordings/}, named after the scenario and IP version, e.g.
 * {@code echo-ipv6}. The frames' bytes are held in memory and served as the session's {@link ByteStore}.
 */
final class Recording implements ByteStore {
    static final String DIRECTORY = "recordings/";
    /** The largest recording this program reads, uncompressed: far above any it ships. */
    static final int MAX_BYTES = 64 << 20;
    private static final int MAGIC_MICRO = 0xA1B2C3D4;
    private static final int MAGIC_NANO = 0xA1B23C4D;
    private static final int FILE_HEADER = 24;
    private static final int RECORD_HEADER = 16;
    private static final int MAX_FRAME = 1 << 20;

    private final String name;
    private final SessionTranscript transcript;
    private final RecordingInfo info;
    private final TimePrecision precision;
    private final int linkType;
    private final long[] timeNs;
    private final int[] offset;
    private final int[] capturedLength;
    private final int[] originalLength;
    private byte[] bytes;

    private Recording(String name, SessionTranscript transcript, byte[] bytes, TimePrecision precision, int linkType,
                      long[] timeNs, int[] offset, int[] capturedLength, int[] originalLength) {
        this.name = name;
        this.transcript = transcript;
        this.bytes = bytes;
        this.precision = precision;
        this.linkType = linkType;
        this.timeNs = timeNs;
        this.offset = offset;
        this.capturedLength = capturedLength;
        this.originalLength = originalLength;
        long madeNs = transcript.ready().readyNs();
        this.info = new RecordingInfo(Instant.ofEpochSecond(Math.floorDiv(madeNs, 1_000_000_000L),
                Math.floorMod(madeNs, 1_000_000_000L)), transcript.system(), name);
    }

    /** The recording's base name, e.g. {@code half-close-ipv4}. */
    static String name(Scenario scenario, IpVersion ip) {
        return scenario.id() + (ip == IpVersion.V4 ? "-ipv4" : "-ipv6");
    }

    static String pcapName(String name) {
        return name + ".pcap.gz";
    }

    static String transcriptName(String name) {
        return name + ".transcript.txt";
    }

    /** Whether the program ships a recording of this scenario over this IP version. */
    static boolean exists(Scenario scenario, IpVersion ip) {
        String n = name(scenario, ip);
        return Recording.class.getResource(DIRECTORY + pcapName(n)) != null
                && Recording.class.getResource(DIRECTORY + transcriptName(n)) != null;
    }

    /**
     * Loads the shipped recording.
     *
     * @throws IOException when there is none, or it cannot be read (the message names it)
     */
    static Recording load(Scenario scenario, IpVersion ip) throws IOException {
        String n = name(scenario, ip);
        try (InputStream pcap = Recording.class.getResourceAsStream(DIRECTORY + pcapName(n));
             InputStream text = Recording.class.getResourceAsStream(DIRECTORY + transcriptName(n))) {
            if (pcap == null || text == null) {
                throw new IOException("this program has no recording of the scenario '" + scenario.id()
                        + "' over " + (ip == IpVersion.V4 ? "IPv4" : "IPv6"));
            }
            return read(n, pcap, text);
        }
    }

    /** Reads a recording from its two files' contents. */
    static Recording read(String name, InputStream pcapGz, InputStream transcriptText) throws IOException {
        SessionTranscript t = SessionTranscript.read(transcriptName(name),
                new BufferedReader(new InputStreamReader(transcriptText, StandardCharsets.UTF_8)));
        byte[] b = gunzip(pcapName(name), pcapGz);
        String file = pcapName(name);
        if (b.length < FILE_HEADER) {
            throw new IOException("recording " + file + ": " + b.length + " bytes, too short for a pcap header");
        }
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int magic = buf.getInt(0);
        if (magic != MAGIC_MICRO && magic != MAGIC_NANO) {
            buf.order(ByteOrder.BIG_ENDIAN);
            magic = buf.getInt(0);
        }
        if (magic != MAGIC_MICRO && magic != MAGIC_NANO) {
            throw new IOException("recording " + file + ", offset 0: not a pcap file (magic "
                    + String.format("%08x", buf.order(ByteOrder.BIG_ENDIAN).getInt(0)) + ")");
        }
        boolean nano = magic == MAGIC_NANO;
        int linkType = buf.getInt(20) & 0x0FFF_FFFF;
        if (linkType != t.ready().linkType()) {
            throw new IOException("recording " + file + ": link type " + linkType + ", but its transcript says "
                    + t.ready().linkType());
        }
        int count = 0;
        for (int at = FILE_HEADER; at < b.length; ) {
            int caplen = frameLength(file, buf, at);
            at += RECORD_HEADER + caplen;
            count++;
        }
        long[] times = new long[count];
        int[] offsets = new int[count];
        int[] captured = new int[count];
        int[] original = new int[count];
        int i = 0;
        for (int at = FILE_HEADER; at < b.length; i++) {
            long seconds = buf.getInt(at) & 0xFFFF_FFFFL;
            long fraction = buf.getInt(at + 4) & 0xFFFF_FFFFL;
            times[i] = seconds * 1_000_000_000L + (nano ? fraction : fraction * 1000);
            captured[i] = buf.getInt(at + 8);
            original[i] = buf.getInt(at + 12);
            offsets[i] = at + RECORD_HEADER;
            at += RECORD_HEADER + captured[i];
        }
        return new Recording(name, t, b, nano ? TimePrecision.NANO : TimePrecision.MICRO, linkType, times, offsets,
                captured, original);
    }

    /** A record's captured length, checked to lie within the file. */
    private static int frameLength(String file, ByteBuffer buf, int at) throws IOException {
        if (buf.capacity() - at < RECORD_HEADER) {
            throw new IOException("recording " + file + ", offset " + at + ": the last record's header is cut short");
        }
        int caplen = buf.getInt(at + 8);
        if (caplen < 0 || caplen > MAX_FRAME || caplen > buf.capacity() - at - RECORD_HEADER) {
            throw new IOException("recording " + file + ", offset " + at + ": a frame of " + (caplen & 0xFFFF_FFFFL)
                    + " bytes does not fit in the file");
        }
        return caplen;
    }

    private static byte[] gunzip(String file, InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try (GZIPInputStream gz = new GZIPInputStream(in, 1 << 16)) {
            byte[] chunk = new byte[1 << 16];
            int n;
            while ((n = gz.read(chunk)) > 0) {
                if (out.size() + n > MAX_BYTES) {
                    throw new IOException("recording " + file + " is larger than " + (MAX_BYTES >> 20) + " MiB");
                }
                out.write(chunk, 0, n);
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException("recording " + file + " is not valid gzip (" + e.getMessage() + ")", e);
        }
        return out.toByteArray();
    }

    String name() {
        return name;
    }

    SessionTranscript transcript() {
        return transcript;
    }

    RecordingInfo info() {
        return info;
    }

    /** The setting as the recorded session had it, marked as a recording. */
    DemoReady ready() {
        DemoReady r = transcript.ready();
        return new DemoReady(r.route(), r.scenario(), r.ipVersion(), r.serverPort(), r.device(), r.filter(),
                r.linkType(), precision, r.readyNs(), info);
    }

    int frameCount() {
        return timeNs.length;
    }

    long frameTimeNs(int i) {
        return timeNs[i];
    }

    /** Frame {@code i} (from 0) as a fresh packet over the recording's bytes. */
    synchronized RawPacket frame(int i) {
        RawPacket p = new RawPacket();
        p.number = i + 1;
        p.timeNs = timeNs[i];
        p.linkType = linkType;
        p.interfaceId = 0;
        p.capturedLength = capturedLength[i];
        p.originalLength = originalLength[i];
        p.dataOffset = offset[i];
        p.buffer = ByteBuffer.wrap(bytes == null ? new byte[0] : bytes).asReadOnlyBuffer();
        p.position = offset[i];
        return p;
    }

    @Override
    public synchronized byte[] read(long at, int length) throws IOException {
        if (bytes == null) {
            throw new IOException("the recording's frames have been released");
        }
        if (at < 0 || length < 0 || at + length > bytes.length) {
            throw new IOException("read of " + length + " bytes at " + at + " is outside recording " + name);
        }
        byte[] out = new byte[length];
        System.arraycopy(bytes, (int) at, out, 0, length);
        return out;
    }

    /** Releases the bytes; packets handed out keep their own view of them. */
    @Override
    public synchronized void close() {
        bytes = null;
    }
}
