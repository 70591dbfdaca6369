package org.tcpladder.capture.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.conn.ConnectionTable;
import org.tcpladder.capture.conn.Side;
import org.tcpladder.capture.decode.DecodedPacket;
import org.tcpladder.capture.decode.PacketDecoder;
import org.tcpladder.capture.decode.PacketKind;
import org.tcpladder.capture.source.CaptureFileException;
import org.tcpladder.capture.source.CaptureFiles;
import org.tcpladder.capture.source.PacketSource;
import org.tcpladder.capture.source.RawPacket;
import org.tcpladder.capture.tcp.Endpoint;

/**
 * {@code connections [--json] FILE}: one line per TCP connection (client, server, packets and payload
 * bytes each way, start, duration, how it ended). Counts in one streaming pass, keeping nothing per
 * packet.
 */
final class ConnectionsCommand implements Command {
    @Override
    public String name() {
        return "connections";
    }

    @Override
    public String synopsis() {
        return "connections [--json] FILE         one line per TCP connection";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CommandLine cl = CommandLine.parse(args, Set.of("--json"));
        ConnectionTable table = new ConnectionTable();
        CaptureFileException damage = null;
        int digits;
        try (PacketSource source = CaptureFiles.open(cl.file)) {
            digits = source.precision().digits();
            PacketDecoder decoder = new PacketDecoder(false);
            RawPacket raw = new RawPacket();
            try {
                while (source.next(raw)) {
                    DecodedPacket p = decoder.decode(raw);
                    if (p.kind() == PacketKind.TCP) {
                        table.add(p);
                    }
                }
            } catch (CaptureFileException e) {
                damage = e;
            }
        }
        AsciiBuffer buf = new AsciiBuffer(out, 1 << 16);
        JsonLine json = new JsonLine(buf);
        for (Connection c : table.connections()) {
            if (cl.json) {
                json(json, c);
            } else {
                text(buf, c, digits);
            }
        }
        buf.flush();
        out.flush();
        if (damage != null) {
            throw damage;
        }
        return 0;
    }

    /**
     * {@code 0 10.0.0.1:40000 > 10.0.0.2:80 client>server 5 packets 120 bytes server>client 4 packets
     * 900 bytes start 1700000000.000001 duration 0.012000 end FIN_BOTH}, then {@code mid-stream} when
     * the opening SYN was not captured.
     */
    private static void text(AsciiBuffer b, Connection c, int digits) {
        b.num(c.index()).ch(' ');
        endpoint(b, c.client());
        b.str(" > ");
        endpoint(b, c.server());
        b.str(" client>server ").num(c.packets(Side.CLIENT)).str(" packets ").num(c.bytes(Side.CLIENT)).str(" bytes");
        b.str(" server>client ").num(c.packets(Side.SERVER)).str(" packets ").num(c.bytes(Side.SERVER)).str(" bytes");
        b.str(" start ");
        seconds(b, c.startNs(), digits);
        b.str(" duration ");
        seconds(b, c.durationNs(), digits);
        b.str(" end ").str(c.end().name());
        if (c.midStream()) {
            b.str(" mid-stream");
        }
        b.newline();
    }

    /**
     * {@code 10.0.0.1:40000} or {@code [::1]:9000}, as {@link Endpoint#toString()} writes it, straight
     * into the buffer: tens of thousands of connections are written before the JIT has compiled
     * much, and building two strings each (with a string concatenation to set up first) was a
     * quarter of the command's time.
     */
    private static void endpoint(AsciiBuffer b, Endpoint e) {
        byte[] a = e.address();
        if (a.length == 4) {
            b.ipv4((a[0] & 0xFFL) << 24 | (a[1] & 0xFF) << 16 | (a[2] & 0xFF) << 8 | (a[3] & 0xFF));
        } else {
            b.ch('[').ipv6(word(a, 0), word(a, 8)).ch(']');
        }
        b.ch(':').num(e.port());
    }

    private static long word(byte[] a, int off) {
        long w = 0;
        for (int i = 0; i < 8; i++) {
            w = w << 8 | (a[off + i] & 0xFF);
        }
        return w;
    }

    private static void seconds(AsciiBuffer b, long ns, int digits) {
        long sec = Math.floorDiv(ns, 1_000_000_000L);
        long frac = Math.floorMod(ns, 1_000_000_000L);
        b.num(sec).ch('.');
        b.zeroPadded(digits == 9 ? frac : frac / 1000, digits);
    }

    private static void json(JsonLine j, Connection c) {
        j.begin()
                .num("index", c.index())
                .str("client", c.client().toString())
                .str("server", c.server().toString())
                .num("packets", c.packets())
                .num("bytes_client_to_server", c.bytes(Side.CLIENT))
                .num("bytes_server_to_client", c.bytes(Side.SERVER))
                .num("start_ns", c.startNs())
                .num("duration_ns", c.durationNs())
                .str("end", c.end().name())
                .num("packets_client_to_server", c.packets(Side.CLIENT))
                .num("packets_server_to_client", c.packets(Side.SERVER))
                .bool("mid_stream", c.midStream())
                .end();
    }
}
