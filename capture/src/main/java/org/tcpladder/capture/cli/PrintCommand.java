package org.tcpladder.capture.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tcpladder.capture.conn.CaptureIndex;
import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.conn.ConnectionTable;
import org.tcpladder.capture.conn.MalformedPacket;
import org.tcpladder.capture.conn.Side;
import org.tcpladder.capture.decode.DecodedPacket;
import org.tcpladder.capture.decode.LinkTypes;
import org.tcpladder.capture.decode.PacketDecoder;
import org.tcpladder.capture.decode.PacketKind;
import org.tcpladder.capture.source.CaptureFiles;
import org.tcpladder.capture.source.PacketSource;
import org.tcpladder.capture.source.RawPacket;
import org.tcpladder.capture.tcp.TcpFlags;
import org.tcpladder.capture.tcp.TcpOption;
import org.tcpladder.capture.tcp.TcpSegment;

/**
 * {@code print [-S] [--stream N] [--json] FILE}: one line per TCP packet, the same as
 * {@code tcpdump -nn -tt [-S] -r FILE} (see {@link TcpdumpLineFormatter}; with 9 fraction digits for
 * nanosecond files, as tcpdump's {@code --time-stamp-precision=nano}), or JSON Lines with
 * {@code --json}. Packets that are not TCP are left out and counted on stderr. {@code --stream N}
 * keeps connection N (numbered from 0 as {@code connections} lists them).
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
        return "print [-S] [--stream N] [--json] FILE   one line per TCP packet, as tcpdump -nn -tt [-S] -r";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CommandLine cl = CommandLine.parse(args, Set.of("-S", "--json", "--stream"));
        if (cl.json) {
            return json(cl, out, err);
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
            EndpointTexts endpointTexts = new EndpointTexts();
            long packets = index.packetCount();
            try {
                for (long n = 0; n < packets && source.next(raw); n++) {
                    DecodedPacket p = decoder.decode(raw);
                    if (p.kind() == PacketKind.TCP && row < rows) {
                        Connection c = index.connectionOf(row++);
                        if (cl.stream < 0 || c.index() == cl.stream) {
                            segmentJson(line, c, p.toSegment(), endpointTexts);
                        }
                    } else if (p.kind() == PacketKind.MALFORMED && cl.stream < 0) {
                        malformedJson(line, new MalformedPacket(p.number(), p.timeNs(), p.problem()));
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

    /** Each connection's endpoints as text, made once (not twice per segment). */
    private static final class EndpointTexts {
        private String[] texts = new String[512];

        String of(Connection c, Side side) {
            int i = 2 * c.index() + side.ordinal();
            if (i >= texts.length) {
                texts = java.util.Arrays.copyOf(texts, Math.max(texts.length * 2, i + 2));
            }
            String t = texts[i];
            if (t == null) {
                t = c.endpoint(side).toString();
                texts[i] = t;
            }
            return t;
        }
    }

    private static void segmentJson(JsonLine line, Connection c, TcpSegment s, EndpointTexts texts) {
        boolean hasAck = s.has(TcpFlags.ACK);
        Side from = c.sideOf(s);
        List<String> options = new ArrayList<>(s.options().size());
        for (TcpOption o : s.options()) {
            options.add(OptionText.format(o));
        }
        line.begin()
                .num("index", s.index())
                .num("connection", c.index())
                .num("time_ns", s.timeNs())
                .str("src", texts.of(c, from))
                .str("dst", texts.of(c, from.other()))
                .str("flags", TcpFlags.letters(s.flags()))
                .num("seq", s.seq().value())
                .num("ack", s.ack().value())
                .num("rel_seq", c.relativeSeq(s));
        if (hasAck) {
            line.num("rel_ack", c.relativeAck(s));
        } else {
            line.nul("rel_ack");
        }
        line.num("len", s.payloadLength())
                .num("win", s.window())
                .strings("options", options)
                .str("malformed", s.malformed())
                .str("from", from == Side.CLIENT ? "client" : "server")
                .num("captured_len", s.capturedPayloadLength());
        if (s.has(TcpFlags.URG)) {
            line.num("urg", s.urgent());
        }
        line.end();
    }

    private static void malformedJson(JsonLine line, MalformedPacket m) {
        line.begin()
                .num("index", m.number())
                .nul("connection")
                .num("time_ns", m.timeNs())
                .nul("src").nul("dst").nul("flags").nul("seq").nul("ack").nul("rel_seq").nul("rel_ack")
                .nul("len").nul("win")
                .strings("options", List.of())
                .str("malformed", m.problem().toString())
                .str("layer", m.problem().layer().name())
                .end();
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
