package org.tcpladder.app.ladder;

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
        assertEquals("CLOSED", client.at(0).state());
        assertEquals("LISTEN", server.at(0).state());
        assertNull(client.at(0).lastChange());
    }

    @Test
    void senderChangesAsSoonAsItsSegmentLeaves() {
        assertEquals("SYN-SENT", client.at(0.01).state());
        assertEquals("connect() sent SYN", client.at(0.01).lastChange().reason());
    }

    @Test
    void receiverChangesOnlyWhenTheSegmentArrives() {
        assertEquals("LISTEN", server.at(0.99).state());
        assertEquals("SYN-RECEIVED", server.at(1).state());
    }

    @Test
    void handshakeEndsWithBothSidesEstablishedAfterThreeSegments() {
        assertEquals("ESTABLISHED", client.at(3).state());
        assertEquals("ESTABLISHED", server.at(3).state());
        assertEquals("SYN-RECEIVED", server.at(2.5).state());
    }

    @Test
    void fourSegmentCloseLeavesClientInTimeWaitAndServerClosed() {
        assertEquals("FIN-WAIT-1", client.at(7.5).state());
        assertEquals("CLOSE-WAIT", server.at(8).state());
        assertEquals("FIN-WAIT-2", client.at(9).state());
        assertEquals("LAST-ACK", server.at(9.5).state());
        assertEquals("TIME-WAIT", client.at(10).state());
        assertEquals("CLOSED", server.at(11).state());
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
