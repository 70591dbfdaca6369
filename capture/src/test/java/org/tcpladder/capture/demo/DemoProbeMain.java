package org.tcpladder.capture.demo;

import java.time.Duration;

import org.tcpladder.capture.live.LiveCaptureException;
import org.tcpladder.capture.live.PortWatch;

/**
 * Run by the tests in a separate JVM (as an unprivileged user, or without libpcap): tries a demo session
 * or a port watch the way the program would, and prints what happened, one fact per line.
 */
public final class DemoProbeMain {
    private DemoProbeMain() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "demo";
        try {
            if (what.equals("watch")) {
                try (PortWatch w = PortWatch.start("lo", 9, p -> { })) {
                    System.out.println("watching");
                    System.out.println("stats " + w.stop());
                }
            } else {
                RecordingListener l = new RecordingListener();
                DemoSettings settings = DemoSettings.of(Scenario.byId(args.length > 1 ? args[1] : "echo"),
                        IpVersion.V4).withPause(Duration.ZERO);
                try (DemoSession s = DemoSessions.start(settings, l)) {
                    DemoOutcome o = s.awaitOutcome(Duration.ofSeconds(60));
                    System.out.println("route " + s.ready().route());
                    System.out.println("outcome " + (o == null ? "none" : o.status()));
                    System.out.println("frames " + l.frames.size());
                    System.out.println("flags " + l.significant());
                    System.out.println("events " + l.events.size());
                    System.out.println("last " + l.last());
                }
            }
        } catch (LiveCaptureException e) {
            System.out.println("problem " + e.problem());
            System.out.println("message " + e.getMessage());
        }
        System.out.flush();
        System.exit(0);
    }
}
