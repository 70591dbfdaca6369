package org.tcpladder.capture.analysis;

import java.util.List;

import org.tcpladder.capture.state.SegmentAnalysis;
import org.tcpladder.capture.state.StateTransition;
import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.tcp.Side;
import org.tcpladder.capture.tcp.TcpSegment;

/**
 * One segment of a connection with its final word: each side's state right after it was sent and
 * arrived, and the state changes that took effect with it.
 *
 * @param position     the segment's place in its connection, from 0
 * @param analysis     the inference's findings on it: anomalies, narration, scaled window
 * @param clientState  the client's state after this segment
 * @param serverState  the server's state after this segment
 * @param transitions  the changes that show with this segment, in the order they happened: its sending,
 *                     the arrivals it carried (even if proved only by a later segment), the arrivals of
 *                     segments it crossed on the way, and a TIME-WAIT that ran out before it
 */
public record AnalysedSegment(int position, SegmentAnalysis analysis, TcpState clientState, TcpState serverState,
                              List<StateTransition> transitions) {

    public AnalysedSegment {
        transitions = List.copyOf(transitions);
    }

    public TcpSegment segment() {
        return analysis.segment();
    }

    public TcpState state(Side side) {
        return side == Side.CLIENT ? clientState : serverState;
    }

    /** Whether the states are assumed (the capture began after the connection opened). */
    public boolean assumed() {
        return analysis.assumed();
    }
}
