package org.tcpladder.app;

import org.tcpladder.app.demo.SyntheticEchoSession;
import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.app.ladder.LadderSegment;
import org.tcpladder.capture.tcp.Endpoint;
import org.tcpladder.capture.tcp.SeqNum;
import org.tcpladder.capture.tcp.TcpFlags;
import org.tcpladder.capture.tcp.TcpOption;
import org.tcpladder.capture.tcp.TcpSegment;

import java.util.ArrayList;
import java.util.List;

/** Ladders for tests: the demo echo session, and long synthetic ones. */
public final class TestLadders {
    public static final Messages TEXT = Messages.load();
    public static final Endpoint CLIENT = new Endpoint(new byte[]{127, 0, 0, 1}, 54018);
    public static final Endpoint SERVER = new Endpoint(new byte[]{127, 0, 0, 1}, 9000);

    private TestLadders() {
    }

    public static LadderData echo() {
        return SyntheticEchoSession.build(TEXT, false);
    }

    /** {@code n} pure ACKs alternating direction, 1 ms apart, no states. */
    public static LadderData alternating(int n) {
        List<LadderSegment> segments = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            segments.add(LadderSegment.of(segment(i + 1, i * 1_000_000L, i % 2 == 0, TcpFlags.ACK, 1000 + i, 0))
                    .relative(i, 0).build());
        }
        return new LadderData(CLIENT, SERVER, null, null, segments, List.of(), null);
    }

    public static TcpSegment segment(long index, long timeNs, boolean fromClient, int flags, long seq, long ack,
                                     TcpOption... options) {
        return new TcpSegment(index, timeNs, fromClient ? CLIENT : SERVER, fromClient ? SERVER : CLIENT,
                SeqNum.of(seq), SeqNum.of(ack), flags, 512, 0, 0, 0, 0, List.of(options), null);
    }
}
