package org.tcpladder.capture.demo;

import java.io.IOException;

import org.tcpladder.capture.live.CaptureAccess;
import org.tcpladder.capture.live.CaptureRoute;
import org.tcpladder.capture.live.LiveCaptureException;
import org.tcpladder.capture.live.LoopbackDevice;

/**
 * Starts demo sessions. The capture route is chosen as the issue orders it: capture directly when this
 * process may (root, or Java holds CAP_NET_RAW); else, on Linux, run the whole session in a helper
 * process inside an unprivileged user and network namespace, which has a loopback interface of its own;
 * else fail with a {@link LiveCaptureException} whose message gives the exact remedy, after which the
 * caller may offer the recording of the same scenario ({@link RecordedSessions}, e.g. through
 * {@link #startOrPlay} with {@link RecordedSessions#PLAYER}).
 */
public final class DemoSessions {
    /** What to do instead when live capture is impossible, e.g. play a recorded session of the scenario. */
    @FunctionalInterface
    public interface RecordingPlayer {
        DemoSession play(DemoSettings settings, DemoListener listener, LiveCaptureException whyNotLive)
                throws IOException;
    }

    private DemoSessions() {
    }

    /**
     * Starts a session and returns once it is ready (capture open, server listening). In run mode it
     * plays at once; in step mode it waits for {@link DemoSession#proceed()} before each step.
     *
     * @throws LiveCaptureException when it cannot capture (NO_PERMISSION, NO_LIBPCAP, HELPER_FAILED),
     *                              with a message for the user
     * @throws IOException          when the loopback sockets cannot be made
     */
    public static DemoSession start(DemoSettings settings, DemoListener listener)
            throws LiveCaptureException, IOException {
        String device = LoopbackDevice.name();
        CaptureRoute route = settings.route() != null
                ? settings.route()
                : CaptureAccess.routeForDemo(device, settings.allowNamespace());
        if (route == CaptureRoute.USER_NAMESPACE) {
            return NamespacedDemoSession.start(settings, listener);
        }
        return LocalDemoSession.start(settings, listener, device);
    }

    /**
     * Like {@link #start}, but when live capture is not permitted or libpcap is missing, hands over to
     * {@code player} (which may show the reason and play a recording of the same scenario).
     */
    public static DemoSession startOrPlay(DemoSettings settings, DemoListener listener, RecordingPlayer player)
            throws LiveCaptureException, IOException {
        try {
            return start(settings, listener);
        } catch (LiveCaptureException e) {
            if (e.problem() == LiveCaptureException.Problem.NO_PERMISSION
                    || e.problem() == LiveCaptureException.Problem.NO_LIBPCAP) {
                return player.play(settings, listener, e);
            }
            throw e;
        }
    }
}
