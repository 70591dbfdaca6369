package org.tcpladder.capture.state;

import org.tcpladder.capture.tcp.Side;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcpladder.capture.state.Flow.C;
import static org.tcpladder.capture.state.Flow.S;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tcpladder.capture.tcp.SeqNum;
import org.tcpladder.capture.tcp.TcpFlags;
import org.tcpladder.capture.tcp.TcpOption;
import org.tcpladder.capture.tcp.TcpSegment;

/** The plain-language sentences: present for every kind of segment, change, anomaly and state. */
class NarrationTest {
    static final Narration EN = Narration.english();

    /** Every key the code can ask the bundle for. */
    static Set<String> keysInUse() {
        Set<String> keys = new TreeSet<>(SegmentStory.KEYS);
        keys.add(Narration.LIST_SEPARATOR);
        keys.add(Narration.SENTENCE_SEPARATOR);
        for (TransitionCause c : TransitionCause.values()) {
            keys.add(c.key());
        }
        // A FIN's sentence when a live session knows the application half-closed (Narration.HALF_CLOSE).
        keys.add(TransitionCause.SENT_FIN.key() + "." + Narration.HALF_CLOSE);
        keys.add(TransitionCause.SENT_FIN_AFTER_PEER.key() + "." + Narration.HALF_CLOSE);
        for (AnomalyKind k : AnomalyKind.values()) {
            keys.add(k.sentenceKey());
            keys.add(k.labelKey());
        }
        for (TcpState s : TcpState.values()) {
            keys.add("state." + s.name());
        }
        keys.add(Narration.ARC_LABEL);
        keys.add(Narration.ARC_LABEL_NO_ACTION);
        for (RfcArc a : RfcArc.ALL) {
            keys.add(a.eventKey());
            keys.add(a.actionKey());
        }
        for (Side s : Side.values()) {
            keys.add("side." + s.name());
        }
        keys.addAll(Narration.NAMED_KEYS.keySet());
        return keys;
    }

    /** All catalogue flows plus the rarer segments, narrated. */
    static List<SegmentAnalysis> narratedEverything() {
        List<SegmentAnalysis> all = new ArrayList<>();
        for (Catalogue.Scripted s : Catalogue.all()) {
            StateInference i = new StateInference(s.flow().client, s.flow().server, s.midStream());
            all.addAll(i.observeAll(s.flow().segments()));
        }
        all.addAll(rareSegments());
        return all;
    }

    static List<SegmentAnalysis> rareSegments() {
        List<SegmentAnalysis> out = new ArrayList<>();
        // A SYN asking for TCP Fast Open, and a bare RST that SYN-SENT ignores.
        Flow f = Flow.linux();
        f.send(C, TcpFlags.SYN, f.isn(C), new SeqNum(0), 0, 65495,
                List.of(new TcpOption.MaxSegmentSize(65495), new TcpOption.FastOpen(34, new byte[0])));
        f.bareRst(S, f.next(C));
        out.addAll(StateInference.analyzeAll(f.segments()));
        // A reset with the wrong sequence number, and a segment without the ACK bit.
        Flow g = Flow.linux();
        Catalogue.open(g);
        g.send(C, 0, g.next(C), new SeqNum(0), 0);
        g.send(S, TcpFlags.RST | TcpFlags.ACK, g.next(S).plus(1000), g.next(C), 0);
        out.addAll(StateInference.analyzeAll(g.segments()));
        // A SYN,ACK sent again: its first copy (or the ACK of it) was lost.
        Flow h = Flow.linux();
        h.syn();
        TcpSegment synAck = h.synAck();
        h.after(java.time.Duration.ofSeconds(1));
        h.resend(synAck);
        h.ack(C);
        out.addAll(StateInference.analyzeAll(h.segments()));
        return out;
    }

    @Nested
    class Bundle {
        @Test
        void everyKeyInUseExists() {
            Set<String> missing = new TreeSet<>(keysInUse());
            missing.removeAll(EN.keys());
            assertEquals(Set.of(), missing);
        }

        @Test
        void everyKeyInTheBundleIsInUse() {
            Set<String> unused = new TreeSet<>(EN.keys());
            unused.removeAll(keysInUse());
            assertEquals(Set.of(), unused);
        }

        @Test
        void everyArgumentIsWrittenByItsName() {
            for (String key : EN.keys()) {
                assertFalse(EN.text(key).matches("(?s).*\\{\\d.*"), key + " names its arguments: " + EN.text(key));
            }
            assertTrue(EN.text("segment.data").contains("{bytes,number,integer} bytes"));
        }

        @Test
        void everyPatternIsAValidMessageFormat() {
            for (String key : EN.keys()) {
                List<String> names = Narration.NAMED_KEYS.get(key);
                String pattern = names == null ? EN.text(key)
                        : NarrationPattern.numbered(EN.text(key), names.toArray(String[]::new), key);
                new MessageFormat(pattern, Locale.ENGLISH);
            }
        }

        @Test
        void everySegmentSentenceKindIsUsedByRealFlows() {
            Set<String> used = new TreeSet<>();
            for (SegmentAnalysis a : narratedEverything()) {
                for (Phrase p : a.phrases()) {
                    used.add(p.key());
                    for (Object arg : p.args()) {
                        if (arg instanceof List<?> list) {
                            list.forEach(x -> used.add(((Phrase) x).key()));
                        }
                    }
                }
            }
            Set<String> never = new TreeSet<>(SegmentStory.KEYS);
            never.removeAll(used);
            assertEquals(Set.of(), never);
            for (AnomalyKind k : AnomalyKind.values()) {
                if (k != AnomalyKind.KEEP_ALIVE && k != AnomalyKind.ZERO_WINDOW_PROBE) {
                    assertTrue(used.contains(k.sentenceKey()), k.name());
                }
            }
        }
    }

    @Nested
    class Segments {
        @Test
        void everySegmentOfEveryFlowIsNarratedInFullSentences() {
            for (SegmentAnalysis a : narratedEverything()) {
                String n = a.narration();
                assertFalse(n.isBlank(), a.toString());
                assertFalse(n.contains("{") || n.contains("null") || n.contains("?"), n);
                assertTrue(n.endsWith("."), n);
                assertEquals(a.phrases().size(), a.sentences().size());
            }
        }

        @Test
        void synExplainsItsIsnAndWhyTheFirstByteIsOneHigher() {
            Flow f = Flow.linux();
            String n = new Observer(f).see(f.syn()).narration();
            assertTrue(n.startsWith("The client opens the connection with a SYN. Its initial sequence number (ISN) is "
                    + "2546219410; the SYN itself uses that number up, so the client's first byte of data will be "
                    + "numbered 2546219411."), n);
            assertTrue(n.contains("a maximum segment size of 65,495 bytes, selective acknowledgments (SACK), "
                    + "timestamps, window scaling by 2^7 = 128"), n);
            assertTrue(n.contains("a SYN's window is never scaled"), n);
        }

        @Test
        void synAckExplainsItsAckAsTheClientIsnPlusOne() {
            Flow f = Flow.linux();
            Observer o = new Observer(f);
            o.see(f.syn());
            String n = o.see(f.synAck()).narration();
            assertTrue(n.startsWith("The server answers with SYN,ACK. Its own ISN is 1876543210. The acknowledgment "
                    + "number 2546219411 is the client's ISN 2546219410 plus one: the SYN used one sequence number"), n);
        }

        @Test
        void dataGivesItsSequenceRangeAbsoluteAndRelative() {
            Flow f = Flow.linux();
            Observer o = new Observer(f);
            o.see(f.syn());
            o.see(f.synAck());
            String ack = o.see(f.ack(C)).narration();
            assertTrue(ack.contains("three-way handshake is complete"), ack);
            assertTrue(ack.contains("multiplied by 2^7 = 128"), ack);
            String n = o.see(f.data(C, 100)).narration();
            assertTrue(n.startsWith("The client sends 100 bytes of data, sequence numbers 2546219411 to 2546219510 "
                    + "(relative 1 to 100), so the byte after them is numbered 2546219511."), n);
            String one = o.see(f.data(C, 1)).narration();
            assertTrue(one.startsWith("The client sends 1 byte of data"), one);
            String acked = o.see(f.ack(S)).narration();
            assertTrue(acked.contains("relative 102): 101 more bytes since its previous acknowledgment"), acked);
        }

        @Test
        void finAndItsAckExplainTheOneSequenceNumberAFinUses() {
            Flow f = Flow.linux();
            Observer o = new Observer(f);
            Catalogue.open(f);
            f.segments().forEach(o::see);
            SeqNum finSeq = f.next(C);
            String fin = o.see(f.fin(C)).narration();
            assertTrue(fin.contains("The FIN uses sequence number " + finSeq.value() + ", so the server will "
                    + "acknowledge it with " + finSeq.plus(1).value()), fin);
            String ack = o.see(f.ack(S)).narration();
            assertTrue(ack.contains("because a FIN uses one sequence number"), ack);
        }

        @Test
        void numbersFollowTheRelativeOrAbsoluteModeLikeTheArrows() {
            Flow f = Flow.linux();
            Observer o = new Observer(f);
            o.see(f.syn());
            o.see(f.synAck());
            o.see(f.ack(C));
            SegmentAnalysis data = o.see(f.data(C, 5));
            long isn = f.isn(C).value();
            assertTrue(data.narration(NumberMode.ABSOLUTE).contains("sequence numbers " + (isn + 1) + " to " + (isn + 5)),
                    data.narration(NumberMode.ABSOLUTE));
            assertTrue(data.narration(NumberMode.RELATIVE).contains("sequence numbers 1 to 5"),
                    data.narration(NumberMode.RELATIVE));
            assertTrue(data.narration(NumberMode.RELATIVE).contains("numbered 6"), data.narration(NumberMode.RELATIVE));
            String ack = o.see(f.ack(S)).narration(NumberMode.RELATIVE);
            assertTrue(ack.contains("before 6 (relative 6)"), ack);
        }

        @Test
        void refusalExplainsThePortAndTheAck() {
            Flow f = Flow.linux();
            Observer o = new Observer(f);
            o.see(f.syn());
            String n = o.see(f.refuse(S)).narration();
            assertTrue(n.startsWith("Nobody listens on port 9000: the kernel answers RST."), n);
        }
    }

    @Nested
    class Transitions {
        @Test
        void everyCauseNamesTheSideTheStatesAndTheRule() {
            for (TransitionCause c : TransitionCause.values()) {
                StateTransition t = new StateTransition(Side.SERVER, TcpState.CLOSE_WAIT, TcpState.LAST_ACK, 12,
                        0, c, -1);
                String n = EN.transition(t);
                assertTrue(n.contains("server"), n);
                assertTrue(n.contains("RFC 9293 \u00a7" + c.rfcSection()), n);
                assertTrue(n.contains("CLOSE-WAIT") && n.contains("LAST-ACK"), n);
            }
        }

        @Test
        void realTransitionReadsNaturally() {
            Flow f = Flow.linux();
            StateTransition t = new Observer(f).see(f.syn()).transitions().get(0);
            assertEquals("The client sent its SYN and waits for an answer: CLOSED \u2192 SYN-SENT "
                    + "(RFC 9293 \u00a73.10.1, OPEN).", EN.transition(t));
        }
    }

    @Nested
    class StatesAndLabels {
        @Test
        void everyStateHasADescription() {
            for (TcpState s : TcpState.values()) {
                assertTrue(EN.stateDescription(s).length() > 20, s.name());
            }
        }

        @Test
        void labelsUseWiresharksNames() {
            assertEquals("TCP Retransmission", EN.anomalyLabel(Anomaly.of(AnomalyKind.RETRANSMISSION)));
            assertEquals("TCP Dup ACK 1234#2", EN.anomalyLabel(Anomaly.duplicateAck(2, 1234)));
            assertEquals("TCP Previous segment not captured",
                    EN.anomalyLabel(Anomaly.of(AnomalyKind.PREVIOUS_SEGMENT_NOT_CAPTURED)));
        }
    }

    @Nested
    class Languages {
        @Test
        void aSecondLanguageNeedsOnlyANewBundle() {
            Narration xx = Narration.forLocale(Locale.forLanguageTag("xx"));
            assertEquals("KLIENT", xx.sideName(Side.CLIENT));
            assertEquals("XX LISTEN", xx.stateDescription(TcpState.LISTEN));
            assertEquals(EN.sideName(Side.SERVER), xx.sideName(Side.SERVER), "missing keys fall back to English");
            Flow f = Flow.linux();
            StateInference i = new StateInference(f.client, f.server, false, StateInference.LINUX_TIME_WAIT, xx);
            assertTrue(i.observe(f.syn()).narration().startsWith("The KLIENT opens"));
        }

        @Test
        void unknownLanguageIsEnglishWhateverTheDefaultLocale() {
            Locale saved = Locale.getDefault();
            try {
                Locale.setDefault(Locale.forLanguageTag("xx"));
                assertEquals("client", Narration.forLocale(Locale.GERMAN).sideName(Side.CLIENT));
            } finally {
                Locale.setDefault(saved);
            }
        }
    }
}
