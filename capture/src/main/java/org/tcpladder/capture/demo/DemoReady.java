package org.tcpladder.capture.demo;

import org.tcpladder.capture.live.CaptureRoute;
import org.tcpladder.capture.source.TimePrecision;

/**
 * A session's setting once it is ready to run.
 *
 * @param route      how the capture is made (directly, or in a user namespace)
 * @param scenario   what is played
 * @param ipVersion  which loopback address
 * @param serverPort the server's port (for the refused scenario: the closed port the client tries)
 * @param device     capture interface
 * @param filter     BPF filter of the capture
 * @param linkType   LINKTYPE_ of the frames (1, Ethernet, on Linux's loopback)
 * @param precision  timestamp resolution
 * @param readyNs    wall-clock time when the session became ready (same clock as frames and events); for
 *                   a recording, when the recorded session became ready
 * @param recording  null for a live session; for a session played from a recording, when and where it
 *                   was made (then {@code route}, port, device and filter are those of the recording)
 */
public record DemoReady(CaptureRoute route, Scenario scenario, IpVersion ipVersion, int serverPort, String device,
                        String filter, int linkType, TimePrecision precision, long readyNs, RecordingInfo recording) {

    /** A live session's setting. */
    public DemoReady(CaptureRoute route, Scenario scenario, IpVersion ipVersion, int serverPort, String device,
                     String filter, int linkType, TimePrecision precision, long readyNs) {
        this(route, scenario, ipVersion, serverPort, device, filter, linkType, precision, readyNs, null);
    }

    /** Whether the session is played from a recording rather than captured now. */
    public boolean isRecording() {
        return recording != null;
    }
}
