package org.tcpladder.capture.live;

/**
 * Decides how this program may capture, in the order: directly (root or CAP_NET_RAW); else,
 * for a demo session on Linux, inside an unprivileged user and network namespace; else not at all,
 * with a message that gives the exact remedy.
 */
public final class CaptureAccess {
    private CaptureAccess() {
    }

    /**
     * Checks that this process can capture on {@code device} by opening and closing it.
     *
     * @throws LiveCaptureException NO_LIBPCAP, NO_PERMISSION, NO_DEVICE or OTHER
     */
    public static void checkDirect(String device) throws LiveCaptureException {
        LiveCaptureOptions probe = new LiveCaptureOptions(device, "", 128, 1 << 16,
                LiveCaptureOptions.POLL_MILLIS, 1 << 16);
        try (LiveCapture capture = LiveCapture.open(probe)) {
            capture.stop();
        }
    }

    /**
     * The route for a demo session on the loopback interface {@code device}.
     *
     * @param allowNamespace false to refuse the namespace route (the user may have turned it off)
     * @throws LiveCaptureException NO_PERMISSION (with the remedy) when neither route works; NO_LIBPCAP
     *                              when libpcap is missing (a namespace would not help)
     */
    public static CaptureRoute routeForDemo(String device, boolean allowNamespace) throws LiveCaptureException {
        try {
            checkDirect(device);
            return CaptureRoute.DIRECT;
        } catch (LiveCaptureException e) {
            if (e.problem() != LiveCaptureException.Problem.NO_PERMISSION) {
                throw e;
            }
            String why = allowNamespace ? UserNamespace.unavailableReason() : "turned off";
            if (why == null) {
                return CaptureRoute.USER_NAMESPACE;
            }
            throw noPermission(device, e, "and running the session in a private network namespace is not possible either ("
                    + why + ")");
        }
    }

    /**
     * For watching a port: only the direct route, because a namespace sees none of this machine's traffic.
     */
    public static void checkForWatch(String device) throws LiveCaptureException {
        try {
            checkDirect(device);
        } catch (LiveCaptureException e) {
            if (e.problem() != LiveCaptureException.Problem.NO_PERMISSION) {
                throw e;
            }
            throw noPermission(device, e, "(a private network namespace cannot help here: it would not see this machine's traffic)");
        }
    }

    static LiveCaptureException noPermission(String device, LiveCaptureException direct, String alsoTried) {
        Throwable pcap = direct.getCause();
        String detail = pcap != null && pcap.getMessage() != null ? pcap.getMessage() : direct.getMessage();
        return new LiveCaptureException(LiveCaptureException.Problem.NO_PERMISSION,
                "Capturing on " + device + " needs the CAP_NET_RAW privilege, which this program does not have ("
                        + detail + "), " + alsoTried + ". To capture, run as root or give Java the capability once: "
                        + LiveCaptureException.SETCAP_REMEDY
                        + " . Without it you can still open a capture file or play a recorded session.",
                direct);
    }
}
