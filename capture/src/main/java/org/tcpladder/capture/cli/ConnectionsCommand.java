package org.tcpladder.capture.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.conn.ConnectionTable;
import org.tcpladder.capture.tcp.Side;
import org.tcpladder.capture.decode.DecodedPacket;
import org.tcpladder.capture.decode.PacketDecoder;
import org.tcpladder.capture.decode.PacketKind;
import org.tcpladder.capture.source.CaptureFileException;
import org.tcpladder.capture.source.CaptureFiles;
import org.tcpladder.capture.source.PacketSource;
import org.tcpladder.capture.source.RawPacket;
import org.tcpladder.capture.state.StateInference;
import org.tcpladder.capture.tcp.TcpSegment;

/**
 * {@code connections [--json] FILE}: one line per TCP connection (client, server, packets and payload
 * bytes each way, start, duration, how it ended, each side's TCP state at the end of the capture and
 * the number of anomalies). Counts in one streaming pass, keeping nothing per packet: each connection's
 * {@link StateInference} follows it as its segments stream by.
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
        List<Follower> followers = new ArrayList<>();
        CaptureFileException damage = null;
        long captureEndNs = Long.MIN_VALUE;
        int digits;
        try (PacketSource source = CaptureFiles.open(cl.file)) {
            digits = source.precision().digits();
            PacketDecoder decoder = new PacketDecoder(false);
            RawPacket raw = new RawPacket();
            try {
                while (source.next(raw)) {
                    DecodedPacket p = decoder.decode(raw);
                    captureEndNs = Math.max(captureEndNs, p.timeNs());
                    if (p.kind() == PacketKind.TCP) {
                        Connection c = table.add(p);
                        if (c.index() == followers.size()) {
                            followers.add(new Follower(c));
                        }
                        followers.get(c.index()).observe(p.toSegment());
                    }
                }
            } catch (CaptureFileException e) {
                damage = e;
            }
        }
        AsciiBuffer buf = new AsciiBuffer(out, 1 << 16);
        JsonLine json = new JsonLine(buf);
        for (Connection c : table.connections()) {
            Follower f = followers.get(c.index());
            StateInference.SideStates end = f.inference.statesAt(Math.max(captureEndNs, c.endNs()));
            if (cl.json) {
                json(json, c, end, f.anomalies);
            } else {
                text(buf, c, digits, end, f.anomalies);
            }
        }
        buf.flush();
        out.flush();
        if (damage != null) {
            throw damage;
        }
        return 0;
    }

    /** One connection's inference and its count of anomalies. */
    private static final class Follower {
        final StateInference inference;
        long anomalies;

        Follower(Connection c) {
            inference = new StateInference(c.client(), c.server(), c.midStream());
        }

        void observe(TcpSegment s) {
            anomalies += inference.observe(s).anomalies().size();
        }
    }

    /**
     * {@code 0 10.0.0.1:40000 > 10.0.0.2:80 client>server 5 packets 120 bytes server>client 4 packets
     * 900 bytes start 1700000000.000001 duration 0.012000 end FIN_BOTH final client=TIME-WAIT
     * server=CLOSED anomalies 0}, then {@code mid-stream} when the opening SYN was not captured (the
     * states are then assumptions).
     */
    private static void text(AsciiBuffer b, Connection c, int digits, StateInference.SideStates end, long anomalies) {
        b.num(c.index()).ch(' ').str(c.client().toString()).str(" > ").str(c.server().toString());
        b.str(" client>server ").num(c.packets(Side.CLIENT)).str(" packets ").num(c.bytes(Side.CLIENT)).str(" bytes");
        b.str(" server>client ").num(c.packets(Side.SERVER)).str(" packets ").num(c.bytes(Side.SERVER)).str(" bytes");
        b.str(" start ");
        seconds(b, c.startNs(), digits);
        b.str(" duration ");
        seconds(b, c.durationNs(), digits);
        b.str(" end ").str(c.end().name());
        b.str(" final client=").str(end.client().displayName()).str(" server=").str(end.server().displayName());
        b.str(" anomalies ").num(anomalies);
        if (c.midStream()) {
            b.str(" mid-stream");
        }
        b.newline();
    }

    private static void seconds(AsciiBuffer b, long ns, int digits) {
        long sec = Math.floorDiv(ns, 1_000_000_000L);
        long frac = Math.floorMod(ns, 1_000_000_000L);
        b.num(sec).ch('.');
        b.zeroPadded(digits == 9 ? frac : frac / 1000, digits);
    }

    private static void json(JsonLine j, Connection c, StateInference.SideStates end, long anomalies) {
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
                .str("client_final_state", end.client().displayName())
                .str("server_final_state", end.server().displayName())
                .num("anomaly_count", anomalies)
                .end();
    }
}
