package org.tcpladder.capture.cli;

import org.tcpladder.capture.decode.DecodedPacket;
import org.tcpladder.capture.tcp.TcpFlags;

/**
 * tcpdump 4.99's {@code options [...]} text, reproduced with its walk: a kind octet, a length octet
 * (not for EOL and NOP) that must be 2..bytes left, then the data the kind is expected to have. The
 * cursor then moves by that expected size, not by the option's own length, and a mismatch is shown as
 * {@code [len N]}; a bad length ends the line with {@code [bad opt]}; data that was not captured ends
 * it with {@code [|tcp]}. MPTCP options (RFC 8684) are described as tcpdump's print-mptcp.c does.
 */
final class TcpdumpOptionFormatter {
    private static final String[] MPTCP_SUBTYPES = {
        "capable", "join", "dss", "add-addr", "rem-addr", "prio", "fail", "fast-close", "unknown"};

    private final AsciiBuffer out;
    private DecodedPacket p;

    TcpdumpOptionFormatter(AsciiBuffer out) {
        this.out = out;
    }

    /** Thrown inside the walk for tcpdump's "goto bad" / "goto trunc" (never escapes this class). */
    private enum Stop { BAD, TRUNCATED, TRUNCATED_HARD, NONE }

    /**
     * Writes {@code , options [...]} (nothing when {@code length} is 0).
     *
     * @return false when tcpdump ends the line inside the options (no {@code , length} follows)
     */
    boolean format(DecodedPacket packet, int start, int length, int tcpFlags, int sackBase) {
        if (length == 0) {
            return true; // a 20-byte header: tcpdump writes nothing
        }
        // Nearly every segment carries only the everyday options; a small loop writes those, and the
        // full walk (kept out of the hot path so that the JIT compiles little) redoes anything else.
        out.hold();
        try {
            int mark = out.length();
            int common = common(packet, start, length, sackBase);
            if (common != UNHANDLED) {
                return common == DONE;
            }
            out.truncate(mark);
        } finally {
            out.release();
        }
        return full(packet, start, length, tcpFlags, sackBase);
    }

    private static final int DONE = 1;
    private static final int UNHANDLED = 2;

    /**
     * The walk for EOL, NOP, MSS, window scale, SACK-permitted and timestamps with their proper
     * lengths, fully captured: {@link #DONE}, or {@link #UNHANDLED} for anything else.
     */
    private int common(DecodedPacket p, int start, int length, int sackBase) {
        int end = start + length;
        if (end > p.usableEnd()) {
            return UNHANDLED;
        }
        out.bytes(OPTIONS);
        int cp = start;
        boolean first = true;
        while (cp < end) {
            int opt = p.u8(cp);
            if (!first) {
                out.ch(',');
            }
            first = false;
            if (opt == 1) {
                out.bytes(NOP);
                cp++;
                continue;
            }
            if (opt == 0) {
                out.bytes(EOL);
                break;
            }
            if (cp + 1 >= end) {
                return UNHANDLED;
            }
            int len = p.u8(cp + 1);
            if (len > end - cp) {
                return UNHANDLED;
            }
            switch (opt) {
                case 2 -> {
                    if (len != 4) return UNHANDLED;
                    out.bytes(MSS).num(p.u16(cp + 2));
                }
                case 3 -> {
                    if (len != 3) return UNHANDLED;
                    out.bytes(WSCALE).num(p.u8(cp + 2));
                }
                case 4 -> {
                    if (len != 2) return UNHANDLED;
                    out.bytes(SACK_OK);
                }
                case 8 -> {
                    if (len != 10) return UNHANDLED;
                    out.bytes(TS_VAL).u32(p.u32(cp + 2)).bytes(ECR).u32(p.u32(cp + 6));
                }
                case 5 -> {
                    if (len < 10 || (len - 2) % 8 != 0) return UNHANDLED;
                    out.bytes(SACK).num((len - 2) / 8).ch(' ');
                    for (int i = cp + 2; i < cp + len; i += 8) {
                        out.ch('{').u32(p.u32(i) - sackBase).ch(':').u32(p.u32(i + 4) - sackBase).ch('}');
                    }
                }
                default -> {
                    return UNHANDLED;
                }
            }
            cp += len;
        }
        out.ch(']');
        return DONE;
    }

    // The words of the everyday options as bytes: one array copy each.
    private static final byte[] OPTIONS = TcpdumpLineFormatter.ascii(", options [");
    private static final byte[] NOP = TcpdumpLineFormatter.ascii("nop");
    private static final byte[] EOL = TcpdumpLineFormatter.ascii("eol");
    private static final byte[] MSS = TcpdumpLineFormatter.ascii("mss ");
    private static final byte[] WSCALE = TcpdumpLineFormatter.ascii("wscale ");
    private static final byte[] SACK_OK = TcpdumpLineFormatter.ascii("sackOK");
    private static final byte[] TS_VAL = TcpdumpLineFormatter.ascii("TS val ");
    private static final byte[] ECR = TcpdumpLineFormatter.ascii(" ecr ");
    private static final byte[] SACK = TcpdumpLineFormatter.ascii("sack ");

    /** The whole of tcpdump's option walk, for every kind and every fault. */
    private boolean full(DecodedPacket packet, int start, int length, int tcpFlags, int sackBase) {
        this.p = packet;
        // tcpdump names truncation after the protocol printing last: "mptcp" once an MPTCP option ran
        String protocol = "tcp";
        int snapEnd = packet.usableEnd();
        int cp = start;
        int hlen = length;
        char separator = 0;
        out.str(", options [");
        Stop stop = Stop.NONE;
        loop:
        while (hlen > 0) {
            if (separator != 0) {
                out.ch(separator);
            }
            if (cp >= snapEnd) {
                stop = Stop.TRUNCATED_HARD;
                break;
            }
            int opt = p.u8(cp++);
            int len;
            if (opt == 0 || opt == 1) {
                len = 1;
            } else {
                if (cp >= snapEnd) {
                    stop = Stop.TRUNCATED_HARD;
                    break;
                }
                len = p.u8(cp++);
                if (len < 2 || len > hlen) {
                    stop = Stop.BAD;
                    break;
                }
                hlen--;
            }
            hlen--;
            int datalen = 0;
            out.str(name(opt));
            switch (opt) {
                case 2 -> { // MSS
                    datalen = 2;
                    if ((stop = check(datalen, hlen, cp, snapEnd)) != Stop.NONE) break loop;
                    out.ch(' ').num(p.u16(cp));
                }
                case 3 -> { // window scale
                    datalen = 1;
                    if ((stop = check(datalen, hlen, cp, snapEnd)) != Stop.NONE) break loop;
                    out.ch(' ').num(p.u8(cp));
                }
                case 5 -> { // SACK
                    datalen = len - 2;
                    if (datalen % 8 != 0) {
                        out.str(" invalid sack");
                    } else {
                        out.ch(' ').num(datalen / 8).ch(' ');
                        for (int i = 0; i < datalen; i += 8) {
                            if ((stop = check(i + 4, hlen, cp, snapEnd)) != Stop.NONE) break loop;
                            int s = p.u32(cp + i);
                            if ((stop = check(i + 8, hlen, cp, snapEnd)) != Stop.NONE) break loop;
                            int e = p.u32(cp + i + 4);
                            out.ch('{').u32(s - sackBase).ch(':').u32(e - sackBase).ch('}');
                        }
                    }
                }
                case 6, 7, 11, 12, 13 -> { // echo, echo reply, CC, CC.NEW, CC.ECHO (obsolete)
                    datalen = 4;
                    if ((stop = check(datalen, hlen, cp, snapEnd)) != Stop.NONE) break loop;
                    out.ch(' ').u32(p.u32(cp));
                }
                case 8 -> { // timestamps
                    datalen = 8;
                    if ((stop = check(datalen, hlen, cp, snapEnd)) != Stop.NONE) break loop;
                    out.str(" val ").u32(p.u32(cp)).str(" ecr ").u32(p.u32(cp + 4));
                }
                case 19 -> { // TCP MD5 signature (RFC 2385); tcpdump cannot check it without -M
                    datalen = 16;
                    if ((stop = check(datalen, hlen, cp, snapEnd)) != Stop.NONE) break loop;
                    // tcpdump checks the signature only when the whole segment was captured
                    int tcpStart = start - 20;
                    int payloadEnd = tcpStart + (p.ipEnd() - tcpStart);
                    out.str(payloadEnd > snapEnd ? " snaplen too short, can't check - "
                            : " shared secret not supplied with -M, can't check - ");
                    for (int i = 0; i < 16; i++) {
                        out.hex2(p.u8(cp + i));
                    }
                }
                case 20 -> { // SCPS capabilities
                    datalen = 2;
                    if ((stop = check(datalen, hlen, cp, snapEnd)) != Stop.NONE) break loop;
                    out.str(" cap ").hex2(p.u8(cp)).str(" id ").num(p.u8(cp + 1));
                }
                case 28 -> { // user timeout (RFC 5482): granularity bit, then the timeout
                    datalen = 2;
                    if ((stop = check(datalen, hlen, cp, snapEnd)) != Stop.NONE) break loop;
                    int uto = p.u16(cp);
                    out.str(" 0x").hex(uto).ch(' ').num((uto & 1) != 0 ? (long) (uto >>> 1) * 60 : uto >>> 1);
                }
                case 29 -> { // TCP-AO (RFC 5925)
                    datalen = len - 2;
                    if (datalen < 2) {
                        out.str(" (invalid)");
                    } else {
                        if ((stop = check(1, hlen, cp, snapEnd)) != Stop.NONE) break loop;
                        out.str(" keyid ").num(p.u8(cp));
                        if ((stop = check(2, hlen, cp, snapEnd)) != Stop.NONE) break loop;
                        out.str(" rnextkeyid ").num(p.u8(cp + 1));
                        if (datalen > 2) {
                            out.str(" mac 0x");
                            for (int i = 2; i < datalen; i++) {
                                if ((stop = check(i + 1, hlen, cp, snapEnd)) != Stop.NONE) break loop;
                                out.hex2(p.u8(cp + i));
                            }
                        }
                    }
                }
                case 0, 1, 4 -> {
                    // EOL, NOP, SACK-permitted: nothing more to say
                }
                case 30 -> { // MPTCP
                    datalen = len - 2;
                    if ((stop = check(datalen, hlen, cp, snapEnd)) != Stop.NONE) break loop;
                    protocol = "mptcp";
                    if (!mptcp(cp - 2, len, tcpFlags)) {
                        stop = Stop.BAD;
                        break loop;
                    }
                }
                case 34 -> { // TCP Fast Open (RFC 7413)
                    datalen = len - 2;
                    if ((stop = check(datalen, hlen, cp, snapEnd)) != Stop.NONE) break loop;
                    out.ch(' ');
                    fastOpen(cp, datalen, false);
                }
                case 254 -> { // RFC 6994 experimental option with a magic number
                    datalen = len - 2;
                    if ((stop = check(datalen, hlen, cp, snapEnd)) != Stop.NONE) break loop;
                    if (datalen < 2) {
                        stop = Stop.BAD;
                        break loop;
                    }
                    int magic = p.u16(cp);
                    out.ch('-');
                    if (magic == 0xF989) {
                        fastOpen(cp + 2, datalen - 2, true);
                    } else {
                        out.hexPadded(magic, 4);
                    }
                }
                default -> {
                    datalen = len - 2;
                    if (datalen != 0) {
                        out.str(" 0x");
                    }
                    for (int i = 0; i < datalen; i++) {
                        if ((stop = check(i + 1, hlen, cp, snapEnd)) != Stop.NONE) break loop;
                        out.hex2(p.u8(cp + i));
                    }
                }
            }
            cp += datalen;
            hlen -= datalen;
            int expected = datalen + (opt == 0 || opt == 1 ? 1 : 2);
            if (expected != len) {
                out.str("[len ").num(len).ch(']');
            }
            separator = ',';
            if (opt == 0) {
                break;
            }
        }
        switch (stop) {
            case BAD -> {
                out.str("[bad opt]");
                if (separator != 0) {
                    out.ch(']');
                }
                return false;
            }
            case TRUNCATED -> {
                out.str(" [|").str(protocol).ch(']');
                if (separator != 0) {
                    out.ch('>');
                }
                return false;
            }
            case TRUNCATED_HARD -> {
                out.str(" [|").str(protocol).ch(']');
                return false;
            }
            default -> {
                out.ch(']');
                return true;
            }
        }
    }

    /** tcpdump's LENCHECK: {@code n} more bytes must be left in the header and captured. */
    private static Stop check(int n, int hlen, int cp, int snapEnd) {
        if (n > hlen) {
            return Stop.BAD;
        }
        if (cp + n > snapEnd) {
            return Stop.TRUNCATED;
        }
        return Stop.NONE;
    }

    private static String name(int kind) {
        return switch (kind) {
            case 0 -> "eol";
            case 1 -> "nop";
            case 2 -> "mss";
            case 3 -> "wscale";
            case 4 -> "sackOK";
            case 5 -> "sack";
            case 6 -> "echo";
            case 7 -> "echoreply";
            case 8 -> "TS";
            case 11 -> "cc";
            case 12 -> "ccnew";
            case 13 -> ""; // tcpdump 4.99's table has an empty name for CC.ECHO
            case 19 -> "md5";
            case 20 -> "scps";
            case 28 -> "uto";
            case 29 -> "tcp-ao";
            case 30 -> "mptcp";
            case 34 -> "tfo";
            case 254 -> "exp";
            default -> unknown(kind);
        };
    }

    /** Names of unassigned kinds, made when first met (not at start-up: print starts faster). */
    private static final String[] UNKNOWN = new String[256];

    private static String unknown(int kind) {
        String name = UNKNOWN[kind];
        if (name == null) {
            name = "unknown-" + kind;
            UNKNOWN[kind] = name;
        }
        return name;
    }

    private void fastOpen(int cp, int datalen, boolean experimental) {
        if (experimental) {
            out.str("tfo");
        }
        if (datalen == 0) {
            out.str(" cookiereq");
        } else if (datalen % 2 != 0 || datalen < 4 || datalen > 16) {
            out.str(" (invalid)");
        } else {
            out.str(" cookie ");
            for (int i = 0; i < datalen; i++) {
                out.hex2(p.u8(cp + i));
            }
        }
    }

    // ---------------------------------------------------------------- MPTCP (print-mptcp.c)

    /** @param at the option's kind octet; the whole option is captured (checked by the caller) */
    private boolean mptcp(int at, int len, int tcpFlags) {
        if (len < 3) {
            return false;
        }
        int subtype = Math.min(p.u8(at + 2) >>> 4, 8);
        out.ch(' ').num(len).ch(' ').str(MPTCP_SUBTYPES[subtype]);
        return switch (subtype) {
            case 0 -> mpCapable(at, len, tcpFlags);
            case 1 -> mpJoin(at, len, tcpFlags);
            case 2 -> mpDss(at, len, tcpFlags);
            case 3 -> mpAddAddress(at, len);
            case 4 -> mpRemoveAddress(at, len);
            case 5 -> mpPriority(at, len);
            case 6 -> {
                if (len != 12) yield false;
                out.str(" seq ").str(Long.toUnsignedString(p.u64(at + 4)));
                yield true;
            }
            case 7 -> {
                if (len != 12) yield false;
                out.str(" key 0x").hex(p.u64(at + 4));
                yield true;
            }
            default -> true;
        };
    }

    private boolean mpCapable(int at, int len, int flags) {
        boolean syn = (flags & TcpFlags.SYN) != 0;
        boolean ackOnly = (flags & (TcpFlags.SYN | TcpFlags.ACK)) == TcpFlags.ACK;
        if (!((len == 12 || len == 4) && syn) && !((len == 20 || len == 22) && ackOnly)) {
            return false;
        }
        int version = p.u8(at + 2) & 0x0F;
        if (version > 1) {
            out.str(" Unknown Version (").num(version).ch(')');
            return true;
        }
        out.str(" v").num(version);
        if ((p.u8(at + 3) & 0x80) != 0) {
            out.str(" csum");
        }
        if (len == 12 || len >= 20) {
            out.str(" {0x").hex(p.u64(at + 4));
            if (len >= 20) {
                out.str(",0x").hex(p.u64(at + 12));
            }
            out.ch('}');
        }
        return true;
    }

    private boolean mpJoin(int at, int len, int flags) {
        boolean synAck = (flags & (TcpFlags.SYN | TcpFlags.ACK)) == (TcpFlags.SYN | TcpFlags.ACK);
        if (!(len == 12 && (flags & TcpFlags.SYN) != 0) && !(len == 16 && synAck)
                && !(len == 24 && (flags & TcpFlags.ACK) != 0)) {
            return false;
        }
        if (len != 24) {
            if ((p.u8(at + 2) & 1) != 0) {
                out.str(" backup");
            }
            out.str(" id ").num(p.u8(at + 3));
        }
        switch (len) {
            case 12 -> out.str(" token 0x").hex(p.u32(at + 4) & 0xFFFF_FFFFL)
                    .str(" nonce 0x").hex(p.u32(at + 8) & 0xFFFF_FFFFL);
            case 16 -> out.str(" hmac 0x").hex(p.u64(at + 4)).str(" nonce 0x").hex(p.u32(at + 12) & 0xFFFF_FFFFL);
            default -> {
                out.str(" hmac 0x");
                for (int i = 0; i < 20; i++) {
                    out.hex2(p.u8(at + 4 + i));
                }
            }
        }
        return true;
    }

    private boolean mpDss(int at, int len, int flags) {
        if (len < 4 || (flags & TcpFlags.SYN) != 0) {
            return false;
        }
        int f = p.u8(at + 3);
        if ((f & 0x10) != 0) {
            out.str(" fin");
        }
        int cp = at + 4;
        int left = len - 4;
        if ((f & 0x01) != 0) {
            out.str(" ack ");
            if ((f & 0x02) != 0) {
                if (left < 8) return false;
                out.str(Long.toUnsignedString(p.u64(cp)));
                cp += 8;
                left -= 8;
            } else {
                if (left < 4) return false;
                out.u32(p.u32(cp));
                cp += 4;
                left -= 4;
            }
        }
        if ((f & 0x04) != 0) {
            out.str(" seq ");
            if ((f & 0x08) != 0) {
                if (left < 8) return false;
                out.str(Long.toUnsignedString(p.u64(cp)));
                cp += 8;
                left -= 8;
            } else {
                if (left < 4) return false;
                out.u32(p.u32(cp));
                cp += 4;
                left -= 4;
            }
            if (left < 4) return false;
            out.str(" subseq ").u32(p.u32(cp));
            cp += 4;
            left -= 4;
            if (left < 2) return false;
            out.str(" len ").num(p.u16(cp));
            cp += 2;
            left -= 2;
            if (left >= 2) {
                out.str(" csum 0x").hex(p.u16(cp));
                left -= 2;
            }
        }
        return left == 0;
    }

    private boolean mpAddAddress(int at, int len) {
        boolean v4 = len == 8 || len == 10 || len == 16 || len == 18;
        boolean v6 = len == 20 || len == 22 || len == 28 || len == 30;
        if (!v4 && !v6) {
            return false;
        }
        String version = switch (p.u8(at + 2) & 0x0F) {
            case 6 -> "v0-ip6";
            case 4 -> "v0-ip4";
            case 1 -> "v1-echo";
            case 0 -> "v1";
            default -> "[bad version/echo]";
        };
        out.ch(' ').str(version).str(" id ").num(p.u8(at + 3));
        if (v4) {
            out.ch(' ').ipv4(p.u32(at + 4) & 0xFFFF_FFFFL);
            if (len == 10 || len == 18) {
                out.ch(':').num(p.u16(at + 8));
            }
            if (len == 16) {
                out.str(" hmac 0x").hex(p.u64(at + 8));
            }
            if (len == 18) {
                out.str(" hmac 0x").hex(p.u64(at + 10));
            }
        } else {
            out.ch(' ').ipv6(p.u64(at + 4), p.u64(at + 12));
            if (len == 22 || len == 30) {
                out.ch(':').num(p.u16(at + 20));
            }
            if (len == 28) {
                out.str(" hmac 0x").hex(p.u64(at + 20));
            }
            if (len == 30) {
                out.str(" hmac 0x").hex(p.u64(at + 22));
            }
        }
        return true;
    }

    private boolean mpRemoveAddress(int at, int len) {
        if (len < 4) {
            return false;
        }
        out.str(" id");
        for (int i = 0; i < len - 3; i++) {
            out.ch(' ').num(p.u8(at + 3 + i));
        }
        return true;
    }

    private boolean mpPriority(int at, int len) {
        if (len != 3 && len != 4) {
            return false;
        }
        out.str((p.u8(at + 2) & 1) != 0 ? " backup" : " non-backup");
        if (len == 4) {
            out.str(" id ").num(p.u8(at + 3));
        }
        return true;
    }
}
