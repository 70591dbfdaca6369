package org.tcpladder.app.live;

import org.tcpladder.capture.live.FrameListener;
import org.tcpladder.capture.live.LiveCaptureException;
import org.tcpladder.capture.live.LiveCaptureOptions;
import org.tcpladder.capture.live.LoopbackDevice;
import org.tcpladder.capture.live.PortWatch;

/** How watching a port starts: {@link PortWatch} on the loopback interface (tests put in one that fails). */
@FunctionalInterface
public interface PortWatchStarter {
    PortWatchStarter LOOPBACK = new PortWatchStarter() {
        @Override
        public PortWatch start(int port, FrameListener listener) throws LiveCaptureException {
            return PortWatch.start(LoopbackDevice.name(), port, listener);
        }

        @Override
        public PortWatch start(int port, int snaplen, FrameListener listener) throws LiveCaptureException {
            PortWatch w = PortWatch.open(LiveCaptureOptions.watchPort(LoopbackDevice.name(), port, snaplen,
                    LiveCaptureOptions.WATCH_MEMORY_BUDGET));
            w.start(listener);
            return w;
        }
    };

    PortWatch start(int port, FrameListener listener) throws LiveCaptureException;

    /** With a snap length (0: whole frames); a starter that cannot choose one starts as it does. */
    default PortWatch start(int port, int snaplen, FrameListener listener) throws LiveCaptureException {
        return start(port, listener);
    }
}
