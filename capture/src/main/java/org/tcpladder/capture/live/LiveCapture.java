package org.tcpladder.capture.live;

import java.sql.Timestamp;
import java.util.concurrent.atomic.AtomicLong;

import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.PcapStat;
import org.pcap4j.core.RawPacketListener;
import org.tcpladder.capture.source.RawPacket;
import org.tcpladder.capture.source.TimePrecision;

/**
 * A live capture on one interface through libpcap (pcap4j): immediate mode (each frame is handed over
 * as it arrives, not when a buffer fills), not promiscuous, nanosecond timestamps where libpcap offers
 * them. Frames are pushed to a {@link FrameListener} from a capture thread and copied into a
 * {@link FrameStore}.
 *
 * <p>Why a thread running {@code pcap_loop} and not a pull-style {@code next()}: asking libpcap for
 * "the next packet" blocks for as long as nothing arrives, and nothing may ever arrive. The loop is
 * ended with {@code pcap_breakloop}, which libpcap 1.10 on Linux makes wake the waiting thread at once;
 * for older libpcap the poll timeout ({@link LiveCaptureOptions#pollMillis()}) bounds the wait, since
 * {@code pcap_loop} looks at the break flag each time a wait times out. So {@link #stop()} returns
 * promptly even when no packet ever came.
 *
 * <p>The handle is activated and the filter set in {@link #open}: from then on the kernel buffers
 * matching packets, so traffic started right after {@code open} is not missed even if
 * {@link #start} comes a little later.
 */
public final class LiveCapture implements AutoCloseable {
    private final PcapHandle handle;
    private final LiveCaptureOptions options;
    private final int linkType;
    private final TimePrecision precision;
    private final FrameStore store;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong notKept = new AtomicLong();
    private long number;
    private FrameListener listener;
    private Thread thread;
    private volatile boolean stopping;
    private volatile Throwable listenerFailure;
    private volatile String endReason;
    private CaptureStats finalStats;

    private LiveCapture(PcapHandle handle, LiveCaptureOptions options, TimePrecision precision) {
        this.handle = handle;
        this.options = options;
        this.precision = precision;
        this.linkType = handle.getDlt().value();
        this.store = new FrameStore(options.storeLimitBytes());
    }

    /**
     * Opens the interface and sets the filter; matching packets are buffered from here on.
     *
     * @throws LiveCaptureException NO_LIBPCAP, NO_PERMISSION, NO_DEVICE, BAD_FILTER or OTHER, with a
     *                              message for the user
     */
    public static LiveCapture open(LiveCaptureOptions options) throws LiveCaptureException {
        try {
            PcapHandle handle;
            TimePrecision precision = TimePrecision.NANO;
            try {
                handle = build(options, PcapHandle.TimestampPrecision.NANO);
            } catch (PcapNativeException e) {
                if (e.getReturnCode() == null || e.getReturnCode() != PCAP_ERROR_TSTAMP_PRECISION_NOTSUP) {
                    throw e;
                }
                handle = build(options, PcapHandle.TimestampPrecision.MICRO);
                precision = TimePrecision.MICRO;
            }
            if (handle.getTimestampPrecision() == PcapHandle.TimestampPrecision.MICRO) {
                precision = TimePrecision.MICRO;
            }
            if (!options.filter().isEmpty()) {
                try {
                    handle.setFilter(options.filter(), BpfProgram.BpfCompileMode.OPTIMIZE);
                } catch (PcapNativeException | NotOpenException e) {
                    handle.close();
                    throw new LiveCaptureException(LiveCaptureException.Problem.BAD_FILTER,
                            "The capture filter '" + options.filter() + "' is not valid: " + e.getMessage(), e);
                }
            }
            return new LiveCapture(handle, options, precision);
        } catch (PcapNativeException e) {
            throw classify(options.device(), e);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            // pcap4j binds libpcap when its native mappings class initialises: a missing library shows
            // as UnsatisfiedLinkError the first time, NoClassDefFoundError every time after.
            throw LiveCaptureException.noLibpcap(e);
        }
    }

    /** pcap_activate's codes (pcap/pcap.h). */
    static final int PCAP_ERROR_NO_SUCH_DEVICE = -5;
    static final int PCAP_ERROR_PERM_DENIED = -8;
    static final int PCAP_ERROR_IFACE_NOT_UP = -9;
    static final int PCAP_ERROR_TSTAMP_PRECISION_NOTSUP = -12;

    private static PcapHandle build(LiveCaptureOptions o, PcapHandle.TimestampPrecision tsPrecision)
            throws PcapNativeException {
        return new PcapHandle.Builder(o.device())
                .snaplen(o.snaplen())
                .promiscuousMode(PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS)
                .timeoutMillis(o.pollMillis())
                .bufferSize(o.bufferBytes())
                .immediateMode(true)
                .timestampPrecision(tsPrecision)
                .build();
    }

    private static LiveCaptureException classify(String device, PcapNativeException e) {
        Integer rc = e.getReturnCode();
        String m = e.getMessage() == null ? "" : e.getMessage();
        if ((rc != null && rc == PCAP_ERROR_PERM_DENIED) || m.contains("Operation not permitted")
                || m.contains("ermission")) {
            return new LiveCaptureException(LiveCaptureException.Problem.NO_PERMISSION,
                    "Capturing on " + device + " needs the CAP_NET_RAW privilege, which this program does not have ("
                            + m + "). Run it as root, or give Java the capability once: "
                            + LiveCaptureException.SETCAP_REMEDY, e);
        }
        if ((rc != null && rc == PCAP_ERROR_NO_SUCH_DEVICE) || m.contains("No such device")) {
            return new LiveCaptureException(LiveCaptureException.Problem.NO_DEVICE,
                    "There is no network interface called '" + device + "' (" + m + ").", e);
        }
        if (rc != null && rc == PCAP_ERROR_IFACE_NOT_UP) {
            return new LiveCaptureException(LiveCaptureException.Problem.NO_DEVICE,
                    "The network interface '" + device + "' is down.", e);
        }
        return new LiveCaptureException(LiveCaptureException.Problem.OTHER,
                "Cannot capture on " + device + ": " + m, e);
    }

    /** Starts the capture thread; frames go to {@code listener} from now on. */
    public synchronized void start(FrameListener frameListener) {
        if (thread != null || finalStats != null) {
            throw new IllegalStateException("already started");
        }
        this.listener = frameListener;
        thread = new Thread(this::loop, "live-capture-" + options.device());
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            handle.loop(-1, (RawPacketListener) this::onFrame);
        } catch (InterruptedException e) {
            // pcap_breakloop: the normal way to end.
        } catch (PcapNativeException | NotOpenException e) {
            if (!stopping) {
                endReason = "capture failed: " + e.getMessage();
            }
        }
    }

    private void onFrame(byte[] data) {
        if (stopping) {
            return;
        }
        Timestamp ts = handle.getTimestamp();
        Integer original = handle.getOriginalLength();
        // Timestamp.getTime() already includes the milliseconds of getNanos(): take whole seconds only.
        long timeNs = Math.floorDiv(ts.getTime(), 1000L) * 1_000_000_000L + ts.getNanos();
        RawPacket p = store.append(++number, timeNs, linkType, original == null ? data.length : original,
                data, 0, data.length);
        if (p == null) {
            notKept.incrementAndGet();
            if (endReason == null) {
                endReason = "stopped: the " + (store.limit() >> 20) + " MiB kept in memory for this capture are full";
            }
            breakLoopQuietly();
            return;
        }
        delivered.incrementAndGet();
        try {
            listener.frame(p);
        } catch (RuntimeException | Error e) {
            if (listenerFailure == null) {
                listenerFailure = e;
            }
        }
    }

    private void breakLoopQuietly() {
        try {
            handle.breakLoop();
        } catch (NotOpenException e) {
            // already closed: nothing to break
        }
    }

    /**
     * Ends the capture and closes the interface: returns within about {@link LiveCaptureOptions#pollMillis()}
     * whether or not packets are arriving. Idempotent; the store stays readable until {@link #close()}.
     */
    public synchronized CaptureStats stop() {
        if (finalStats != null) {
            return finalStats;
        }
        stopping = true;
        if (thread != null) {
            breakLoopQuietly();
            joinCaptureThread(10L * options.pollMillis() + 1000);
        }
        long received = 0;
        long dropped = 0;
        long droppedIf = 0;
        if (thread == null || !thread.isAlive()) {
            try {
                PcapStat s = handle.getStats();
                received = s.getNumPacketsReceived();
                dropped = s.getNumPacketsDropped();
                droppedIf = s.getNumPacketsDroppedByIf();
            } catch (PcapNativeException | NotOpenException | RuntimeException e) {
                // Statistics are informative only; a handle that cannot give them still closes.
            }
            handle.close();
        }
        finalStats = new CaptureStats(delivered.get(), received, dropped, droppedIf, notKept.get());
        return finalStats;
    }

    /** Waits for the capture thread to leave pcap_loop; an interrupt does not cut the wait short. */
    private void joinCaptureThread(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        boolean interrupted = false;
        while (thread.isAlive()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                thread.join(Math.max(1, left / 1_000_000L));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops (if still running) and releases the stored frames. */
    @Override
    public void close() {
        stop();
        store.close();
    }

    public String device() {
        return options.device();
    }

    public String filter() {
        return options.filter();
    }

    /** LINKTYPE_ of the interface's frames (1, Ethernet, for Linux's loopback). */
    public int linkType() {
        return linkType;
    }

    public TimePrecision precision() {
        return precision;
    }

    public FrameStore store() {
        return store;
    }

    public long framesDelivered() {
        return delivered.get();
    }

    /** Why the capture ended by itself (memory limit, libpcap error), or null. */
    public String endReason() {
        return endReason;
    }

    /** The first exception a listener threw, or null. */
    public Throwable listenerFailure() {
        return listenerFailure;
    }
}
