package org.tcpladder.capture.demo;

import java.io.IOException;
import java.nio.channels.AsynchronousCloseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.tcpladder.capture.live.CaptureRoute;
import org.tcpladder.capture.live.CaptureStats;
import org.tcpladder.capture.live.LiveCapture;
import org.tcpladder.capture.live.LiveCaptureException;
import org.tcpladder.capture.live.LiveCaptureOptions;
import org.tcpladder.capture.source.ByteStore;

/**
 * A demo session in this process: the server listens, the capture opens on the loopback interface
 * with a filter for the server's port, and a conductor thread plays the script step by step, each
 * socket call on a thread of its own so that a call that never returns can be timed out.
 */
final class LocalDemoSession implements DemoSession {
    /** After the connection's end is seen, a moment more for any straggler before the capture stops. */
    private static final long GRACE_MILLIS = 20;
    /**
     * After aborting the sockets, longest wait for the capture to show the reset. The wait ends as soon
     * as it does; a busy machine can hand a frame over hundreds of milliseconds late.
     */
    private static final long RESET_WAIT_MILLIS = 2000;

    private final DemoSettings settings;
    private final Script script;
    private final DemoListener listener;
    private final DemoSockets sockets;
    private final LiveCapture capture;
    private final ConnectionWatch watch;
    private final StepGate gate;
    private final Dispatcher dispatcher;
    private final DemoReady ready;
    private final ExecutorService callThreads;
    private final Thread conductor;
    private final java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean stopRequested;
    private volatile DemoOutcome outcome;

    private LocalDemoSession(DemoSettings settings, DemoListener listener, DemoSockets sockets, LiveCapture capture,
                             long listenStartNs, long listenEndNs) {
        this.settings = settings;
        this.script = settings.script();
        this.listener = listener;
        this.sockets = sockets;
        this.capture = capture;
        this.watch = new ConnectionWatch(sockets.serverPort());
        this.gate = new StepGate(settings.mode() == DemoSettings.Mode.STEP);
        this.dispatcher = new Dispatcher("demo-listener");
        this.callThreads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "demo-socket-call");
            t.setDaemon(true);
            return t;
        });
        this.ready = new DemoReady(CaptureRoute.DIRECT, settings.scenario(), settings.ipVersion(),
                sockets.serverPort(), capture.device(), capture.filter(), capture.linkType(), capture.precision(),
                WallClock.nowNs());
        dispatcher.post(() -> listener.ready(ready));
        if (sockets.listens()) {
            SocketEvent listen = sockets.listenEvent(listenStartNs, listenEndNs);
            dispatcher.post(() -> listener.socketEvent(listen));
        }
        capture.start(p -> {
            watch.frame(p);
            dispatcher.post(() -> listener.frame(p));
        });
        this.conductor = new Thread(this::conduct, "demo-conductor");
        conductor.setDaemon(true);
        conductor.start();
    }

    /** Binds the server, opens the capture for its port and starts playing. */
    static LocalDemoSession start(DemoSettings settings, DemoListener listener, String device)
            throws LiveCaptureException, IOException {
        Script script = settings.script();
        long listenStart = WallClock.nowNs();
        DemoSockets sockets = script.serverListens()
                ? DemoSockets.listening(settings.ipVersion(), settings.preferredPort())
                : DemoSockets.closedPort(settings.ipVersion());
        long listenEnd = WallClock.nowNs();
        LiveCapture capture;
        try {
            capture = LiveCapture.open(LiveCaptureOptions.tcpPort(device, sockets.serverPort()));
        } catch (LiveCaptureException | RuntimeException e) {
            sockets.closeAll();
            throw e;
        }
        return new LocalDemoSession(settings, listener, sockets, capture, listenStart, listenEnd);
    }

    private void conduct() {
        DemoOutcome.Status status;
        String message;
        int attempts = 0;
        Boolean crossed = null;
        try {
            int maxAttempts = Math.max(1, script.crossingAttempts());
            boolean ended = false;
            while (attempts < maxAttempts) {
                attempts++;
                if (attempts > 1) {
                    sockets.newConnection();
                }
                playSteps(attempts);
                int port = sockets.clientPort();
                long deadline = System.nanoTime() + settings.endTimeout().toNanos();
                ended = port == 0 || watch.awaitEnded(port, deadline);
                if (script.crossingAttempts() == 0) {
                    break;
                }
                crossed = watch.finsCrossed(port);
                if (Boolean.TRUE.equals(crossed)) {
                    break;
                }
                if (attempts < maxAttempts) {
                    int attempt = attempts;
                    dispatcher.post(() -> listener.note("Attempt " + attempt + ": the FINs did not cross (one side"
                            + " received the other's FIN before it sent its own); trying again with a new connection."));
                }
            }
            if (!ended) {
                status = DemoOutcome.Status.NOT_ENDED;
                message = "All steps ran, but the capture did not show the connection's end within "
                        + millis(settings.endTimeout()) + ".";
            } else {
                status = DemoOutcome.Status.COMPLETED;
                message = "The session ran to its end.";
                if (script.crossingAttempts() > 0) {
                    message = Boolean.TRUE.equals(crossed)
                            ? "The FINs crossed" + (attempts > 1 ? " on attempt " + attempts : "")
                              + ": both sides went through CLOSING."
                            : "The FINs did not cross in " + attempts + " attempt" + (attempts > 1 ? "s" : "")
                              + ": each time one side received the other's FIN before it closed, so this is an"
                              + " ordinary close.";
                }
                sleepQuietly(GRACE_MILLIS);
            }
        } catch (CallTimeout t) {
            status = DemoOutcome.Status.TIMED_OUT;
            message = t.getMessage();
        } catch (InterruptedException | Stopped e) {
            status = DemoOutcome.Status.STOPPED;
            message = "Stopped.";
        } catch (RuntimeException | Error e) {
            status = DemoOutcome.Status.FAILED;
            message = "The session failed: " + e;
        }
        if (stopRequested && status != DemoOutcome.Status.COMPLETED) {
            status = DemoOutcome.Status.STOPPED;
            message = "Stopped.";
        }
        if (status != DemoOutcome.Status.COMPLETED) {
            // A connection cut short is reset; let the capture see those RSTs before it stops.
            sockets.abortAll();
            awaitResetQuietly(sockets.clientPort());
        }
        CaptureStats stats = capture.stop();
        sockets.abortAll();
        callThreads.shutdownNow();
        if (capture.endReason() != null && status == DemoOutcome.Status.COMPLETED) {
            message = message + " (Capture " + capture.endReason() + ".)";
        }
        if (!stats.complete()) {
            message = message + " Some frames were lost: " + stats + ".";
        }
        DemoOutcome done = new DemoOutcome(status, message, stats, attempts, crossed, sockets.clientPort());
        outcome = done;
        dispatcher.finish(() -> {
            try {
                listener.finished(done);
            } finally {
                finished.countDown();
            }
        });
    }

    private void playSteps(int attempt) throws InterruptedException, CallTimeout, Stopped {
        List<Step> steps = script.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            PendingStep pending = new PendingStep(i, steps.size(), attempt, step.describe());
            boolean first = attempt == 1 && i == 0;
            if (!gate.awaitTurn(() -> dispatcher.post(() -> listener.awaitingProceed(pending)),
                    first ? 0 : settings.pause().toMillis())) {
                throw new Stopped();
            }
            if (step instanceof Call c) {
                runTogether(List.of(c));
            } else if (step instanceof Together t) {
                runTogether(t.calls());
            }
        }
    }

    /**
     * Runs the calls, each on its own thread, released at the same instant: they wait at a start line
     * and then spin on the clock to a common moment, so that two close() calls happen within
     * microseconds of each other (what a simultaneous close needs).
     */
    private void runTogether(List<Call> calls) throws InterruptedException, CallTimeout, Stopped {
        java.util.concurrent.CountDownLatch startLine = new java.util.concurrent.CountDownLatch(calls.size());
        long[] goAt = new long[1];
        List<Future<SocketEvent>> futures = new ArrayList<>();
        for (Call c : calls) {
            futures.add(callThreads.submit(() -> {
                if (calls.size() > 1) {
                    synchronized (goAt) {
                        if (goAt[0] == 0) {
                            goAt[0] = System.nanoTime() + 2_000_000L;
                        }
                    }
                    startLine.countDown();
                    startLine.await();
                    long at;
                    synchronized (goAt) {
                        at = goAt[0];
                    }
                    while (System.nanoTime() < at) {
                        Thread.onSpinWait();
                    }
                }
                SocketEvent e = sockets.perform(c);
                dispatcher.post(() -> listener.socketEvent(e));
                return e;
            }));
        }
        long deadline = System.nanoTime() + settings.callTimeout().toNanos();
        for (int i = 0; i < futures.size(); i++) {
            try {
                futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                sockets.abortAll();
                throw new CallTimeout(calls.get(i).describe() + " did not return within "
                        + millis(settings.callTimeout()) + "; the session was ended and its sockets reset.");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof AsynchronousCloseException || stopRequested) {
                    throw new Stopped();
                }
                throw new IllegalStateException(calls.get(i).describe() + " failed", e.getCause());
            }
        }
        if (stopRequested) {
            throw new Stopped();
        }
    }

    private void awaitResetQuietly(int clientPort) {
        if (clientPort == 0) {
            return;
        }
        // stop() interrupts this thread after it has aborted the sockets, so the interrupt can arrive
        // during this very wait; it must not cut the wait short, or the capture stops before the RST
        // reaches it. The wait is bounded, so it is finished first and the interrupt kept for later.
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + RESET_WAIT_MILLIS * 1_000_000L;
        while (true) {
            try {
                watch.awaitEnded(clientPort, deadline);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String millis(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static void sleepQuietly(long ms) throws InterruptedException {
        Thread.sleep(ms);
    }

    private static final class CallTimeout extends Exception {
        CallTimeout(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Stopped extends Exception {
        Stopped() {
            super(null, null, false, false);
        }
    }

    @Override
    public DemoReady ready() {
        return ready;
    }

    @Override
    public void proceed() {
        gate.proceed();
    }

    @Override
    public void runToEnd() {
        gate.runToEnd();
    }

    @Override
    public void stop() {
        if (outcome != null) {
            return;
        }
        stopRequested = true;
        gate.stop();
        sockets.abortAll();
        conductor.interrupt();
    }

    @Override
    public DemoOutcome awaitOutcome(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS) ? outcome : null;
    }

    @Override
    public ByteStore store() {
        return capture.store();
    }

    @Override
    public void close() {
        stop();
        try {
            if (!finished.await(5, TimeUnit.SECONDS)) {
                capture.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        capture.close();
    }
}
