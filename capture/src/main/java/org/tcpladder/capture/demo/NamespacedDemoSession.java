package org.tcpladder.capture.demo;

import org.tcpladder.capture.live.LiveCaptureException;

final class NamespacedDemoSession {
    static DemoSession start(DemoSettings s, DemoListener l) throws LiveCaptureException {
        throw new LiveCaptureException(LiveCaptureException.Problem.HELPER_FAILED, "todo");
    }
}
