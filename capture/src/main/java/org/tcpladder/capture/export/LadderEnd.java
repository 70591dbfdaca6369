package org.tcpladder.capture.export;

import java.util.List;

import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.tcp.Side;

/**
 * What an export says after its last segment.
 *
 * @param clientState the client's state after the last exported segment, or at the end of the capture
 *                    when the export reaches the connection's last segment (a TIME-WAIT over by then has
 *                    become CLOSED, RFC 9293 section 3.10.8)
 * @param serverState the server's
 * @param notes       changes after the last segment in words (a TIME-WAIT that ran out), one per side
 *                    that changed; empty when nothing changed
 * @param changed     the sides whose state changed after the last segment, in the order of {@code notes}
 */
public record LadderEnd(TcpState clientState, TcpState serverState, List<String> notes, List<Side> changed) {

    public TcpState state(Side side) {
        return side == Side.CLIENT ? clientState : serverState;
    }
}
