package org.tcpladder.capture.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcpladder.capture.testing.Conversation.ACK;
import static org.tcpladder.capture.testing.Conversation.PSH;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpladder.capture.analysis.ConnectionAnalysis;
import org.tcpladder.capture.conn.CaptureIndex;
import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.decode.LinkTypes;
import org.tcpladder.capture.state.Narration;
import org.tcpladder.capture.testing.Conversation;
import org.tcpladder.capture.testing.PcapWriter;

/** A 100,000-segment connection leaves as text line by line: the text is never held whole. */
class StreamingExportTest {
    private static final int EXCHANGES = 50_000;

    @TempDir
    Path dir;

    @Test
    void hundredThousandSegmentsLeaveAsTheyAreWritten() throws IOException {
        List<byte[]> f = Conversation.frames();
        Conversation c = Conversation.of(f, 40000, 80);
        c.handshake(100, 900);
        long seq = 101;
        for (int i = 0; i < EXCHANGES - 2; i++) {
            c.client(PSH | ACK, seq, 901, "ab");
            seq += 2;
            c.server(ACK, 901, seq);
        }
        Path file = PcapWriter.write(dir.resolve("long.pcap"), LinkTypes.ETHERNET, f);
        f.clear();
        try (CaptureIndex index = CaptureIndex.load(file)) {
            Connection conn = index.connections().get(0);
            int segments = conn.segmentCount();
            assertTrue(segments >= 99_999, "segments " + segments);
            ConnectionAnalysis analysis = ConnectionAnalysis.of(conn, conn.endNs());
            Counting sink = new Counting();
            int[] stepsWritten = {0};
            LadderWriter text = TextFormat.TEXT.writer(sink, ExportWords.english());
            LadderWriter watched = new LadderWriter() {
                @Override
                public void begin(LadderHeading h) throws IOException {
                    text.begin(h);
                }

                @Override
                public void segment(LadderStep s) throws IOException {
                    text.segment(s);
                    stepsWritten[0]++;
                    if (sink.lines == 1000) {
                        sink.stepsWhenThousandLines = stepsWritten[0];
                    }
                }

                @Override
                public void end(LadderEnd e) throws IOException {
                    text.end(e);
                }
            };
            LadderExport.of(analysis, ExportOptions.defaults(), Narration.english(), ExportWords.english())
                    .writeTo(watched);
            assertEquals(segments, stepsWritten[0]);
            // heading, empty line, column heads, initial states, then one line per segment
            assertEquals(segments + 4, sink.lines);
            assertTrue(sink.stepsWhenThousandLines > 0 && sink.stepsWhenThousandLines < 1000,
                    "the thousandth line left while segment " + sink.stepsWhenThousandLines + " was written");
            assertTrue(sink.longestWrite < 200, "written a line at a time, longest " + sink.longestWrite);
        }
    }

    /** Counts what arrives without keeping it. */
    static final class Counting implements Appendable {
        int lines;
        int stepsWhenThousandLines;
        int longestWrite;

        @Override
        public Appendable append(CharSequence s) {
            longestWrite = Math.max(longestWrite, s.length());
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == '\n') {
                    lines++;
                }
            }
            return this;
        }

        @Override
        public Appendable append(CharSequence s, int start, int end) {
            return append(s.subSequence(start, end));
        }

        @Override
        public Appendable append(char ch) {
            if (ch == '\n') {
                lines++;
            }
            return this;
        }
    }
}
