package org.tcpladder.capture.live;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

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
 * A live capture on one interface through libpcap (pcap4j): not promiscuous, nanosecond timestamps
 * where libpcap offers them; in immediate mode (a demo: each frame handed over as it arrives) or in
 * batches (watching a busy port: the kernel fills blocks and wakes the capture once per block or poll
 * timeout). Two threads, so that the one reading the kernel's buffer never waits for analysis:
 * <ul>
 *   <li>the capture thread runs {@code pcap_loop} and does nothing per frame but copy it, with its
 *       timestamp, into the {@link FrameStore};</li>
 *   <li>the delivery thread follows the store and hands each frame to the {@link FrameListener}
 *       (decoding, analysis, printing). It may fall behind in a burst: the frames wait in the store
 *       (in memory, or in its spill file), none is lost for it, and {@link #stop()} returns only when
 *       every frame kept has been delivered.</li>
 * </ul>
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
 *
 * <p>Nothing is lost silently: frames the kernel dropped (its buffer was full) are in
 * {@link #stats()}, frames this program could not keep are {@link CaptureStats#notKept()}, and a
 * capture that ends by itself says why ({@link #endReason()}).
 */
public final class LiveCapture implements AutoCloseable {
    private final PcapHandle handle;
    private final LiveCaptureOptions options;
    private final int linkType;
    private final TimePrecision precision;
    private final FrameStore store;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong notKept = new AtomicLong();
    private FrameListener listener;
    private Thread thread;
    private Thread delivery;
    private volatile boolean deliveryWaiting;
    private volatile boolean captureEnded;
    private volatile boolean stopping;
    private volatile Throwable listenerFailure;
    private volatile String endReason;
    private final Object statsLock = new Object();
    private volatile CaptureStats finalStats;

    private LiveCapture(PcapHandle handle, LiveCaptureOptions options, TimePrecision precision, FrameStore store) {
        this.handle = handle;
        this.options = options;
        this.precision = precision;
        this.linkType = handle.getDlt().value();
        this.store = store;
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
            FrameStore store;
            try {
                store = options.spillDirectory() == null ? new FrameStore(options.storeLimitBytes())
                        : FrameStore.spilling(options.storeLimitBytes(),
                        Files.createTempFile(options.spillDirectory(), "tcpladder-watch-", ".pcapng"),
                        handle.getDlt().value(), options.snaplen(), precision);
            } catch (IOException e) {
                handle.close();
                throw new LiveCaptureException(LiveCaptureException.Problem.OTHER, "Cannot create the file for "
                        + "frames beyond the memory budget in " + options.spillDirectory() + ": " + e.getMessage(), e);
            }
            return new LiveCapture(handle, options, precision, store);
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
                .immediateMode(o.immediate())
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

    /** Starts the capture and delivery threads; frames go to {@code listener} from now on. */
    public synchronized void start(FrameListener frameListener) {
        if (thread != null || finalStats != null) {
            throw new IllegalStateException("already started");
        }
        this.listener = frameListener;
        delivery = new Thread(this::deliver, "live-delivery-" + options.device());
        delivery.setDaemon(true);
        delivery.start();
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
        } finally {
            captureEnded = true;
            LockSupport.unpark(delivery);
        }
    }

    /** On the capture thread: store the frame, nothing else (see the class comment). */
    private void onFrame(byte[] data) {
        if (stopping) {
            return;
        }
        Timestamp ts = handle.getTimestamp();
        Integer original = handle.getOriginalLength();
        // Timestamp.getTime() already includes the milliseconds of getNanos(): take whole seconds only.
        long timeNs = Math.floorDiv(ts.getTime(), 1000L) * 1_000_000_000L + ts.getNanos();
        FrameStore.Put put = store.put(timeNs, original == null ? data.length : original, data, 0, data.length);
        if (put != FrameStore.Put.KEPT) {
            notKept.incrementAndGet();
            if (put == FrameStore.Put.FULL && endReason == null) {
                endReason = "stopped: the " + (store.limit() >> 20) + " MiB kept in memory for this capture are full";
                breakLoopQuietly();
            } else if (put == FrameStore.Put.FAILED && endReason == null) {
                endReason = "stopped: " + (store.failure() != null ? store.failure() : "the capture's frames were released");
                breakLoopQuietly();
            }
            return;
        }
        if (deliveryWaiting) {
            LockSupport.unpark(delivery);
        }
    }

    /** On the delivery thread: every frame kept, in order, to the listener, until the capture has ended. */
    private void deliver() {
        long next = store.firstBlockOffset();
        long handed = 0;
        while (true) {
            long kept = store.frameCount();
            if (handed < kept) {
                for (; handed < kept; handed++) {
                    RawPacket p = new RawPacket();
                    try {
                        next = store.readFrame(next, p);
                    } catch (IOException e) {
                        if (endReason == null) {
                            endReason = "stopped: a kept frame could not be read back (" + e.getMessage() + ")";
                        }
                        breakLoopQuietly();
                        return;
                    }
                    p.number = handed + 1;
                    p.linkType = linkType;
                    delivered.incrementAndGet();
                    try {
                        listener.frame(p);
                    } catch (RuntimeException | Error e) {
                        if (listenerFailure == null) {
                            listenerFailure = e;
                        }
                    }
                }
                continue;
            }
            if (captureEnded) {
                if (store.frameCount() == handed) {
                    return;
                }
                continue;
            }
            deliveryWaiting = true;
            if (store.frameCount() == handed && !captureEnded) {
                LockSupport.parkNanos(DELIVERY_NAP_NS);
            }
            deliveryWaiting = false;
        }
    }

    /** The longest the delivery thread sleeps before looking at the store again without being woken. */
    private static final long DELIVERY_NAP_NS = 50_000_000L;

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
            join(thread, 10L * options.pollMillis() + 1000);
            if (!thread.isAlive()) {
                // every frame kept reaches the listener before stop returns, however far behind it is
                join(delivery, 0);
            }
        }
        CaptureStats kernel = CaptureStats.NONE;
        if (thread == null || !thread.isAlive()) {
            synchronized (statsLock) {
                kernel = kernelStats();
                handle.close();
            }
        }
        finalStats = new CaptureStats(delivered.get(), kernel.receivedByFilter(), kernel.droppedByKernel(),
                kernel.droppedByInterface(), notKept.get());
        return finalStats;
    }

    /**
     * The counts so far, while the capture runs (libpcap's pcap_stats, read from any thread); after
     * {@link #stop()}, the final ones.
     */
    public CaptureStats stats() {
        CaptureStats done = finalStats;
        if (done != null) {
            return done;
        }
        CaptureStats kernel;
        synchronized (statsLock) {
            kernel = handle.isOpen() ? kernelStats() : CaptureStats.NONE;
        }
        return new CaptureStats(delivered.get(), kernel.receivedByFilter(), kernel.droppedByKernel(),
                kernel.droppedByInterface(), notKept.get());
    }

    private CaptureStats kernelStats() {
        try {
            PcapStat s = handle.getStats();
            return new CaptureStats(0, s.getNumPacketsReceived(), s.getNumPacketsDropped(),
                    s.getNumPacketsDroppedByIf(), 0);
        } catch (PcapNativeException | NotOpenException | RuntimeException e) {
            // Statistics are informative only; a handle that cannot give them still closes.
            return CaptureStats.NONE;
        }
    }

    /** Waits for a thread to end (0: for as long as it takes); an interrupt does not cut the wait short. */
    private static void join(Thread thread, long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        boolean interrupted = false;
        while (thread.isAlive()) {
            long left = millis == 0 ? 1_000_000_000L : deadline - System.nanoTime();
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

    /** Bytes kept of each frame. */
    public int snaplen() {
        return options.snaplen();
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
