package org.tcpladder.app.live;

import org.tcpladder.capture.demo.DemoSettings;
import org.tcpladder.capture.live.CaptureAccess;
import org.tcpladder.capture.live.CaptureRoute;
import org.tcpladder.capture.live.LiveCaptureException;
import org.tcpladder.capture.live.LoopbackDevice;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How this program captures demo sessions (directly, or in a user namespace), found out once in the
 * background when the program starts instead of on every Start: finding out opens the loopback
 * interface (and loads libpcap the first time, half a second), which would otherwise delay the first
 * arrow of every session. When it cannot capture at all, nothing is remembered and Start reports why.
 * The same thread then warms up what a session's first segments go through ({@link SessionWarmUp},
 * {@link AnalysisWarmUp}).
 */
public final class DemoRoute {
    private static volatile CaptureRoute known;
    /** Counted down when the whole warm-up (route and analysis) is over, whatever its result. */
    private static final CountDownLatch warm = new CountDownLatch(1);
    /** Counted down when finding out the route is over; never counted down if no probe was started. */
    private static final CountDownLatch routeFound = new CountDownLatch(1);
    private static volatile boolean probing;
    /** How long a Start waits for a probe under way: longer than loading libpcap, short of hanging. */
    private static final long WAIT_FOR_PROBE_MS = 3000;

    private DemoRoute() {
    }

    /**
     * Starts finding out, on a background thread; once per program (a second call does nothing), as
     * early as possible: libpcap loads while JavaFX starts.
     */
    public static synchronized void probeInBackground() {
        if (probing) {
            return;
        }
        probing = true;
        Thread t = new Thread(() -> {
            try {
                known = CaptureAccess.routeForDemo(LoopbackDevice.name(), true);
            } catch (LiveCaptureException | RuntimeException | LinkageError e) {
                // Start will try again and show the user why it cannot capture.
            } finally {
                routeFound.countDown();
            }
            try {
                warmUp(known);
            } finally {
                warm.countDown();
            }
        }, "demo-route-probe");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /**
     * Runs what a first session runs, so that the first Start does not wait for the JVM to load and
     * compile it: a real session when capture is direct; otherwise (a session in a namespace is a
     * process of its own, nothing to warm here) made-up frames through the analysis and the ladder.
     */
    private static void warmUp(CaptureRoute route) {
        try {
            if (route == CaptureRoute.DIRECT && SessionWarmUp.run(route) > 0) {
                return;
            }
        } catch (Exception | LinkageError e) {
            // Only a warm-up: fall back to the part that needs no capture.
        }
        try {
            AnalysisWarmUp.run();
        } catch (RuntimeException e) {
            // Only a warm-up: the real session does the same work anyway.
        }
    }

    /**
     * Waits until the background warm-up ({@link #probeInBackground()}) is over (benchmarks measure a
     * warm Start).
     *
     * @return whether it was over within {@code millis}
     */
    public static boolean awaitWarmUp(long millis) throws InterruptedException {
        return warm.await(millis, TimeUnit.MILLISECONDS);
    }

    /**
     * {@code settings} with the known route, so that the session need not probe again. Off the FX thread:
     * a Start clicked while the probe is still under way waits for it rather than load libpcap and open
     * the interface a second time alongside it (which made the first click of a fresh program the slowest).
     */
    static DemoSettings apply(DemoSettings settings) {
        if (probing && settings.route() == null) {
            try {
                routeFound.await(WAIT_FOR_PROBE_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        CaptureRoute r = known;
        return r == null || settings.route() != null ? settings : settings.withRoute(r);
    }
}
