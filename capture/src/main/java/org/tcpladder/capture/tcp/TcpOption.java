package org.tcpladder.capture.tcp;

import java.util.List;

/**
 * A TCP option (RFC 9293 section 3.1 and 3.2; MSS RFC 9293, WS and TS RFC 7323, SACK RFC 2018, TFO
 * RFC 7413, MPTCP RFC 8684). Unknown kinds keep their kind, length and bytes.
 */
public sealed interface TcpOption {
    int kind();

    record EndOfList() implements TcpOption {
        public int kind() { return 0; }
    }

    record NoOp() implements TcpOption {
        public int kind() { return 1; }
    }

    record MaxSegmentSize(int mss) implements TcpOption {
        public int kind() { return 2; }
    }

    record WindowScale(int shift) implements TcpOption {
        public int kind() { return 3; }
    }

    record SackPermitted() implements TcpOption {
        public int kind() { return 4; }
    }

    /** One SACK block: left edge inclusive, right edge exclusive. */
    record SackBlock(SeqNum left, SeqNum right) {
    }

    record Sack(List<SackBlock> blocks) implements TcpOption {
        public int kind() { return 5; }
    }

    record Timestamps(long value, long echoReply) implements TcpOption {
        public int kind() { return 8; }
    }

    /** TCP Fast Open cookie (kind 34, or the experimental kind 254 with magic 0xF989); empty = request. */
    record FastOpen(int kind, byte[] cookie) implements TcpOption {
    }

    record Mptcp(int subtype, byte[] data) implements TcpOption {
        public int kind() { return 30; }
    }

    /** Any other kind, kept as kind + length + the bytes after the length octet. */
    record Unknown(int kind, int length, byte[] data) implements TcpOption {
    }
}
