package org.tcpladder.capture.state;

import org.tcpladder.capture.tcp.Side;
import java.util.Arrays;

import org.tcpladder.capture.tcp.SeqNum;

/**
 * A sentence not yet put into words: a narration bundle key and its arguments. {@link Side} and
 * {@link TcpState} arguments are worded by the {@link Narration} that formats it, sequence numbers
 * ({@link org.tcpladder.capture.tcp.SeqNum}) and {@link Plain} numbers become plain digits, so the facts
 * are gathered once while observing and the words are chosen only when someone reads them.
 */
record Phrase(String key, Object... args) {

    /**
     * A sequence or acknowledgment number with its value relative to its owner's base (tcpdump's rule), so
     * the sentence can follow the reader's Relative/Absolute choice like the arrows do.
     */
    record Seq(SeqNum value, long relative) {
        @Override
        public String toString() {
            return value + "(" + relative + ")";
        }
    }

    /** A number worded as plain digits, never grouped: relative sequence numbers, ports, segment numbers. */
    record Plain(long value) {
        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Phrase p && p.key.equals(key) && Arrays.equals(p.args, args);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Arrays.hashCode(args);
    }

    @Override
    public String toString() {
        return key + Arrays.toString(args);
    }
}
