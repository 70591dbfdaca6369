package org.tcpladder.app.viewmodel;

import org.tcpladder.capture.state.TcpState;
import java.util.Objects;

/**
 * What the big state indicator of one side shows.
 *
 * @param state        the state, or null when unknown
 * @param reason       why the last transition happened, or null before any
 * @param segmentIndex the segment that caused the last transition, or -1
 * @param kernel       the state the kernel itself reported for this side's socket at this point of a
 *                     live session, or null when it was not asked (captures)
 */
public record SideStatus(TcpState state, String reason, int segmentIndex, String kernel) {
    public static final SideStatus UNKNOWN = new SideStatus(null, null, -1, null);

    public SideStatus(TcpState state, String reason, int segmentIndex) {
        this(state, reason, segmentIndex, null);
    }

    /** Whether the kernel's state is known and is the one inferred from the segments. */
    public boolean kernelAgrees() {
        return kernel != null && state != null && Objects.equals(kernel, state.displayName());
    }
}
