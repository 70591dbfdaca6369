package org.tcpladder.capture.state;

/**
 * One analysis finding on one segment.
 *
 * @param kind                 what was found
 * @param number               for {@link AnomalyKind#DUPLICATE_ACK}: which duplicate this is (1 for the
 *                             first, Wireshark's "#1"); otherwise 0
 * @param relatedSegmentIndex  for {@link AnomalyKind#DUPLICATE_ACK}: the segment whose acknowledgment is
 *                             repeated (Wireshark's "Dup ACK 7#2" names segment 7); otherwise -1
 */
public record Anomaly(AnomalyKind kind, int number, long relatedSegmentIndex) {

    public static Anomaly of(AnomalyKind kind) {
        return new Anomaly(kind, 0, -1);
    }

    public static Anomaly duplicateAck(int number, long originalSegmentIndex) {
        return new Anomaly(AnomalyKind.DUPLICATE_ACK, number, originalSegmentIndex);
    }
}
