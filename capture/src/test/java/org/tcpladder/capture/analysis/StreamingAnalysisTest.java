package org.tcpladder.capture.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.tcpladder.capture.testing.Conversation.ACK;
import static org.tcpladder.capture.testing.Conversation.FIN;
import static org.tcpladder.capture.testing.Conversation.PSH;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpladder.capture.conn.CaptureIndex;
import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.decode.LinkTypes;
import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.testing.Conversation;
import org.tcpladder.capture.testing.PcapWriter;

/** Segments are handed out as soon as their states are final, and not before. */
class StreamingAnalysisTest {
    @TempDir
    Path dir;

    private List<String> drain(StreamingAnalysis s) {
        List<String> out = new ArrayList<>();
        for (AnalysedSegment a; (a = s.poll()) != null; ) {
            out.add(a.position() + " " + a.clientState() + "/" + a.serverState());
        }
        return out;
    }

    @Test
    void aSynOrFinIsHeldUntilItsReceiverShowsItArrived() throws Exception {
        List<byte[]> f = Conversation.frames();
        Conversation.of(f, 54018, 9000).handshake(100, 900).client(PSH | ACK, 101, 901, "hi")
                .client(FIN | ACK, 103, 901).server(ACK, 901, 104);
        try (CaptureIndex index = CaptureIndex.load(PcapWriter.write(dir.resolve("f.pcap"), LinkTypes.ETHERNET, f))) {
            Connection c = index.connection(0);
            StreamingAnalysis s = StreamingAnalysis.of(c);
            s.add(c.segment(0));
            assertEquals(List.of(), drain(s), "the SYN has not been seen to arrive");
            assertEquals(1, s.heldCount());
            s.add(c.segment(1));
            assertEquals(List.of("0 SYN-SENT/SYN-RECEIVED"), drain(s), "the SYN,ACK answers it, and is in flight itself");
            s.add(c.segment(2));
            assertEquals(List.of("1 ESTABLISHED/SYN-RECEIVED", "2 ESTABLISHED/ESTABLISHED"), drain(s));
            s.add(c.segment(3));
            assertEquals(List.of("3 ESTABLISHED/ESTABLISHED"), drain(s), "data alone is final at once");
            s.add(c.segment(4));
            assertNull(s.poll(), "the FIN waits for the server");
            s.add(c.segment(5));
            assertEquals(List.of("4 FIN-WAIT-1/CLOSE-WAIT", "5 FIN-WAIT-2/CLOSE-WAIT"), drain(s));
        }
    }

    @Test
    void theServerIsListenOnlyOnceItsSynAckShowsItAndLiveStatesAreRevisedThen() throws Exception {
        List<byte[]> f = Conversation.frames();
        Conversation.of(f, 54018, 9000).handshake(100, 900);
        try (CaptureIndex index = CaptureIndex.load(PcapWriter.write(dir.resolve("f.pcap"), LinkTypes.ETHERNET, f))) {
            Connection c = index.connection(0);
            StreamingAnalysis s = StreamingAnalysis.of(c);
            s.add(c.segment(0));
            assertEquals(TcpState.CLOSED, s.statesAt(c.segment(0).timeNs()).server(), "no sign of a listener yet");
            s.add(c.segment(1));
            assertEquals(TcpState.LISTEN, s.statesAt(c.segment(0).timeNs() - 1).server(),
                    "the SYN,ACK shows it listened before the SYN came");
            assertEquals(List.of("0 SYN-SENT/SYN-RECEIVED"), drain(s));
        }
    }

    @Test
    void aRefusedSynLeavesTheServerClosedThroughout() throws Exception {
        List<byte[]> f = Conversation.frames();
        Conversation.of(f, 54018, 9000).client(Conversation.SYN, 100, 0).server(Conversation.RST | ACK, 0, 101);
        try (CaptureIndex index = CaptureIndex.load(PcapWriter.write(dir.resolve("f.pcap"), LinkTypes.ETHERNET, f))) {
            Connection c = index.connection(0);
            StreamingAnalysis s = StreamingAnalysis.of(c);
            s.add(c.segment(0));
            s.add(c.segment(1));
            assertEquals(List.of("0 SYN-SENT/CLOSED", "1 CLOSED/CLOSED"), drain(s));
        }
    }

    @Test
    void finishReleasesAFinNobodyAnswered() throws Exception {
        List<byte[]> f = Conversation.frames();
        Conversation.of(f, 54018, 9000).handshake(100, 900).client(FIN | ACK, 101, 901);
        try (CaptureIndex index = CaptureIndex.load(PcapWriter.write(dir.resolve("f.pcap"), LinkTypes.ETHERNET, f))) {
            Connection c = index.connection(0);
            StreamingAnalysis s = StreamingAnalysis.of(c);
            for (int i = 0; i < c.segmentCount(); i++) {
                s.add(c.segment(i));
            }
            assertEquals(3, drain(s).size());
            s.finish();
            assertEquals(List.of("3 FIN-WAIT-1/ESTABLISHED"), drain(s), "no sign the FIN arrived");
        }
    }
}
