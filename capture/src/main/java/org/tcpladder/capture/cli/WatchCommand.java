package org.tcpladder.capture.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.tcpladder.capture.live.CaptureStats;
import org.tcpladder.capture.live.FrameStore;
import org.tcpladder.capture.live.LiveCaptureOptions;
import org.tcpladder.capture.live.LiveCaptureException;
import org.tcpladder.capture.live.LoopbackDevice;
import org.tcpladder.capture.live.PortWatch;

/**
 * {@code watch --port P [--interface I] [--json] [--count N] [--seconds S] [--snaplen N] [--memory MIB]
 * [--save FILE]}: captures every TCP segment to or from port P (on the loopback interface unless told
 * otherwise) and prints each as {@code print --states} does, as it happens (see {@link LivePrinter}),
 * until Ctrl-C, N frames or S seconds; then every connection with its final states, the capture's
 * statistics and, on stderr, one summary line: frames and frames per second, every drop (the kernel's,
 * the interface's, our own), the snap length, the memory budget and the file the frames beyond it went
 * to. Needs the right to capture (root or CAP_NET_RAW).
 */
final class WatchCommand implements Command {
    @Override
    public String name() {
        return "watch";
    }

    @Override
    public String synopsis() {
        return "watch --port P [--interface I] [--json] [--count N] [--seconds S] [--snaplen N] [--memory MIB] [--save FILE]"
                + "   a port's segments, printed live";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        int port = 0;
        String device = null;
        boolean json = false;
        long count = 0;
        long seconds = 0;
        int snaplen = LiveCaptureOptions.WATCH_SNAPLEN;
        long memoryMib = LiveCaptureOptions.WATCH_MEMORY_BUDGET >> 20;
        Path save = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--json" -> json = true;
                case "--port" -> port = (int) LiveRun.number(value != null ? value : DemoCommand.Options.next(args, ++i, a),
                        a, 1, 65535);
                case "--interface" -> device = value != null ? value : DemoCommand.Options.next(args, ++i, a);
                case "--count" -> count = LiveRun.number(value != null ? value : DemoCommand.Options.next(args, ++i, a),
                        a, 1, Long.MAX_VALUE);
                case "--seconds" -> seconds = LiveRun.number(value != null ? value : DemoCommand.Options.next(args, ++i, a),
                        a, 1, 365L * 24 * 3600);
                case "--snaplen" -> snaplen = (int) LiveRun.number(value != null ? value : DemoCommand.Options.next(args, ++i, a),
                        a, 0, LiveCaptureOptions.SNAPLEN);
                case "--memory" -> memoryMib = LiveRun.number(value != null ? value : DemoCommand.Options.next(args, ++i, a),
                        a, 1, 1 << 20);
                case "--save" -> save = Path.of(value != null ? value : DemoCommand.Options.next(args, ++i, a));
                default -> throw new UsageException(a.startsWith("-") ? "unknown option " + a
                        : "unexpected argument '" + a + "'");
            }
        }
        if (port == 0) {
            throw new UsageException("--port is required");
        }
        if (device == null) {
            device = LoopbackDevice.name();
        }
        if (save != null && (Files.isDirectory(save) || save.toAbsolutePath().getParent() == null
                || !Files.isDirectory(save.toAbsolutePath().getParent()))) {
            throw new UsageException("--save needs a file in an existing directory, not '" + save + "'");
        }
        PortWatch watch;
        try {
            watch = PortWatch.open(LiveCaptureOptions.watchPort(device, port, snaplen, memoryMib << 20));
        } catch (LiveCaptureException e) {
            err.println("tcpladder watch: " + e.getMessage());
            return 1;
        }
        LivePrinter printer = new LivePrinter(out, json, false, watch.capture().store(), watch.capture().precision());
        // a block of frames may be held back for one poll timeout, and its wake-up come late on a busy machine
        printer.batchDelay(3L * LiveCaptureOptions.POLL_MILLIS * 1_000_000L);
        CountDownLatch done = new CountDownLatch(1);
        AtomicLong seen = new AtomicLong();
        long limit = count;
        LiveRun run = new LiveRun(() -> printer);
        long startNs = System.nanoTime();
        Path saveAs = save;
        int snap = snaplen;
        Runnable end = () -> {
            CaptureStats stats = watch.stop();
            if (run.summariseOnce()) {
                summarise(printer, stats, watch, saveAs, snap, System.nanoTime() - startNs, err);
            }
        };
        run.onInterrupt(() -> {
            end.run();
            watch.close();
        });
        FrameStore store = watch.capture().store();
        // tcpdump's "listening on" (on stderr, so the output stays lines or JSON); once Ctrl-C would
        // print the summary, so that whoever reads it may interrupt from then on
        err.println("tcpladder watch: capturing '" + watch.capture().filter() + "' on " + device
                + (limit > 0 ? ", " + limit + " frames" : "") + (seconds > 0 ? ", at most " + seconds + " s" : "")
                + (limit == 0 && seconds == 0 ? ", until Ctrl-C" : "")
                + "; " + snapText(snaplen) + "; memory budget " + mib(store.limit()) + ", frames beyond it go to "
                + store.spillFile() + (save != null ? " (saved as " + save + " at the end)" : " (removed at exit)"));
        err.flush();
        try {
            watch.start(p -> {
                long n = seen.incrementAndGet();
                if (limit > 0 && n > limit) {
                    return;
                }
                printer.frame(p);
                if (n == limit) {
                    done.countDown();
                }
            });
            if (seconds > 0) {
                done.await(seconds, TimeUnit.SECONDS);
            } else {
                done.await();
            }
            end.run();
            return watch.capture().endReason() != null ? 1 : 0;
        } finally {
            run.close();
            watch.close();
        }
    }

    /**
     * The end: connections and statistics on stdout (with the added keys in JSON), the file saved if
     * asked, and one line on stderr that says what was captured, what was lost and where it all went.
     */
    private static void summarise(LivePrinter printer, CaptureStats stats, PortWatch watch, Path save, int snaplen,
                                  long elapsedNs, PrintStream err) {
        FrameStore store = watch.capture().store();
        String saveProblem = null;
        if (save != null) {
            try {
                store.saveAs(save);
            } catch (IOException | RuntimeException e) {
                saveProblem = "could not save the capture as " + save + ": " + e.getMessage();
            }
        }
        String endReason = watch.capture().endReason();
        double seconds = elapsedNs / 1e9;
        printer.finish();
        printer.connections();
        printer.statistics(stats, j -> {
            j.num("snaplen", snaplen)
                    .num("elapsed_ns", elapsedNs)
                    .num("memory_budget_bytes", store.limit())
                    .num("memory_peak_bytes", store.peakInMemoryBytes())
                    .num("kept_bytes", store.size())
                    .num("spilled_bytes", store.spilledBytes())
                    .str("spill_file", String.valueOf(store.spillFile()))
                    .bool("spill_file_kept", store.saved())
                    .str("stopped_because", endReason);
        });
        err.println(String.format(Locale.ROOT, "tcpladder watch: %d frames captured in %.1f s (%.0f a second); "
                        + "dropped: %d by the kernel, %d by the interface, %d not kept by tcpladder; %s; "
                        + "memory budget %s (peak %s), %s beyond it in %s (%s)",
                stats.delivered(), seconds, stats.delivered() / Math.max(seconds, 1e-9), stats.droppedByKernel(),
                stats.droppedByInterface(), stats.notKept(), snapText(snaplen), mib(store.limit()),
                mib(store.peakInMemoryBytes()), mib(store.spilledBytes()), store.spillFile(),
                store.saved() ? "kept" : "removed at exit"));
        if (endReason != null) {
            err.println("tcpladder watch: capture " + endReason);
        }
        if (saveProblem != null) {
            err.println("tcpladder watch: " + saveProblem);
        }
        err.flush();
    }

    private static String snapText(int snaplen) {
        return snaplen == 0 ? "whole frames kept (--snaplen 0)" : "snap length " + snaplen + " bytes";
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
