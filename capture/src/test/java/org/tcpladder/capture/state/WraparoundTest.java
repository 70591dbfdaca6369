package org.tcpladder.capture.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcpladder.capture.state.Flow.C;
import static org.tcpladder.capture.state.Flow.S;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tcpladder.capture.tcp.SeqNum;

/** A connection whose sequence numbers pass 2^32: states, findings and numbers must not notice. */
class WraparoundTest {

    @Test
    void wholeConnectionAcrossTheWrapEndsLikeAnyOther() {
        Flow f = Catalogue.wraparound(new Flow(4_294_966_296L, 4_294_967_000L, 41999));
        Observer o = new Observer(f);
        f.segments().forEach(o::see);
        o.states(TcpState.TIME_WAIT, TcpState.CLOSED);
        long findings = o.results.stream().filter(a -> !a.anomalies().isEmpty()).count();
        assertEquals(1, findings, "only the deliberate retransmission");
    }

    @Test
    void finAfterTheWrapIsAcknowledgedWithItsNumberPlusOne() {
        Flow f = new Flow(4_294_967_290L, 1000L);
        Observer o = new Observer(f);
        Catalogue.open(f);
        f.segments().forEach(o::see);
        o.see(f.data(C, 10));
        SeqNum finSeq = f.next(C);
        assertTrue(finSeq.value() < 10, "the FIN sits just past 2^32");
        o.see(f.fin(C));
        SegmentAnalysis ack = o.see(f.ack(S));
        assertEquals(finSeq.plus(1), ack.segment().ack());
        o.states(TcpState.FIN_WAIT_2, TcpState.CLOSE_WAIT);
        assertTrue(ack.narration().contains(Long.toString(finSeq.value())), ack.narration());
    }

    @Test
    void relativeNumbersKeepCountingPastTheWrap() {
        Flow f = new Flow(4_294_967_200L, 1000L);
        Observer o = new Observer(f);
        Catalogue.open(f);
        f.segments().forEach(o::see);
        o.see(f.data(C, 200));
        SegmentAnalysis second = o.see(f.data(C, 200));
        assertEquals(201, second.relativeSeq());
        assertTrue(second.segment().seq().value() < 200, "absolute number has wrapped");
        List<String> sentences = second.sentences();
        assertTrue(sentences.get(0).contains("(relative 201 to 400)"), sentences.get(0));
    }

    @Test
    void resetAfterTheWrapIsMatchedExactly() {
        Flow f = new Flow(4_294_967_290L, 4_294_967_295L);
        Observer o = new Observer(f);
        Catalogue.open(f);
        f.segments().forEach(o::see);
        o.see(f.data(S, 30));
        o.see(f.ack(C));
        o.see(f.rst(S));
        o.states(TcpState.CLOSED, TcpState.CLOSED);
    }
}
