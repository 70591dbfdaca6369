package org.tcpladder.app.viewmodel;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tcpladder.app.TestLadders;
import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.capture.state.RfcArc;
import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.tcp.Side;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which arcs the playhead's steps take, on the echo session: 0 SYN, 1 SYN,ACK, 2 ACK, 3–6 data, 7 the
 * client's FIN, 8 its ACK, 9 the server's FIN, 10 the last ACK.
 */
class StateDiagramViewModelTest {
    private final PlaybackViewModel playback = new PlaybackViewModel();
    private final LadderData echo = TestLadders.echo();
    private StateDiagramViewModel diagram;

    @BeforeEach
    void loadEcho() {
        playback.flightSecondsProperty().set(0);
        playback.load(echo);
        diagram = new StateDiagramViewModel(playback);
    }

    private StateDiagramViewModel.Position client() {
        return diagram.getHighlight().client();
    }

    private StateDiagramViewModel.Position server() {
        return diagram.getHighlight().server();
    }

    private StateDiagramViewModel.Move move(Side side) {
        return diagram.moveProperty(side).get();
    }

    @Test
    void beforeTheFirstSegmentTheInitialStatesAreHighlightedWithNoArc() {
        assertEquals(new StateDiagramViewModel.Position(TcpState.CLOSED, null), client());
        assertEquals(new StateDiagramViewModel.Position(TcpState.LISTEN, null), server());
        assertNull(move(Side.CLIENT));
        assertNull(move(Side.SERVER));
    }

    @Test
    void theSynTakesTheActiveOpenForTheClientAndRcvSynForTheServer() {
        playback.stepForward();
        assertEquals(new StateDiagramViewModel.Position(TcpState.SYN_SENT, RfcArc.ACTIVE_OPEN), client());
        assertEquals(new StateDiagramViewModel.Position(TcpState.SYN_RECEIVED, RfcArc.LISTEN_RECEIVE_SYN), server());
        assertSame(RfcArc.ACTIVE_OPEN, move(Side.CLIENT).arc());
        assertFalse(move(Side.CLIENT).reversed());
        assertSame(RfcArc.LISTEN_RECEIVE_SYN, move(Side.SERVER).arc());
    }

    @Test
    void eachStepOfTheHandshakeMovesOnlyTheSideWhoseStateChanged() {
        playback.stepForward();
        StateDiagramViewModel.Move serverAfterSyn = move(Side.SERVER);
        playback.stepForward();
        assertSame(RfcArc.SYN_SENT_RECEIVE_SYN_ACK, move(Side.CLIENT).arc(), "the SYN,ACK reached the client");
        assertSame(serverAfterSyn, move(Side.SERVER), "the server stays SYN-RECEIVED: no new move");
        playback.stepForward();
        assertSame(RfcArc.SYN_RECEIVED_RECEIVE_ACK, move(Side.SERVER).arc());
        assertEquals(TcpState.ESTABLISHED, client().state());
        assertEquals(TcpState.ESTABLISHED, server().state());
    }

    @Test
    void steppingBackUndoesTheArcItWentOver() {
        playback.seek(3);
        playback.stepBack();
        StateDiagramViewModel.Move undone = move(Side.SERVER);
        assertSame(RfcArc.SYN_RECEIVED_RECEIVE_ACK, undone.arc());
        assertTrue(undone.reversed());
        assertEquals(new StateDiagramViewModel.Position(TcpState.SYN_RECEIVED, RfcArc.LISTEN_RECEIVE_SYN), server());
    }

    @Test
    void aJumpAnimatesTheArcThatEndsInTheNewState() {
        playback.end();
        assertSame(RfcArc.FIN_WAIT_2_RECEIVE_FIN, move(Side.CLIENT).arc());
        assertSame(RfcArc.LAST_ACK_RECEIVE_ACK, move(Side.SERVER).arc());
        assertEquals(new StateDiagramViewModel.Position(TcpState.TIME_WAIT, RfcArc.FIN_WAIT_2_RECEIVE_FIN), client());
        assertEquals(new StateDiagramViewModel.Position(TcpState.CLOSED, RfcArc.LAST_ACK_RECEIVE_ACK), server());
        playback.home();
        assertSame(RfcArc.ACTIVE_OPEN, move(Side.CLIENT).arc(), "back to the start: the first arc undone");
        assertTrue(move(Side.CLIENT).reversed());
        assertSame(RfcArc.LISTEN_RECEIVE_SYN, move(Side.SERVER).arc());
        assertTrue(move(Side.SERVER).reversed());
    }

    @Test
    void theCloseTakesTheFiguresArcsOnBothSides() {
        playback.seek(8);
        assertEquals(new StateDiagramViewModel.Position(TcpState.FIN_WAIT_1, RfcArc.ESTABLISHED_CLOSE), client());
        assertEquals(new StateDiagramViewModel.Position(TcpState.CLOSE_WAIT, RfcArc.ESTABLISHED_RECEIVE_FIN), server());
        playback.seek(10);
        assertEquals(new StateDiagramViewModel.Position(TcpState.TIME_WAIT, RfcArc.FIN_WAIT_2_RECEIVE_FIN), client());
        assertEquals(new StateDiagramViewModel.Position(TcpState.LAST_ACK, RfcArc.CLOSE_WAIT_CLOSE), server());
    }

    @Test
    void clickingAStateOnlyOneSideIsInJumpsToWhereThatSideEnteredIt() {
        assertSame(Side.SERVER, diagram.jumpTo(TcpState.CLOSE_WAIT, null));
        assertEquals(8, playback.getPosition(), 1e-9, "the client's FIN (segment 7) has reached the server");
        assertSame(Side.CLIENT, diagram.jumpTo(TcpState.SYN_SENT, null));
        assertEquals(1, playback.getPosition(), 1e-9);
    }

    @Test
    void clickingAStateBothSidesAreInChoosesTheClient() {
        playback.seek(5);
        assertSame(Side.CLIENT, diagram.jumpTo(TcpState.ESTABLISHED, null));
        assertEquals(2, playback.getPosition(), 1e-9, "the client became ESTABLISHED when the SYN,ACK arrived");
    }

    @Test
    void clickingTheStateASideIsInGoesToWhereItEnteredItThisTime() {
        playback.seek(5);
        assertSame(Side.CLIENT, diagram.jumpTo(TcpState.CLOSED, false));
        assertEquals(0, playback.getPosition(), 1e-9, "the client was CLOSED from the start");
        playback.seek(9);
        assertSame(Side.SERVER, diagram.jumpTo(TcpState.CLOSE_WAIT, null));
        assertEquals(8, playback.getPosition(), 1e-9);
    }

    @Test
    void theBottomClosedIsWhereTheServerEndedAfterItsLastAck() {
        assertSame(Side.SERVER, diagram.jumpTo(TcpState.CLOSED, true),
                "the client starts in the top CLOSED; only the server reaches the bottom one");
        assertEquals(11, playback.getPosition(), 1e-9);
    }

    @Test
    void aStateNoSideIsEverInIsNoJump() {
        playback.seek(4);
        assertNull(diagram.jumpTo(TcpState.CLOSING, null));
        assertEquals(4, playback.getPosition(), 1e-9);
    }

    @Test
    void aLiveLadderThatGrowsIsFollowedWithoutMovingThePlayhead() {
        LadderData handshake = new LadderData(echo.client(), echo.server(), TcpState.CLOSED, TcpState.LISTEN,
                echo.segments().subList(0, 2), List.of(), null);
        playback.load(handshake);
        playback.end();
        assertEquals(TcpState.ESTABLISHED, client().state());
        assertEquals(TcpState.SYN_RECEIVED, server().state());
        StateDiagramViewModel.Move clientMove = move(Side.CLIENT);
        playback.update(new LadderData(echo.client(), echo.server(), TcpState.CLOSED, TcpState.LISTEN,
                echo.segments().subList(0, 3), List.of(), null));
        assertEquals(2, playback.getPosition(), 1e-9);
        assertSame(clientMove, move(Side.CLIENT), "growing data alone animates nothing");
        playback.stepForward();
        assertEquals(new StateDiagramViewModel.Position(TcpState.ESTABLISHED, RfcArc.SYN_RECEIVED_RECEIVE_ACK),
                server());
        assertSame(RfcArc.SYN_RECEIVED_RECEIVE_ACK, move(Side.SERVER).arc());
    }

    @Test
    void withoutDataNothingIsHighlighted() {
        playback.load(null);
        assertNull(client().state());
        assertNull(server().state());
        assertNull(diagram.jumpTo(TcpState.ESTABLISHED, null));
    }
}
