package org.tcpladder.capture.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.conn.ConnectionTable;
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
        return "connections [--json] FILE   one line per TCP connection, with its final TCP states";
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
                json.begin();
                ConnectionSummary.json(json, c, end, f.anomalies);
                json.end();
            } else {
                ConnectionSummary.text(buf, c, digits, end, f.anomalies);
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
}
