package org.tcpladder.app.ladder;

import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.tcp.Side;

import org.junit.jupiter.api.Test;
import org.tcpladder.app.TestLadders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class StateTimelineTest {
    private final LadderData echo = TestLadders.echo();
    private final StateTimeline client = StateTimeline.of(echo, Side.CLIENT);
    private final StateTimeline server = StateTimeline.of(echo, Side.SERVER);

    @Test
    void beforeTheFirstSegmentEachSideIsInItsInitialState() {
        assertEquals(TcpState.CLOSED, client.at(0).state());
        assertEquals(TcpState.LISTEN, server.at(0).state());
        assertNull(client.at(0).lastChange());
    }

    @Test
    void senderChangesAsSoonAsItsSegmentLeaves() {
        assertEquals(TcpState.SYN_SENT, client.at(0.01).state());
        assertEquals("connect() sent SYN", client.at(0.01).lastChange().reason());
    }

    @Test
    void receiverChangesOnlyWhenTheSegmentArrives() {
        assertEquals(TcpState.LISTEN, server.at(0.99).state());
        assertEquals(TcpState.SYN_RECEIVED, server.at(1).state());
    }

    @Test
    void handshakeEndsWithBothSidesEstablishedAfterThreeSegments() {
        assertEquals(TcpState.ESTABLISHED, client.at(3).state());
        assertEquals(TcpState.ESTABLISHED, server.at(3).state());
        assertEquals(TcpState.SYN_RECEIVED, server.at(2.5).state());
    }

    @Test
    void fourSegmentCloseLeavesClientInTimeWaitAndServerClosed() {
        assertEquals(TcpState.FIN_WAIT_1, client.at(7.5).state());
        assertEquals(TcpState.CLOSE_WAIT, server.at(8).state());
        assertEquals(TcpState.FIN_WAIT_2, client.at(9).state());
        assertEquals(TcpState.LAST_ACK, server.at(9.5).state());
        assertEquals(TcpState.TIME_WAIT, client.at(10).state());
        assertEquals(TcpState.CLOSED, server.at(11).state());
    }

    @Test
    void changesAreListedOnlyWhenTheStateDiffers() {
        // client: SYN-SENT, ESTABLISHED, FIN-WAIT-1, FIN-WAIT-2, TIME-WAIT
        assertEquals(5, client.changes().size());
        // server: SYN-RECEIVED, ESTABLISHED, CLOSE-WAIT, LAST-ACK, CLOSED
        assertEquals(5, server.changes().size());
        assertEquals(1.0, server.changes().get(0).position());
        assertEquals(0.0, client.changes().get(0).position());
    }

    @Test
    void unknownStatesStayUnknownRatherThanClosed() {
        StateTimeline t = StateTimeline.of(TestLadders.alternating(5), Side.CLIENT);
        assertNull(t.at(3).state());
        assertEquals(0, t.changes().size());
    }
}
