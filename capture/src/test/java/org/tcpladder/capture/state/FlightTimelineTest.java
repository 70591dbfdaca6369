package org.tcpladder.capture.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcpladder.capture.state.Flow.C;
import static org.tcpladder.capture.state.Flow.S;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.tcpladder.capture.tcp.Side;

/** The flights of every scripted flow: losses only where a copy was sent with nothing showing the first arrived. */
class FlightTimelineTest {

    static FlightTimeline timeline(Flow f, boolean midStream) {
        StateInference inference = new StateInference(f.client, f.server, midStream);
        FlightTimeline t = new FlightTimeline();
        for (SegmentAnalysis a : inference.observeAll(f.segments())) {
            t.add(a);
        }
        t.finish();
        return t;
    }

    @Test
    void theCatalogueLosesSegmentsOnlyWhereTheyWereSentAgainUnanswered() {
        Map<String, String> lost = new TreeMap<>();
        for (Catalogue.Scripted s : Catalogue.all()) {
            FlightTimeline t = timeline(s.flow(), s.midStream());
            List<String> here = new ArrayList<>();
            for (int i = 0; i < t.size(); i++) {
                if (t.lost(i)) {
                    here.add(i + ":" + t.loss(i).evidence() + ">" + t.retransmittedBy(i));
                }
            }
            if (!here.isEmpty()) {
                lost.put(s.name(), String.join(" ", here));
            }
        }
        assertEquals(Map.of(
                "lost SYN retransmitted", "0:SYN_UNANSWERED>[1]",
                "wraparound", "15:NEVER_ACKNOWLEDGED>[16]",
                "retransmission", "3:NEVER_ACKNOWLEDGED>[4]",
                "fast retransmission", "4:SACK_AROUND>[11]",
                "out-of-order", "6:NEVER_ACKNOWLEDGED>[7]"), lost);
    }

    @Test
    void aDsackForTheCopyWithdrawsTheLossOfTheFirst() {
        // The first copy arrived but its ACK was lost beyond the capture point: the timer sends it again,
        // and the receiver reports the bytes received twice (RFC 2883).
        Flow f = Flow.linux();
        Catalogue.open(f);
        org.tcpladder.capture.tcp.TcpSegment first = f.data(C, 100);
        f.afterMs(300);
        f.resend(first);
        f.ackWithSack(S, f.next(C), new org.tcpladder.capture.tcp.TcpOption.SackBlock(first.seq(), first.seq().plus(100)));
        FlightTimeline t = timeline(f, false);
        assertEquals(3, t.retransmissionOf(4));
        for (int i = 0; i < t.size(); i++) {
            assertNotNull(t.arrival(i), "segment " + i + " arrived");
        }
        assertNull(t.loss(3));
    }

    @Test
    void aSpuriousRetransmissionNamesItsOriginalButLosesNothing() {
        FlightTimeline t = timeline(Catalogue.spuriousRetransmission(Flow.linux()), false);
        assertEquals(3, t.retransmissionOf(5));
        assertEquals(List.of(5), t.retransmittedBy(3));
        for (int i = 0; i < t.size(); i++) {
            assertNotNull(t.arrival(i), "segment " + i);
        }
    }

    @Test
    void crossingFinsArriveAfterTheOtherSideSentItsOwn() {
        FlightTimeline t = timeline(Catalogue.simultaneousClose(Flow.linux()), false);
        int clientFin = -1;
        int serverFin = -1;
        Flow f = Catalogue.simultaneousClose(Flow.linux());
        for (int i = 0; i < f.segments().size(); i++) {
            if (f.segments().get(i).has(org.tcpladder.capture.tcp.TcpFlags.FIN)) {
                if (t.sender(i) == Side.CLIENT) {
                    clientFin = i;
                } else {
                    serverFin = i;
                }
            }
        }
        // The server's FIN left before the client's arrived, and the other way round: the X.
        assertTrue(t.departure(serverFin).order() < t.arrival(clientFin).order());
        assertTrue(t.departure(clientFin).order() < t.arrival(serverFin).order());
        assertTrue(t.arrival(clientFin).timeNs() >= t.departure(serverFin).timeNs(),
                "the arrival is dated no earlier than the departure it follows");
        assertTrue(t.departure(clientFin).step() < t.departure(serverFin).step());
        assertTrue(t.departure(serverFin).step() < t.arrival(clientFin).step(), "one order of both sides' events");
    }

    @Test
    void aLostSegmentHasNoArrivalAndItsReceiversOrderSkipsIt() {
        Flow f = Catalogue.retransmission(Flow.linux());
        FlightTimeline t = timeline(f, false);
        assertNull(t.arrival(3));
        for (SegmentEvent e : t.events(Side.SERVER)) {
            assertTrue(e.position() != 3 || e.kind() == SegmentEvent.Kind.DEPARTURE, e.toString());
        }
        List<SegmentEvent> server = t.events(Side.SERVER);
        for (int k = 0; k < server.size(); k++) {
            assertEquals(k, server.get(k).order());
        }
        assertEquals(C, t.sender(3));
        assertEquals(S, t.arrival(4).side());
    }
}
