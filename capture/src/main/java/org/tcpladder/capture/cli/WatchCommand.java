package org.tcpladder.capture.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.tcpladder.capture.live.CaptureStats;
import org.tcpladder.capture.live.LiveCaptureException;
import org.tcpladder.capture.live.LoopbackDevice;
import org.tcpladder.capture.live.PortWatch;

/**
 * {@code watch --port P [--interface I] [--json] [--count N] [--seconds S]}: captures every TCP segment
 * to or from port P (on the loopback interface unless told otherwise) and prints each as
 * {@code print --states} does, as it happens (see {@link LivePrinter}), until Ctrl-C, N frames or S
 * seconds; then every connection with its final states and the capture's statistics. Needs the right
 * to capture (root or CAP_NET_RAW).
 */
final class WatchCommand implements Command {
    @Override
    public String name() {
        return "watch";
    }

    @Override
    public String synopsis() {
        return "watch --port P [--interface I] [--json] [--count N] [--seconds S]   a port's segments, printed live";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        int port = 0;
        String device = null;
        boolean json = false;
        long count = 0;
        long seconds = 0;
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
        PortWatch watch;
        try {
            watch = PortWatch.open(device, port);
        } catch (LiveCaptureException e) {
            err.println("tcpladder watch: " + e.getMessage());
            return 1;
        }
        LivePrinter printer = new LivePrinter(out, json, false, watch.capture().store(), watch.capture().precision());
        CountDownLatch done = new CountDownLatch(1);
        AtomicLong seen = new AtomicLong();
        long limit = count;
        // tcpdump's "listening on" (on stderr, so the output stays lines or JSON)
        err.println("tcpladder watch: capturing '" + watch.capture().filter() + "' on " + device
                + (limit > 0 ? ", " + limit + " frames" : "") + (seconds > 0 ? ", at most " + seconds + " s" : "")
                + (limit == 0 && seconds == 0 ? ", until Ctrl-C" : ""));
        err.flush();
        LiveRun run = new LiveRun(() -> printer);
        run.onInterrupt(() -> summarise(run, printer, watch.stop()));
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
            summarise(run, printer, watch.stop());
            if (watch.capture().endReason() != null) {
                err.println("tcpladder watch: capture " + watch.capture().endReason());
            }
            return 0;
        } finally {
            run.close();
            watch.close();
        }
    }

    private static void summarise(LiveRun run, LivePrinter printer, CaptureStats stats) {
        if (run.summariseOnce()) {
            printer.finish();
            printer.connections();
            printer.statistics(stats);
        }
    }
}
