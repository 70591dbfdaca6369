package org.tcpladder.app.viewmodel;

import org.tcpladder.app.ladder.LadderData;

import java.util.Arrays;

/**
 * The segments of a connection worth finding in a long one: losses, retransmissions and the other
 * anomalies, in order, each with its kind (what the scrubber marks and N / Shift+N go to). Built in one
 * pass over the ladder's flat per-segment facts.
 */
public final class AnomalyPositions {
    /** What a marked segment is; a lost segment that is also a retransmission counts as lost. */
    public enum Kind {
        LOST, RETRANSMISSION, OTHER
    }

    private static final Kind[] KINDS = Kind.values();
    public static final AnomalyPositions NONE = new AnomalyPositions(new int[0], new byte[0], 0);

    private final int[] positions;
    private final byte[] kinds;
    private final int length;

    private AnomalyPositions(int[] positions, byte[] kinds, int length) {
        this.positions = positions;
        this.kinds = kinds;
        this.length = length;
    }

    public static AnomalyPositions of(LadderData data) {
        if (data == null) {
            return NONE;
        }
        int n = data.size();
        int[] at = new int[16];
        byte[] kind = new byte[16];
        int count = 0;
        for (int i = 0; i < n; i++) {
            Kind k = data.lost(i) ? Kind.LOST
                    : data.retransmissionOf(i) >= 0 ? Kind.RETRANSMISSION
                    : data.hasAnomalies(i) ? Kind.OTHER : null;
            if (k == null) {
                continue;
            }
            if (count == at.length) {
                at = Arrays.copyOf(at, count * 2);
                kind = Arrays.copyOf(kind, count * 2);
            }
            at[count] = i;
            kind[count++] = (byte) k.ordinal();
        }
        return new AnomalyPositions(Arrays.copyOf(at, count), Arrays.copyOf(kind, count), n);
    }

    /** How many segments are marked. */
    public int size() {
        return positions.length;
    }

    /** The segment count of the connection (to place marks along a scrubber). */
    public int length() {
        return length;
    }

    public int position(int j) {
        return positions[j];
    }

    public Kind kind(int j) {
        return KINDS[kinds[j]];
    }

    /** The first marked segment after {@code segment}, or -1. */
    public int after(int segment) {
        int j = Arrays.binarySearch(positions, segment + 1);
        j = j >= 0 ? j : -j - 1;
        return j < positions.length ? positions[j] : -1;
    }

    /** The last marked segment before {@code segment}, or -1. */
    public int before(int segment) {
        int j = Arrays.binarySearch(positions, segment);
        j = (j >= 0 ? j : -j - 1) - 1;
        return j >= 0 ? positions[j] : -1;
    }
}
