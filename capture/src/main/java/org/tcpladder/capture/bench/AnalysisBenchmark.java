package org.tcpladder.capture.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.tcpladder.capture.analysis.ConnectionAnalysis;
import org.tcpladder.capture.conn.CaptureIndex;
import org.tcpladder.capture.conn.Connection;

/**
 * How long {@link ConnectionAnalysis#of} takes for a capture's largest connection: what the window
 * does when it opens a connection (the app's {@code LadderFrameBenchmark} reports the same step as
 * "analyse s", beside the drawing). Not a test (figures depend on the machine).
 *
 * <pre>
 * java -cp capture/target/tcpladder-cli.jar org.tcpladder.capture.bench.AnalysisBenchmark [--runs N] FILE
 * </pre>
 *
 * <p>The first run is "cold" (as in a fresh window: the JIT has compiled little); the median of the
 * later ones is "warm". Each run's CPU time is that of the analysing thread alone, which a shared,
 * loaded machine disturbs less than wall time; the JIT's and the collector's threads are not in it.
 * The last lines are {@code key=value} for scripts.
 */
public final class AnalysisBenchmark {
    private AnalysisBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 5;
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs") && i + 1 < args.length) {
                runs = Integer.parseInt(args[++i]);
            } else if (file == null && !args[i].startsWith("--")) {
                file = Path.of(args[i]);
            } else {
                file = null;
                break;
            }
        }
        if (file == null || runs < 2) {
            System.err.println("usage: AnalysisBenchmark [--runs N>=2] FILE");
            System.exit(2);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (CaptureIndex index = CaptureIndex.load(file)) {
            Connection largest = null;
            for (Connection c : index.connections()) {
                if (largest == null || c.segmentCount() > largest.segmentCount()) {
                    largest = c;
                }
            }
            if (largest == null) {
                System.err.println("AnalysisBenchmark: no TCP connection in " + file);
                System.exit(1);
            }
            long end = largest.endNs();
            double[] wall = new double[runs];
            double[] cpu = new double[runs];
            for (int r = 0; r < runs; r++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                ConnectionAnalysis a = ConnectionAnalysis.of(largest, end);
                wall[r] = (System.nanoTime() - t0) / 1e9;
                cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
                System.out.printf(Locale.ROOT, "analysis %d%s: %.3f s, cpu %.3f s, %d segments, final %s %s%n",
                        r + 1, r == 0 ? " (cold)" : "", wall[r], cpu[r], a.size(),
                        a.finalState(org.tcpladder.capture.tcp.Side.CLIENT),
                        a.finalState(org.tcpladder.capture.tcp.Side.SERVER));
            }
            System.out.printf(Locale.ROOT, "segments=%d%n", largest.segmentCount());
            System.out.printf(Locale.ROOT, "cold_s=%.4f%n", wall[0]);
            System.out.printf(Locale.ROOT, "cold_cpu_s=%.4f%n", cpu[0]);
            System.out.printf(Locale.ROOT, "warm_s=%.4f%n", median(wall));
            System.out.printf(Locale.ROOT, "warm_cpu_s=%.4f%n", median(cpu));
        }
    }

    /** The median of all runs but the first. */
    private static double median(double[] all) {
        double[] later = Arrays.copyOfRange(all, 1, all.length);
        Arrays.sort(later);
        return later[later.length / 2];
    }
}
