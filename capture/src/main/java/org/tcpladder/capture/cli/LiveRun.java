package org.tcpladder.capture.cli;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * What {@code demo} and {@code watch} share while they run: a timer that lets the {@link LivePrinter}
 * print lines that have waited long enough, a shutdown hook for Ctrl-C (which stops the capture and
 * still prints the statistics), and the guarantee that the end is printed once.
 */
final class LiveRun implements AutoCloseable {
    private static final long TICK_MILLIS = 50;

    private final ScheduledExecutorService ticker;
    private final AtomicBoolean summarised = new AtomicBoolean();
    private Thread hook;

    LiveRun(Supplier<LivePrinter> printer) {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tcpladder-live-tick");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> {
            LivePrinter p = printer.get();
            if (p != null) {
                p.tick();
            }
        }, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code stopAndSummarise} if the program is interrupted (Ctrl-C, SIGTERM) before {@link #close()}. */
    void onInterrupt(Runnable stopAndSummarise) {
        hook = new Thread(stopAndSummarise, "tcpladder-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** True exactly once: whoever gets it prints the end. */
    boolean summariseOnce() {
        return summarised.compareAndSet(false, true);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running or has run
            }
        }
    }

    /** A whole number option value between {@code min} and {@code max}. */
    static long number(String text, String option, long min, long max) throws UsageException {
        try {
            long n = Long.parseLong(text);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number from " + min + " to " + max + ", not '" + text + "'");
        }
    }
}
