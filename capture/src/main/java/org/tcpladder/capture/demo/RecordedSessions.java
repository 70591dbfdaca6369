package org.tcpladder.capture.demo;

import java.io.IOException;

/**
 * Plays the recordings shipped with the program: for every {@link Scenario} over IPv4 and IPv6, a real
 * capture of the scenario made by the program itself ({@link RecordingMaker}), with its socket calls and
 * the kernel's view of both sockets. This is the third route, for when live capture is not
 * possible (no CAP_NET_RAW, no user namespace, no libpcap): the session plays through the same
 * {@link DemoListener} calls as a live one, and its {@link DemoReady#recording()} and
 * {@link DemoOutcome#recording()} say that it is a recording and when it was made, so that it can be
 * labelled as one everywhere. It needs no privilege and no libpcap.
 *
 * <p>Of the settings, the scenario and the IP version choose the recording, and the mode and pause
 * set the pace ({@link RecordedSession}); the payload, sizes, ports and timeouts are the recording's.
 */
public final class RecordedSessions {
    /** For {@link DemoSessions#startOrPlay}: plays the recording of the same scenario. */
    public static final DemoSessions.RecordingPlayer PLAYER = (settings, listener, whyNotLive) -> play(settings, listener);

    private RecordedSessions() {
    }

    /**
     * Starts playing the recording of the settings' scenario and IP version; returns at once (the
     * listener hears {@code ready} first, on the session's thread).
     *
     * @throws IOException when there is no such recording (a custom script has none) or it cannot be read
     */
    public static DemoSession play(DemoSettings settings, DemoListener listener) throws IOException {
        if (settings.customScript() != null) {
            throw new IOException("there is no recording of a custom script");
        }
        RecordedSession s = new RecordedSession(Recording.load(settings.scenario(), settings.ipVersion()), settings,
                listener);
        s.start();
        return s;
    }

    /** Whether the program ships a recording of this scenario over this IP version. */
    public static boolean available(Scenario scenario, IpVersion ip) {
        return Recording.exists(scenario, ip);
    }

    /** When and where the recording of this scenario was made, without playing it. */
    public static RecordingInfo info(Scenario scenario, IpVersion ip) throws IOException {
        try (Recording r = Recording.load(scenario, ip)) {
            return r.info();
        }
    }
}
