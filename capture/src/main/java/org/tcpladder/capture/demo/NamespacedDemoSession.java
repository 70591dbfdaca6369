package org.tcpladder.capture.demo;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.tcpladder.capture.live.CaptureRoute;
import org.tcpladder.capture.live.CaptureStats;
import org.tcpladder.capture.live.FrameStore;
import org.tcpladder.capture.live.LiveCaptureException;
import org.tcpladder.capture.live.LiveCaptureOptions;
import org.tcpladder.capture.live.UserNamespace;
import org.tcpladder.capture.source.ByteStore;
import org.tcpladder.capture.source.RawPacket;

/**
 * A demo session run by a helper process ({@link DemoHelperMain}) inside an unprivileged user and
 * network namespace, for when this process may not capture. Frames come back over the helper's
 * standard output and are kept in this process's own {@link FrameStore}; the listener is called on
 * the one thread that reads the helper's records, so the order is the helper's order.
 */
final class NamespacedDemoSession implements DemoSession {
    /** The helper is a new JVM: give it time to start even on a slow machine. */
    private static final long READY_SECONDS = 60;
    private static final int STDERR_KEPT = 4096;

    private final Process process;
    private final DataOutputStream commands;
    private final DemoListener listener;
    private final FrameStore store = new FrameStore(LiveCaptureOptions.STORE_LIMIT);
    private final CompletableFuture<DemoReady> ready = new CompletableFuture<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final StringBuilder stderr = new StringBuilder();
    private volatile DemoOutcome outcome;
    private volatile boolean stopRequested;
    private long framesKept;
    private long framesNotKept;

    private NamespacedDemoSession(Process process, DemoListener listener) {
        this.process = process;
        this.listener = listener;
        this.commands = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
    }

    static DemoSession start(DemoSettings settings, DemoListener listener) throws LiveCaptureException {
        List<String> command = UserNamespace.javaCommand(DemoHelperMain.class.getName(), List.of());
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new LiveCaptureException(LiveCaptureException.Problem.HELPER_FAILED,
                    "Cannot start the capture helper in a user namespace (" + e.getMessage() + ").", e);
        }
        NamespacedDemoSession session = new NamespacedDemoSession(process, listener);
        session.begin(settings);
        return session;
    }

    private void begin(DemoSettings settings) throws LiveCaptureException {
        Thread errors = new Thread(() -> keepStderr(process.getErrorStream()), "demo-helper-stderr");
        errors.setDaemon(true);
        errors.start();
        Thread reader = new Thread(this::readRecords, "demo-helper-records");
        reader.setDaemon(true);
        reader.start();
        try {
            synchronized (commands) {
                DemoWire.writeSettings(commands, settings);
            }
        } catch (IOException e) {
            // The helper died at once; the reader reports why.
        }
        try {
            ready.get(READY_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            process.destroyForcibly();
            if (e.getCause() instanceof LiveCaptureException lce) {
                throw lce;
            }
            throw new LiveCaptureException(LiveCaptureException.Problem.HELPER_FAILED,
                    "The capture helper failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new LiveCaptureException(LiveCaptureException.Problem.HELPER_FAILED,
                    "The capture helper did not get ready within " + READY_SECONDS + " s." + stderrTail());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new LiveCaptureException(LiveCaptureException.Problem.HELPER_FAILED, "interrupted");
        }
    }

    private void readRecords() {
        DataInputStream in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
        try {
            while (true) {
                int type;
                try {
                    type = in.readUnsignedByte();
                } catch (EOFException e) {
                    break;
                }
                switch (type) {
                    case DemoWire.READY -> {
                        DemoReady r = DemoWire.readReady(in, CaptureRoute.USER_NAMESPACE);
                        safely(() -> listener.ready(r));
                        ready.complete(r);
                    }
                    case DemoWire.FRAME -> {
                        DemoWire.Frame f = DemoWire.readFrame(in);
                        RawPacket p = store.append(f.number(), f.timeNs(), f.linkType(), f.originalLength(),
                                f.data(), 0, f.data().length);
                        if (p == null) {
                            framesNotKept++;
                        } else {
                            framesKept++;
                            safely(() -> listener.frame(p));
                        }
                    }
                    case DemoWire.EVENT -> {
                        SocketEvent e = DemoWire.readEvent(in);
                        safely(() -> listener.socketEvent(e));
                    }
                    case DemoWire.AWAITING -> {
                        PendingStep p = DemoWire.readAwaiting(in);
                        safely(() -> listener.awaitingProceed(p));
                    }
                    case DemoWire.NOTE -> {
                        String text = DemoWire.readString(in);
                        safely(() -> listener.note(text));
                    }
                    case DemoWire.OUTCOME -> {
                        DemoOutcome o = DemoWire.readOutcome(in);
                        finish(withOwnCounts(o));
                        return;
                    }
                    case DemoWire.FAILED -> {
                        LiveCaptureException.Problem problem = DemoWire.readEnum(in, LiveCaptureException.Problem.class);
                        String message = DemoWire.readString(in);
                        ready.completeExceptionally(new LiveCaptureException(problem, message));
                        finish(new DemoOutcome(DemoOutcome.Status.FAILED, message, CaptureStats.NONE, 0, null, 0));
                        return;
                    }
                    default -> throw new IOException("helper protocol: unknown record type " + type);
                }
            }
            endedWithoutOutcome("the capture helper ended unexpectedly");
        } catch (IOException e) {
            endedWithoutOutcome("the capture helper's output could not be read (" + e.getMessage() + ")");
        }
    }

    private DemoOutcome withOwnCounts(DemoOutcome o) {
        if (framesNotKept == 0) {
            return o;
        }
        CaptureStats s = o.stats();
        return new DemoOutcome(o.status(), o.message(), new CaptureStats(framesKept, s.receivedByFilter(),
                s.droppedByKernel(), s.droppedByInterface(), s.notKept() + framesNotKept), o.attempts(),
                o.finsCrossed(), o.clientPort());
    }

    private void endedWithoutOutcome(String what) {
        int code;
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            code = process.isAlive() ? -1 : process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = -1;
        }
        String message = what + (code >= 0 ? " (exit code " + code + ")" : "") + "." + stderrTail();
        ready.completeExceptionally(new LiveCaptureException(LiveCaptureException.Problem.HELPER_FAILED, message));
        finish(new DemoOutcome(stopRequested ? DemoOutcome.Status.STOPPED : DemoOutcome.Status.FAILED, message,
                new CaptureStats(framesKept, 0, 0, 0, framesNotKept), 0, null, 0));
    }

    private synchronized void finish(DemoOutcome o) {
        if (outcome != null) {
            return;
        }
        outcome = o;
        if (ready.isDone() && !ready.isCompletedExceptionally()) {
            safely(() -> listener.finished(o));
        }
        finished.countDown();
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            // A failing listener must not end the session.
        }
    }

    private void keepStderr(InputStream err) {
        byte[] buf = new byte[1024];
        try {
            int n;
            while ((n = err.read(buf)) > 0) {
                synchronized (stderr) {
                    stderr.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    if (stderr.length() > STDERR_KEPT) {
                        stderr.delete(0, stderr.length() - STDERR_KEPT);
                    }
                }
            }
        } catch (IOException e) {
            // The helper is gone.
        }
    }

    private String stderrTail() {
        synchronized (stderr) {
            String s = stderr.toString().trim();
            return s.isEmpty() ? "" : " It said: " + s;
        }
    }

    private void command(int c) {
        try {
            synchronized (commands) {
                commands.write(c);
                commands.flush();
            }
        } catch (IOException e) {
            // The helper has ended; its outcome (or its absence) is reported by the reader.
        }
    }

    @Override
    public DemoReady ready() {
        return ready.getNow(null);
    }

    @Override
    public void proceed() {
        command(DemoWire.PROCEED);
    }

    @Override
    public void runToEnd() {
        command(DemoWire.RUN);
    }

    @Override
    public void stop() {
        if (outcome != null) {
            return;
        }
        stopRequested = true;
        command(DemoWire.STOP);
    }

    @Override
    public DemoOutcome awaitOutcome(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS) ? outcome : null;
    }

    @Override
    public ByteStore store() {
        return store;
    }

    @Override
    public void close() {
        stop();
        try {
            if (!finished.await(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            OutputStream o = process.getOutputStream();
            o.close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (IOException e) {
            process.destroyForcibly();
        }
        store.close();
    }
}
