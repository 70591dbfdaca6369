package org.tcpladder.capture.state;

import org.tcpladder.capture.tcp.Side;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcpladder.capture.state.Flow.C;
import static org.tcpladder.capture.state.Flow.S;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tcpladder.capture.tcp.Endpoint;
import org.tcpladder.capture.tcp.TcpSegment;

/** The public surface: what callers may rely on besides the flows. */
class StateInferenceApiTest {

    @Test
    void segmentOfAnotherConnectionIsRejected() {
        Flow f = Flow.linux();
        Flow other = new Flow(1, 2, 60000);
        StateInference i = new StateInference(f.client, f.server, false);
        TcpSegment stranger = other.syn();
        assertThrows(IllegalArgumentException.class, () -> i.observe(stranger));
    }

    @Test
    void clientAndServerMustDiffer() {
        Flow f = Flow.linux();
        assertThrows(IllegalArgumentException.class, () -> new StateInference(f.client, f.client, false));
    }

    @Test
    void transitionsCannotBeChangedByCallers() {
        Flow f = Flow.linux();
        StateInference i = new StateInference(f.client, f.server, false);
        i.observe(f.syn());
        assertThrows(UnsupportedOperationException.class, () -> i.transitions().clear());
        assertThrows(UnsupportedOperationException.class, () -> i.observe(f.synAck()).transitions().clear());
    }

    @Test
    void everySegmentTransitionIsAlsoInTheWholeList() {
        Flow f = Catalogue.normalOpenAndClose(Flow.linux());
        StateInference i = new StateInference(f.client, f.server, false);
        List<SegmentAnalysis> results = i.observeAll(f.segments());
        List<StateTransition> joined = results.stream().flatMap(a -> a.transitions().stream()).toList();
        assertEquals(i.transitions(), joined);
        assertEquals(10, joined.size());
    }

    @Test
    void analyzeAllOfNothingIsNothing() {
        assertEquals(List.of(), StateInference.analyzeAll(List.of()));
    }

    @Test
    void analyzeAllTakesTheReceiverOfALoneSynAckAsClient() {
        Flow f = Flow.linux();
        f.skip(C, 1);
        f.synAck();
        f.ack(C);
        List<SegmentAnalysis> all = StateInference.analyzeAll(f.segments());
        assertEquals(S, all.get(0).sender());
        assertTrue(all.get(0).assumed());
        assertEquals(TcpState.ESTABLISHED, all.get(1).clientState());
    }

    @Test
    void ipv6ConnectionsWorkTheSame() {
        byte[] loop6 = new byte[16];
        loop6[15] = 1;
        Flow f = Catalogue.normalOpenAndClose(new Flow(new Endpoint(loop6, 51000), new Endpoint(loop6, 9000),
                123456789L, 987654321L));
        StateInference i = new StateInference(f.client, f.server, false);
        i.observeAll(f.segments());
        assertEquals(TcpState.TIME_WAIT, i.clientState());
        assertEquals(TcpState.CLOSED, i.serverState());
    }

    @Test
    void stateBySideMatchesTheNamedAccessors() {
        Flow f = Flow.linux();
        StateInference i = new StateInference(f.client, f.server, false);
        SegmentAnalysis a = i.observe(f.syn());
        assertEquals(i.clientState(), i.state(Side.CLIENT));
        assertEquals(i.serverState(), i.state(Side.SERVER));
        assertEquals(a.clientState(), a.state(Side.CLIENT));
        assertEquals(f.client, i.client());
        assertEquals(f.server, i.server());
    }
}
