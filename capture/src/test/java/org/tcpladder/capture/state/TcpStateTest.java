package org.tcpladder.capture.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

class TcpStateTest {

    @Test
    void displayNamesAreTheRfcs() {
        assertEquals("SYN-SENT", TcpState.SYN_SENT.displayName());
        assertEquals("SYN-RECEIVED", TcpState.SYN_RECEIVED.toString());
        assertEquals("FIN-WAIT-1", TcpState.FIN_WAIT_1.toString());
        assertEquals("TIME-WAIT", TcpState.TIME_WAIT.toString());
        for (TcpState s : TcpState.values()) {
            assertEquals(s.name().replace('_', '-'), s.displayName());
        }
    }

    @Test
    void synchronizedStatesAreEstablishedAndLater() {
        assertEquals(EnumSet.range(TcpState.ESTABLISHED, TcpState.TIME_WAIT),
                EnumSet.copyOf(java.util.Arrays.stream(TcpState.values()).filter(TcpState::isSynchronized).toList()));
        assertFalse(TcpState.SYN_RECEIVED.isSynchronized());
    }

    @Test
    void finPredicatesFollowTheCloseSequence() {
        assertTrue(TcpState.FIN_WAIT_2.hasSentFin());
        assertFalse(TcpState.FIN_WAIT_2.hasReceivedFin());
        assertTrue(TcpState.CLOSE_WAIT.hasReceivedFin());
        assertFalse(TcpState.CLOSE_WAIT.hasSentFin());
        assertTrue(TcpState.CLOSING.hasSentFin() && TcpState.CLOSING.hasReceivedFin());
        assertTrue(TcpState.LAST_ACK.hasSentFin() && TcpState.LAST_ACK.hasReceivedFin());
        assertTrue(TcpState.TIME_WAIT.hasSentFin() && TcpState.TIME_WAIT.hasReceivedFin());
        assertFalse(TcpState.ESTABLISHED.hasSentFin() || TcpState.ESTABLISHED.hasReceivedFin());
    }

    @Test
    void dataMayBeSentOnlyWhileTheOwnSideIsOpen() {
        assertEquals(EnumSet.of(TcpState.ESTABLISHED, TcpState.CLOSE_WAIT),
                EnumSet.copyOf(java.util.Arrays.stream(TcpState.values()).filter(TcpState::maySendData).toList()));
    }

    @Test
    void openingAndNoConnectionStates() {
        assertTrue(TcpState.SYN_SENT.isOpening());
        assertTrue(TcpState.SYN_RECEIVED.isOpening());
        assertFalse(TcpState.LISTEN.isOpening());
        assertTrue(TcpState.LISTEN.hasNoConnection());
        assertTrue(TcpState.CLOSED.hasNoConnection());
        assertFalse(TcpState.TIME_WAIT.hasNoConnection());
    }

    @Test
    void namesAsSsPrintsThemAreUnderstood() {
        assertEquals(TcpState.ESTABLISHED, TcpState.fromName("ESTAB"));
        assertEquals(TcpState.SYN_RECEIVED, TcpState.fromName("SYN-RECV"));
        assertEquals(TcpState.TIME_WAIT, TcpState.fromName("TIME-WAIT"));
        assertEquals(TcpState.CLOSE_WAIT, TcpState.fromName("CLOSE-WAIT"));
        assertEquals(TcpState.FIN_WAIT_2, TcpState.fromName("FIN-WAIT-2"));
        assertEquals(TcpState.CLOSED, TcpState.fromName("UNCONN"));
        assertNull(TcpState.fromName("BOGUS"));
    }
}
