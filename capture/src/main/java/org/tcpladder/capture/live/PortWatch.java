package org.tcpladder.capture.live;

/**
 * Watching a port: every TCP segment to or from one port on one interface, captured live until
 * {@link #stop()}, for as long as one likes: a snap length ({@link LiveCaptureOptions#WATCH_SNAPLEN}
 * unless told otherwise), batched reads, a large kernel buffer, and frames beyond a memory budget in a
 * temporary pcapng file ({@link FrameStore#spillFile()}). Needs the direct route (root or CAP_NET_RAW);
 * see {@link CaptureAccess#checkForWatch}.
 */
public final class PortWatch implements AutoCloseable {
    private final LiveCapture capture;

    private PortWatch(LiveCapture capture) {
        this.capture = capture;
    }

    /**
     * Starts watching; frames go to {@code listener} on the capture thread as they arrive.
     *
     * @param device an interface name, e.g. {@link LoopbackDevice#name()}
     * @throws LiveCaptureException with the user-facing reason and remedy
     */
    public static PortWatch start(String device, int port, FrameListener listener) throws LiveCaptureException {
        PortWatch watch = open(device, port);
        watch.start(listener);
        return watch;
    }

    /**
     * Opens the capture without starting it, so that its link type and precision are known before the
     * first frame arrives; matching packets are buffered from here on. Then {@link #start(FrameListener)}.
     *
     * @throws LiveCaptureException with the user-facing reason and remedy
     */
    public static PortWatch open(String device, int port) throws LiveCaptureException {
        return open(LiveCaptureOptions.watchPort(device, port, LiveCaptureOptions.WATCH_SNAPLEN,
                LiveCaptureOptions.WATCH_MEMORY_BUDGET));
    }

    /**
     * As {@link #open(String, int)}, with options of one's own (from {@link LiveCaptureOptions#watchPort}).
     *
     * @throws LiveCaptureException with the user-facing reason and remedy
     */
    public static PortWatch open(LiveCaptureOptions options) throws LiveCaptureException {
        String device = options.device();
        try {
            return new PortWatch(LiveCapture.open(options));
        } catch (LiveCaptureException e) {
            if (e.problem() == LiveCaptureException.Problem.NO_PERMISSION) {
                throw CaptureAccess.noPermission(device, e,
                        "(a private network namespace cannot help here: it would not see this machine's traffic)");
            }
            throw e;
        }
    }

    /** Starts an {@link #open}ed watch: frames go to {@code listener} on the capture thread. */
    public void start(FrameListener listener) {
        capture.start(listener);
    }

    /** The capture underneath: link type, precision, the store to read payloads back from. */
    public LiveCapture capture() {
        return capture;
    }

    /** Ends the watch (promptly, even if nothing ever arrived) and reports what was captured. */
    public CaptureStats stop() {
        return capture.stop();
    }

    @Override
    public void close() {
        capture.close();
    }
}
