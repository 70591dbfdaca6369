package org.tcpladder.capture.cli;

import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.state.StateInference;
import org.tcpladder.capture.tcp.Endpoint;
import org.tcpladder.capture.tcp.Side;

/** One connection in a line of text or as JSON keys: what {@code connections} prints, and live commands at their end. */
final class ConnectionSummary {
    private ConnectionSummary() {
    }

    /**
     * {@code 0 10.0.0.1:40000 > 10.0.0.2:80 client>server 5 packets 120 bytes server>client 4 packets
     * 900 bytes start 1700000000.000001 duration 0.012000 end FIN_BOTH}, with {@code --states} then {@code
     * final client=TIME-WAIT server=CLOSED anomalies 0}, then {@code mid-stream} when the opening SYN was not captured (the
     * states are then assumptions).
     */
    static void text(AsciiBuffer b, Connection c, int digits, StateInference.SideStates end, long anomalies) {
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
        if (end != null) {
            b.str(" final client=").str(end.client().displayName()).str(" server=").str(end.server().displayName());
            b.str(" anomalies ").num(anomalies);
        }
        if (c.midStream()) {
            b.str(" mid-stream");
        }
        b.newline();
    }

    /**
     * {@code 10.0.0.1:40000} or {@code [::1]:9000}, as {@link Endpoint#toString()} writes it, straight
     * into the buffer: tens of thousands of connections are written before the JIT has compiled much,
     * and building two strings each was a quarter of the command's time.
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

    static void seconds(AsciiBuffer b, long ns, int digits) {
        long sec = Math.floorDiv(ns, 1_000_000_000L);
        long frac = Math.floorMod(ns, 1_000_000_000L);
        b.num(sec).ch('.');
        b.zeroPadded(digits == 9 ? frac : frac / 1000, digits);
    }

    static void json(JsonLine j, Connection c, StateInference.SideStates end, long anomalies) {
        j.num("index", c.index())
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
                .bool("mid_stream", c.midStream());
        if (end != null) {
            j.str("client_final_state", end.client().displayName())
                    .str("server_final_state", end.server().displayName())
                    .num("anomaly_count", anomalies);
        }
    }
}
