package org.tcpladder.app.live;

import org.tcpladder.capture.demo.DemoListener;
import org.tcpladder.capture.demo.DemoSession;
import org.tcpladder.capture.demo.DemoSessions;
import org.tcpladder.capture.demo.DemoSettings;
import org.tcpladder.capture.demo.RecordedSessions;
import org.tcpladder.capture.live.LiveCaptureException;

import java.io.IOException;

/**
 * How a demo session is started: live with {@link DemoSessions#start} (tests put in one that fails), or
 * from the recording of the same scenario shipped with the program, when live capture is impossible.
 */
@FunctionalInterface
public interface DemoStarter {
    DemoStarter REAL = DemoSessions::start;
    /** Plays the recording of the scenario ({@link RecordedSessions}): no privilege needed, labelled as one. */
    DemoStarter RECORDING = RecordedSessions::play;

    DemoSession start(DemoSettings settings, DemoListener listener) throws LiveCaptureException, IOException;
}
