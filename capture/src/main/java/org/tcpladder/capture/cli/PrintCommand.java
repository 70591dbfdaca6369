package org.tcpladder.capture.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tcpladder.capture.analysis.AnalysedSegment;
import org.tcpladder.capture.analysis.ConnectionCursor;
import org.tcpladder.capture.analysis.ConnectionFlights;
import org.tcpladder.capture.state.NumberMode;
import org.tcpladder.capture.conn.CaptureIndex;
import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.conn.ConnectionTable;
import org.tcpladder.capture.conn.MalformedPacket;
import org.tcpladder.capture.decode.DecodedPacket;
import org.tcpladder.capture.decode.LinkTypes;
import org.tcpladder.capture.decode.PacketDecoder;
import org.tcpladder.capture.decode.PacketKind;
import org.tcpladder.capture.source.CaptureFiles;
import org.tcpladder.capture.source.PacketSource;
import org.tcpladder.capture.source.RawPacket;
import org.tcpladder.capture.tcp.TcpSegment;

/**
 * {@code print [-S] [--states] [--stream N] [--json] FILE}: one line per TCP packet, the same as
 * {@code tcpdump -nn -tt [-S] -r FILE} (see {@link TcpdumpLineFormatter}; with 9 fraction digits for
 * nanosecond files, as tcpdump's {@code --time-stamp-precision=nano}), or JSON Lines with
 * {@code --json}. Packets that are not TCP are left out and counted on stderr. {@code --stream N}
 * keeps connection N (numbered from 0 as {@code connections} lists them).
 *
 * <p>{@code --states} appends to each segment's line both sides' TCP state after it and its anomalies
 * under Wireshark's names ({@link StateFields#text}); without it the text is tcpdump's, byte for byte.
 * The JSON always has the states, transitions and anomalies; {@code --states} adds the narration,
 * which triples the time a large capture takes (1M packets: about 3.7 s of CPU plain, 6.7 s with the
 * states, 10.5 s with the narration).
 *
 * <p>Where the text differs from tcpdump, on purpose: tcpdump's application-layer text after
 * {@code length N} (HTTP on port 80, SMTP, BGP...) is not written; a BSD loopback frame with address
 * family 10 (Linux's AF_INET6) is printed as IPv6 where tcpdump shows a hex dump; packets malformed
 * below TCP (a bad IPv4 header length, a truncated IP or extension header, an IPv6 jumbogram) are not
 * printed but counted, where tcpdump writes a line such as {@code IP bad-hlen 16}.
 */
final class PrintCommand implements Command {
    @Override
    public String name() {
        return "print";
    }

    @Override
    public String synopsis() {
        return "print [-S] [--states] [--stream N] [--json] FILE   one line per TCP packet, as tcpdump -nn -tt [-S] -r"
                + " (--states: and each side's TCP state)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CommandLine cl = CommandLine.parse(args, Set.of("-S", "--json", "--stream", "--states"));
        if (cl.json) {
            return json(cl, out, err);
        }
        if (cl.states) {
            return textWithStates(cl, out, err);
        }
        return text(cl, out, err);
    }

    private int text(CommandLine cl, PrintStream out, PrintStream err) throws IOException {
        Skipped skipped = new Skipped();
        try (PacketSource source = CaptureFiles.open(cl.file)) {
            AsciiBuffer buf = new AsciiBuffer(out, 1 << 16);
            TcpdumpLineFormatter formatter = new TcpdumpLineFormatter(buf, cl.absolute, source.precision().digits());
            ConnectionTable table = cl.stream >= 0 ? new ConnectionTable() : null;
            PacketDecoder decoder = new PacketDecoder(false);
            RawPacket raw = new RawPacket();
            try {
                while (source.next(raw)) {
                    DecodedPacket p = decoder.decode(raw);
                    Connection c = p.kind() == PacketKind.TCP && table != null ? table.add(p) : null;
                    if (!TcpdumpLineFormatter.isPrinted(p)) {
                        skipped.count(p);
                    } else if (table != null && (c == null || c.index() != cl.stream)) {
                        formatter.observe(p);
                    } else {
                        formatter.format(p);
                    }
                }
            } finally {
                buf.flush();
                out.flush();
            }
        }
        skipped.report(err);
        return 0;
    }

    /**
     * The tcpdump lines, each TCP segment followed by {@link StateFields#text}. Two passes, as for JSON:
     * the first indexes the connections, the second streams the file again, formats each line as
     * {@link #text} does, and walks each connection's analysis alongside ({@link ConnectionCursor}).
     */
    private int textWithStates(CommandLine cl, PrintStream out, PrintStream err) throws IOException {
        Skipped skipped = new Skipped();
        try (CaptureIndex index = CaptureIndex.load(cl.file);
             PacketSource source = CaptureFiles.open(cl.file)) {
            AsciiBuffer buf = new AsciiBuffer(out, 1 << 16);
            TcpdumpLineFormatter formatter = new TcpdumpLineFormatter(buf, cl.absolute, source.precision().digits());
            Cursors cursors = new Cursors(true);
            PacketDecoder decoder = new PacketDecoder();
            RawPacket raw = new RawPacket();
            int row = 0;
            int rows = index.segmentCount();
            long packets = index.packetCount();
            try {
                for (long n = 0; n < packets && source.next(raw); n++) {
                    DecodedPacket p = decoder.decode(raw);
                    Connection c = p.kind() == PacketKind.TCP && row < rows ? index.connectionOf(row++) : null;
                    boolean shown = cl.stream < 0 || (c != null && c.index() == cl.stream);
                    if (!TcpdumpLineFormatter.isPrinted(p)) {
                        skipped.count(p);
                    } else if (!shown) {
                        formatter.observe(p);
                    } else if (c == null) {
                        formatter.format(p);
                    } else {
                        AnalysedSegment a = cursors.next(c, p.toSegment());
                        // The formatter ends its line with a newline: hold the buffer, take the newline
                        // back, add the states and end the line again.
                        buf.hold();
                        try {
                            formatter.format(p);
                            buf.truncate(buf.length() - 1);
                            StateFields.text(buf, a, cursors.current);
                            buf.newline();
                        } finally {
                            buf.release();
                        }
                    }
                }
            } finally {
                buf.flush();
                out.flush();
            }
            skipped.report(err);
            if (index.readError() != null) {
                throw index.readError();
            }
        }
        return 0;
    }

    /** One {@link ConnectionCursor} per connection being printed, dropped after its last segment. */
    private static final class Cursors {
        private final boolean flightsWanted;
        private ConnectionCursor[] cursors = new ConnectionCursor[256];
        private ConnectionFlights[] flights = new ConnectionFlights[256];
        /** The flights of the connection of the segment {@link #next} returned last (null unless wanted). */
        ConnectionFlights current;

        /** @param flightsWanted also find losses and retransmissions (a pass over each connection first) */
        Cursors(boolean flightsWanted) {
            this.flightsWanted = flightsWanted;
        }

        AnalysedSegment next(Connection c, TcpSegment segment) {
            int i = c.index();
            if (i >= cursors.length) {
                int size = Math.max(cursors.length * 2, i + 1);
                cursors = java.util.Arrays.copyOf(cursors, size);
                flights = java.util.Arrays.copyOf(flights, size);
            }
            ConnectionCursor cursor = cursors[i];
            if (cursor == null) {
                cursor = new ConnectionCursor(c);
                cursors[i] = cursor;
                // A loss shows only when the retransmission comes: read the connection ahead once.
                flights[i] = flightsWanted ? ConnectionFlights.of(c) : null;
            }
            current = flights[i];
            AnalysedSegment a = cursor.next(segment);
            if (cursor.done()) {
                cursors[i] = null;
                flights[i] = null;
            }
            return a;
        }
    }

    /**
     * JSON Lines. Two passes: the first builds the connections (so relative numbers use each side's
     * final base, exactly as {@link Connection} gives them), the second streams the file again and
     * writes each segment as the capture index would build it, without reading it back packet by
     * packet.
     */
    private int json(CommandLine cl, PrintStream out, PrintStream err) throws IOException {
        try (CaptureIndex index = CaptureIndex.load(cl.file);
             PacketSource source = CaptureFiles.open(cl.file)) {
            AsciiBuffer buf = new AsciiBuffer(out, 1 << 16);
            JsonLine line = new JsonLine(buf);
            PacketDecoder decoder = new PacketDecoder();
            RawPacket raw = new RawPacket();
            int row = 0;
            int rows = index.segmentCount();
            SegmentJson segmentJson = new SegmentJson();
            Cursors cursors = new Cursors(cl.states);
            NumberMode mode = cl.absolute ? NumberMode.ABSOLUTE : NumberMode.RELATIVE;
            long packets = index.packetCount();
            try {
                for (long n = 0; n < packets && source.next(raw); n++) {
                    DecodedPacket p = decoder.decode(raw);
                    if (p.kind() == PacketKind.TCP && row < rows) {
                        Connection c = index.connectionOf(row++);
                        if (cl.stream < 0 || c.index() == cl.stream) {
                            TcpSegment s = p.toSegment();
                            AnalysedSegment a = cursors.next(c, s);
                            segmentJson.segment(line, c, s, a, cl.states, cursors.current, mode);
                        }
                    } else if (p.kind() == PacketKind.MALFORMED && cl.stream < 0) {
                        SegmentJson.malformed(line, new MalformedPacket(p.number(), p.timeNs(), p.problem()), cl.states);
                    }
                }
            } finally {
                buf.flush();
                out.flush();
            }
            Skipped skipped = new Skipped();
            skipped.notTcp = index.notTcpCount() + index.fragmentCount();
            skipped.unsupported = index.unsupportedLinkCount();
            skipped.report(err);
            if (index.readError() != null) {
                throw index.readError();
            }
        }
        return 0;
    }

    /** Counts of the packets {@code print} leaves out, reported in one line on stderr. */
    static final class Skipped {
        long notTcp;
        long malformed;
        long unsupported;
        int unsupportedType = -1;

        void count(DecodedPacket p) {
            switch (p.kind()) {
                case MALFORMED -> malformed++;
                case UNSUPPORTED_LINK -> {
                    unsupported++;
                    unsupportedType = p.linkType();
                }
                default -> notTcp++;
            }
        }

        void report(PrintStream err) {
            if (notTcp + malformed + unsupported == 0) {
                return;
            }
            List<String> parts = new ArrayList<>();
            if (notTcp > 0) {
                parts.add(notTcp + " not TCP");
            }
            if (malformed > 0) {
                parts.add(malformed + " malformed below TCP");
            }
            if (unsupported > 0) {
                parts.add(unsupported + " of unsupported " + (unsupportedType >= 0 ? LinkTypes.name(unsupportedType) : "link type"));
            }
            err.println("tcpladder print: " + (notTcp + malformed + unsupported) + " packets not shown ("
                    + String.join(", ", parts) + ")");
        }
    }
}
