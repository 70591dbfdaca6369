package org.tcpladder.app.live;

import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.capture.conn.CaptureIndex;
import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.demo.DemoListener;
import org.tcpladder.capture.demo.DemoOutcome;
import org.tcpladder.capture.demo.DemoSession;
import org.tcpladder.capture.demo.DemoSessions;
import org.tcpladder.capture.demo.DemoSettings;
import org.tcpladder.capture.demo.IpVersion;
import org.tcpladder.capture.demo.Scenario;
import org.tcpladder.capture.demo.SocketEvent;
import org.tcpladder.capture.live.CaptureRoute;
import org.tcpladder.capture.source.RawPacket;
import org.tcpladder.capture.state.Narration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One real echo session over loopback, captured directly and played without pauses, its frames
 * indexed and its ladder built the way Start does it, once, in the background when the program
 * starts. A first Start otherwise pays for the JVM loading and compiling the socket, capture and
 * analysis code (a few hundred classes) before its first arrow. The session runs on its own
 * ephemeral port and its capture filter sees only that port, so it disturbs nothing else; no one
 * sees its result.
 */
final class SessionWarmUp {
    /** Longer than a pause-free echo takes (a few tens of ms); short of holding the warm-up up. */
    private static final Duration LIMIT = Duration.ofSeconds(5);

    private SessionWarmUp() {
    }

    /**
     * @return the segments of the session's ladder (10 or 11 for the echo, as its close goes)
     * @throws Exception whatever starting the session throws (no libpcap, no privilege)
     */
    static int run(CaptureRoute route) throws Exception {
        DemoSettings settings = DemoSettings.of(Scenario.ECHO_CLIENT_CLOSES_FIRST, IpVersion.V4)
                .withMode(DemoSettings.Mode.RUN).withPause(Duration.ZERO).withRoute(route);
        FrameBuffer frames = new FrameBuffer();
        List<SocketEvent> events = new ArrayList<>();
        DemoListener listener = new DemoListener() {
            @Override
            public void frame(RawPacket packet) {
                frames.frame(packet);
            }

            @Override
            public void socketEvent(SocketEvent event) {
                synchronized (events) {
                    events.add(event);
                }
            }
        };
        try (DemoSession session = DemoSessions.start(settings, listener)) {
            CaptureIndex index = frames.attach(() -> new CaptureIndex(session.store(), session.ready().precision()));
            DemoOutcome outcome = session.awaitOutcome(LIMIT);
            if (outcome == null) {
                session.stop();
            }
            synchronized (frames) {
                List<Connection> all = List.copyOf(index.connections());
                if (all.isEmpty()) {
                    return 0;
                }
                List<SocketEvent> seen;
                synchronized (events) {
                    seen = List.copyOf(events);
                }
                LadderData data = LiveLadder.of(index, all.get(0), LiveLadder.eventsOf(all, 0, seen),
                        Narration.english());
                for (int i = 0; i < data.size(); i++) {
                    data.segment(i).narration();
                }
                return data.size();
            }
        }
    }
}
