package org.tcpladder.capture.decode;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.tcpladder.capture.tcp.SeqNum;
import org.tcpladder.capture.tcp.TcpOption;

/**
 * Reads the TCP options area strictly (RFC 9293 section 3.1: kind, length, data; End of Option List
 * and No-Operation are single octets). Lengths are checked against what each kind must have: MSS 4
 * (RFC 9293), window scale 3 and timestamps 10 (RFC 7323), SACK-permitted 2 and SACK 2 + 8n
 * (RFC 2018), TCP Fast Open 2 or 6..18 even (RFC 7413; kind 254 with the RFC 6994 magic 0xF989),
 * MPTCP at least 3 (RFC 8684). Anything else is kept as kind, length and bytes.
 *
 * <p>The walk stops at the first bad option and reports it; the options before it are kept. Reading
 * allocates nothing when no list is asked for, so the hot path can validate every packet.
 */
public final class TcpOptionReader {
    /** The option records without fields are values: one of each serves every segment (a million NOPs is heap). */
    private static final TcpOption END_OF_LIST = new TcpOption.EndOfList();
    private static final TcpOption NO_OP = new TcpOption.NoOp();

    static final int EOL = 0;
    static final int NOP = 1;
    static final int MSS = 2;
    static final int WINDOW_SCALE = 3;
    static final int SACK_PERMITTED = 4;
    static final int SACK = 5;
    static final int TIMESTAMPS = 8;
    static final int MPTCP = 30;
    static final int FAST_OPEN = 34;
    static final int EXPERIMENTAL = 254;
    static final int FAST_OPEN_MAGIC = 0xF989;

    private TcpOptionReader() {
    }

    /** Decodes options from a copy of the TCP header (e.g. read back from the byte store). */
    public static Result decode(byte[] header, int offset, int length) {
        List<TcpOption> out = new ArrayList<>(6);
        String problem = read(ByteBuffer.wrap(header), true, offset, length, out);
        return new Result(List.copyOf(out), problem);
    }

    /** Options and, if the walk stopped early, why. */
    public record Result(List<TcpOption> options, String problem) {
    }

    /**
     * Walks {@code length} bytes of options at {@code offset}, adding each to {@code out} when it is
     * not null.
     *
     * @return null when every option is well formed, else the reason (allocated only then)
     */
    /**
     * Whether the options at {@code offset} may hold a window scale or a SACK option, without decoding
     * them: true when one of those kinds appears before the end of the list, or when the list is
     * malformed before its end (then only {@link #read} can say). False means {@link #read} would find
     * neither.
     */
    static boolean mayHoldScaleOrSack(ByteBuffer b, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int kind = b.get(i) & 0xFF;
            if (kind == EOL) {
                return false;
            }
            if (kind == NOP) {
                i++;
                continue;
            }
            if (kind == WINDOW_SCALE || kind == SACK || i + 1 >= end) {
                return true;
            }
            int len = b.get(i + 1) & 0xFF;
            if (len < 2 || len > end - i) {
                return true;
            }
            i += len;
        }
        return false;
    }

    static String read(ByteBuffer b, boolean bigEndian, int offset, int length, List<TcpOption> out) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int kind = b.get(i) & 0xFF;
            if (kind == EOL) {
                // RFC 9293 3.2: the end of the list; what follows is padding.
                if (out != null) out.add(END_OF_LIST);
                return null;
            }
            if (kind == NOP) {
                if (out != null) out.add(NO_OP);
                i++;
                continue;
            }
            if (i + 1 >= end) {
                return "option kind " + kind + " at the end of the header has no length octet";
            }
            int len = b.get(i + 1) & 0xFF;
            if (len < 2) {
                return "option kind " + kind + " has length " + len + ", less than 2";
            }
            if (len > end - i) {
                return "option kind " + kind + " of length " + len + " runs past the header ("
                        + (end - i) + " bytes left)";
            }
            String bad = readOne(b, bigEndian, kind, i, len, out);
            if (bad != null) {
                return bad;
            }
            i += len;
        }
        return null;
    }

    private static String readOne(ByteBuffer b, boolean be, int kind, int at, int len, List<TcpOption> out) {
        switch (kind) {
            case MSS:
                if (len != 4) return lengthProblem("MSS", len, "4");
                if (out != null) out.add(new TcpOption.MaxSegmentSize(u16(b, be, at + 2)));
                return null;
            case WINDOW_SCALE:
                if (len != 3) return lengthProblem("window scale", len, "3");
                if (out != null) out.add(new TcpOption.WindowScale(b.get(at + 2) & 0xFF));
                return null;
            case SACK_PERMITTED:
                if (len != 2) return lengthProblem("SACK-permitted", len, "2");
                if (out != null) out.add(new TcpOption.SackPermitted());
                return null;
            case SACK:
                if (len < 10 || (len - 2) % 8 != 0) return lengthProblem("SACK", len, "2 + 8 per block");
                if (out != null) {
                    List<TcpOption.SackBlock> blocks = new ArrayList<>((len - 2) / 8);
                    for (int p = at + 2; p < at + len; p += 8) {
                        blocks.add(new TcpOption.SackBlock(new SeqNum(u32(b, be, p)), new SeqNum(u32(b, be, p + 4))));
                    }
                    out.add(new TcpOption.Sack(List.copyOf(blocks)));
                }
                return null;
            case TIMESTAMPS:
                if (len != 10) return lengthProblem("timestamps", len, "10");
                if (out != null) {
                    out.add(new TcpOption.Timestamps(u32(b, be, at + 2) & 0xFFFF_FFFFL,
                            u32(b, be, at + 6) & 0xFFFF_FFFFL));
                }
                return null;
            case FAST_OPEN:
                if (!validCookieLength(len - 2)) return lengthProblem("TCP Fast Open", len, "2 or an even 6..18");
                if (out != null) out.add(new TcpOption.FastOpen(FAST_OPEN, bytes(b, at + 2, len - 2)));
                return null;
            case EXPERIMENTAL:
                if (len >= 4 && u16(b, be, at + 2) == FAST_OPEN_MAGIC) {
                    if (!validCookieLength(len - 4)) {
                        return lengthProblem("experimental TCP Fast Open", len, "4 or an even 8..20");
                    }
                    if (out != null) out.add(new TcpOption.FastOpen(EXPERIMENTAL, bytes(b, at + 4, len - 4)));
                    return null;
                }
                break;
            case MPTCP:
                if (len < 3) return lengthProblem("MPTCP", len, "at least 3");
                if (out != null) out.add(new TcpOption.Mptcp((b.get(at + 2) & 0xFF) >>> 4, bytes(b, at + 2, len - 2)));
                return null;
            default:
                break;
        }
        if (out != null) out.add(new TcpOption.Unknown(kind, len, bytes(b, at + 2, len - 2)));
        return null;
    }

    /** RFC 7413 section 4.1.1: an empty cookie is a request; a cookie is 4 to 16 bytes, even. */
    private static boolean validCookieLength(int n) {
        return n == 0 || (n >= 4 && n <= 16 && n % 2 == 0);
    }

    private static String lengthProblem(String name, int len, String expected) {
        return name + " option has length " + len + ", expected " + expected;
    }

    private static byte[] bytes(ByteBuffer b, int at, int n) {
        byte[] a = new byte[n];
        for (int i = 0; i < n; i++) {
            a[i] = b.get(at + i);
        }
        return a;
    }

    private static int u16(ByteBuffer b, boolean be, int at) {
        short v = b.getShort(at);
        return (be ? v : Short.reverseBytes(v)) & 0xFFFF;
    }

    private static int u32(ByteBuffer b, boolean be, int at) {
        int v = b.getInt(at);
        return be ? v : Integer.reverseBytes(v);
    }
}
