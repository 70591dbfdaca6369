package org.tcpladder.capture.export;

import java.util.List;

import org.tcpladder.capture.state.StateTransition;
import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.tcp.Side;

/**
 * One segment of an export: its arrow, its marks, and the state changes around it.
 *
 * @param number      its number in the connection, from 1
 * @param packet      its packet number in the capture file (as {@code print} and tcpdump number them)
 * @param sender      who sent it
 * @param label       the arrow's text: flags, seq, ack and length, e.g. {@code SYN, ACK seq 0 ack 1}
 * @param lost        whether it never reached its receiver (the arrow ends in a cross)
 * @param repeats     the number of the segment whose bytes it sends again, or 0
 * @param marks       short marks in words: lost, repeats #n, Wireshark's anomaly labels
 * @param before      changes that happen before the arrow leaves: a TIME-WAIT that ran out, the
 *                    sender's own change at the departure (RFC 9293 section 3.10: a side changes when it
 *                    sends a SYN, FIN or RST)
 * @param after       the changes at the arrivals that come after this departure and before the next
 *                    segment leaves, in order: usually this segment's own arrival at its receiver (none
 *                    when it was lost); where segments cross (simultaneous close), an earlier segment's
 *                    arrival that came only after this one left
 * @param clientState the client's state then: after this departure and those arrivals (as
 *                    {@code print --states} tells it)
 * @param serverState the server's
 * @param notes       the narration, when the options ask for notes; empty otherwise
 */
public record LadderStep(int number, long packet, Side sender, String label, boolean lost, int repeats,
                         List<String> marks, List<StateTransition> before, List<StateTransition> after,
                         TcpState clientState, TcpState serverState, List<String> notes) {

    public TcpState state(Side side) {
        return side == Side.CLIENT ? clientState : serverState;
    }

    public Side receiver() {
        return sender.other();
    }
}
