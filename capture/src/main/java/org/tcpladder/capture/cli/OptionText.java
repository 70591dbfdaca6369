package org.tcpladder.capture.cli;

import org.tcpladder.capture.tcp.TcpOption;

/**
 * A TCP option as short text in tcpdump's words ({@code mss 1460}, {@code sackOK},
 * {@code TS val 1 ecr 0}, {@code sack 1 {a:b}}), for the JSON output. SACK edges are absolute here.
 */
final class OptionText {
    private OptionText() {
    }

    static String format(TcpOption o) {
        if (o instanceof TcpOption.EndOfList) return "eol";
        if (o instanceof TcpOption.NoOp) return "nop";
        if (o instanceof TcpOption.MaxSegmentSize m) return "mss " + m.mss();
        if (o instanceof TcpOption.WindowScale w) return "wscale " + w.shift();
        if (o instanceof TcpOption.SackPermitted) return "sackOK";
        if (o instanceof TcpOption.Timestamps t) return "TS val " + t.value() + " ecr " + t.echoReply();
        if (o instanceof TcpOption.Sack s) {
            StringBuilder sb = new StringBuilder("sack ").append(s.blocks().size()).append(' ');
            for (TcpOption.SackBlock b : s.blocks()) {
                sb.append('{').append(b.left().value()).append(':').append(b.right().value()).append('}');
            }
            return sb.toString();
        }
        if (o instanceof TcpOption.FastOpen f) {
            String name = f.kind() == 34 ? "tfo" : "exp-tfo";
            return f.cookie().length == 0 ? name + " cookiereq" : name + " cookie " + hex(f.cookie());
        }
        if (o instanceof TcpOption.Mptcp m) {
            return "mptcp " + mptcpSubtype(m.subtype()) + " 0x" + hex(m.data());
        }
        TcpOption.Unknown u = (TcpOption.Unknown) o;
        String name = switch (u.kind()) {
            case 6 -> "echo";
            case 7 -> "echoreply";
            case 11 -> "cc";
            case 12 -> "ccnew";
            case 13 -> "ccecho";
            case 19 -> "md5";
            case 20 -> "scps";
            case 28 -> "uto";
            case 29 -> "tcp-ao";
            case 254 -> "exp";
            default -> "unknown-" + u.kind();
        };
        return u.data().length == 0 ? name : name + " 0x" + hex(u.data());
    }

    private static String mptcpSubtype(int subtype) {
        String[] names = {"capable", "join", "dss", "add-addr", "rem-addr", "prio", "fail", "fast-close", "tcprst"};
        return subtype < names.length ? names[subtype] : "unknown-" + subtype;
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
        }
        return sb.toString();
    }
}
