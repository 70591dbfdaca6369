package org.tcpladder.app.live;

import org.tcpladder.capture.live.FrameListener;
import org.tcpladder.capture.live.LiveCaptureException;
import org.tcpladder.capture.live.LoopbackDevice;
import org.tcpladder.capture.live.PortWatch;

/** How watching a port starts: {@link PortWatch} on the loopback interface (tests put in one that fails). */
@FunctionalInterface
public interface PortWatchStarter {
    PortWatchStarter LOOPBACK = (port, listener) -> PortWatch.start(LoopbackDevice.name(), port, listener);

    PortWatch start(int port, FrameListener listener) throws LiveCaptureException;
}
