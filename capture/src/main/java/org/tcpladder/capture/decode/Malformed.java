package org.tcpladder.capture.decode;

import java.util.Objects;

/**
 * What is wrong with a packet, as a value: the layer where decoding found the problem and a reason
 * naming the bad value ({@code "data offset 4 (16 bytes) is less than the 20-byte minimum"}).
 */
public record Malformed(Layer layer, String reason) {
    public Malformed {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code TCP: reason}: the form shown to users and written to JSON. */
    @Override
    public String toString() {
        return layer + ": " + reason;
    }
}
