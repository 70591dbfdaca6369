package org.tcpladder.app.live;

import org.tcpladder.capture.demo.DemoListener;
import org.tcpladder.capture.demo.DemoSession;
import org.tcpladder.capture.demo.DemoSessions;
import org.tcpladder.capture.demo.DemoSettings;
import org.tcpladder.capture.live.LiveCaptureException;

import java.io.IOException;

/** How a live demo session is started: {@link DemoSessions#start} (tests put in one that fails). */
@FunctionalInterface
public interface DemoStarter {
    DemoStarter REAL = DemoSessions::start;

    DemoSession start(DemoSettings settings, DemoListener listener) throws LiveCaptureException, IOException;
}
