package org.tcpladder.capture.live;

/**
 * Live capture cannot start. The message is written for the user and says what to do about it
 * (install libpcap, grant the capability, pick another interface); {@link #problem()} lets the program
 * react, e.g. by offering to play a recording instead.
 */
public final class LiveCaptureException extends Exception {
    /** The command that grants Java the capture capability once (it survives restarts, not JDK updates). */
    public static final String SETCAP_REMEDY = "sudo setcap cap_net_raw,cap_net_admin=eip $(readlink -f $(which java))";
    public static final String LIBPCAP_REMEDY = "sudo apt-get install libpcap0.8";

    public enum Problem {
        /** libpcap cannot be loaded. */
        NO_LIBPCAP,
        /** Not allowed to capture, and no other route (user namespace) either. */
        NO_PERMISSION,
        /** No such interface. */
        NO_DEVICE,
        /** The BPF filter does not compile. */
        BAD_FILTER,
        /** The helper process that captures in a user namespace failed. */
        HELPER_FAILED,
        /** Anything else libpcap reports. */
        OTHER
    }

    private final Problem problem;

    public LiveCaptureException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public LiveCaptureException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    static LiveCaptureException noLibpcap(Throwable cause) {
        String why = cause.getMessage() == null ? cause.toString() : cause.getMessage().lines().findFirst().orElse("");
        return new LiveCaptureException(Problem.NO_LIBPCAP,
                "Live capture needs libpcap, which cannot be loaded (" + why + "). Install it: "
                        + LIBPCAP_REMEDY + " (opening capture files works without it).", cause);
    }
}
