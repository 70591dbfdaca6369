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
 * {@code connections [--states] [--json] FILE}: one line per TCP connection (client, server, packets
 * and payload bytes each way, start, duration, how it ended). Counts in one streaming pass, keeping
 * nothing per packet.
 *
 * <p>With {@code --states} (and always with {@code --json}, whose {@code client_final_state},
 * {@code server_final_state} and {@code anomaly_count} keys are part of the contract) each connection's
 * {@link StateInference} follows it as its segments stream by, adding each side's TCP state at the end of
 * the capture and the number of anomalies. It observes without building segment stories
 * ({@link StateInference#observeCounting}), with the connection's own endpoints and only the options
 * the inference reads ({@code DecodedPacket.toStateSegment}); still a state machine run per packet, about
 * four times the plain count's processor time on the 1M-packet benchmark file (eight before), so the
 * plain listing does without it.
 */
final class ConnectionsCommand implements Command {
    @Override
    public String name() {
        return "connections";
    }

    @Override
    public String synopsis() {
        return "connections [--states] [--json] FILE   one line per TCP connection (--states: final TCP states, anomalies)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CommandLine cl = CommandLine.parse(args, Set.of("--json", "--states"));
        boolean states = cl.json || cl.states;
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
                        if (states) {
                            if (c.index() == followers.size()) {
                                followers.add(new Follower(c));
                            }
                            // The connection's own endpoints (the same values, not built anew per
                            // packet), and only the options the inference reads.
                            boolean fromServer = table.lastFromServer();
                            followers.get(c.index()).observe(fromServer ? p.toStateSegment(c.server(), c.client())
                                    : p.toStateSegment(c.client(), c.server()));
                        }
                    }
                }
            } catch (CaptureFileException e) {
                damage = e;
            }
        }
        AsciiBuffer buf = new AsciiBuffer(out, 1 << 16);
        JsonLine json = new JsonLine(buf);
        for (Connection c : table.connections()) {
            StateInference.SideStates end = null;
            long anomalies = 0;
            if (states) {
                Follower f = followers.get(c.index());
                end = f.inference.statesAt(Math.max(captureEndNs, c.endNs()));
                anomalies = f.anomalies;
            }
            if (cl.json) {
                json.begin();
                ConnectionSummary.json(json, c, end, anomalies);
                json.end();
            } else {
                ConnectionSummary.text(buf, c, digits, end, anomalies);
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
            anomalies += inference.observeCounting(s);
        }
    }
}
