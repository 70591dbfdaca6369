package org.tcpladder.capture.tcp;

/**
 * The TCP control bits as one int (RFC 9293 section 3.1; ECE/CWR RFC 3168; AE, formerly NS, RFC
 * 3540/AccECN), with the bit values of the header's 12-bit flags field.
 */
public final class TcpFlags {
    public static final int FIN = 0x001;
    public static final int SYN = 0x002;
    public static final int RST = 0x004;
    public static final int PSH = 0x008;
    public static final int ACK = 0x010;
    public static final int URG = 0x020;
    public static final int ECE = 0x040;
    public static final int CWR = 0x080;
    public static final int AE = 0x100;

    private TcpFlags() {
    }

    public static boolean has(int flags, int bit) {
        return (flags & bit) != 0;
    }

    /**
     * tcpdump's letters, in tcpdump's order: F S R P . U E W, then e for AE (tcpdump 4.99 does not
     * show AE; later versions add "e" last); "none" when no bit is set. So a SYN,ACK is {@code S.},
     * a FIN,PSH,ACK {@code FP.} and an ECN-setup SYN {@code SEW}.
     */
    public static String letters(int flags) {
        StringBuilder sb = new StringBuilder(6);
        if (has(flags, FIN)) sb.append('F');
        if (has(flags, SYN)) sb.append('S');
        if (has(flags, RST)) sb.append('R');
        if (has(flags, PSH)) sb.append('P');
        if (has(flags, ACK)) sb.append('.');
        if (has(flags, URG)) sb.append('U');
        if (has(flags, ECE)) sb.append('E');
        if (has(flags, CWR)) sb.append('W');
        if (has(flags, AE)) sb.append('e');
        return sb.length() == 0 ? "none" : sb.toString();
    }

    /** Names for people: {@code SYN, ACK}. */
    public static String names(int flags) {
        StringBuilder sb = new StringBuilder();
        String[] n = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR", "AE"};
        int[] order = {1, 0, 2, 3, 5, 7, 6, 8, 4};
        for (int i : order) {
            if ((flags & (1 << i)) != 0) {
                if (sb.length() > 0) sb.append(", ");
                sb.append(n[i]);
            }
        }
        return sb.toString();
    }
}
