package org.tcpladder.capture.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.tcpladder.capture.conn.CaptureIndex;

/**
 * How fast a capture file loads into a {@link CaptureIndex} inside one JVM, and how much heap the
 * index keeps per packet. Not a test (figures depend on the machine): {@code bench/capture-bench.sh}
 * runs it beside tcpdump, tshark and a C libpcap loop on the same file.
 *
 * <pre>
 * java -cp capture/target/tcpladder-cli.jar org.tcpladder.capture.bench.LoadBenchmark [--runs N] FILE
 * </pre>
 *
 * <p>The first load is "cold" (the JIT has compiled nothing yet, as in a fresh process); the median
 * of the later ones is "warm". Retained heap is the used heap after full collections with the last
 * index still reachable, minus the used heap after it has been closed and dropped: what the index
 * itself holds, whatever else the JVM keeps. The last lines are {@code key=value} for scripts.
 */
public final class LoadBenchmark {
    private LoadBenchmark() {
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
                System.err.println("usage: LoadBenchmark [--runs N] FILE");
                System.exit(2);
            }
        }
        if (file == null || runs < 2) {
            System.err.println("usage: LoadBenchmark [--runs N>=2] FILE");
            System.exit(2);
        }
        run(file, runs);
    }

    private static void run(Path file, int runs) throws IOException, InterruptedException {
        long fileBytes = Files.size(file);
        double[] seconds = new double[runs];
        long packets = 0;
        int segments = 0;
        int connections = 0;
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            try (CaptureIndex index = CaptureIndex.load(file)) {
                seconds[r] = (System.nanoTime() - t0) / 1e9;
                packets = index.packetCount();
                segments = index.segmentCount();
                connections = index.connections().size();
                if (index.readError() != null) {
                    System.out.println("read error: " + index.readError().getMessage());
                }
            }
            System.out.printf(Locale.ROOT, "load %d%s: %.3f s  %.2f M packets/s  %.0f MB/s%n", r + 1,
                    r == 0 ? " (cold)" : "", seconds[r], packets / seconds[r] / 1e6, fileBytes / seconds[r] / 1e6);
        }
        double cold = seconds[0];
        double[] later = Arrays.copyOfRange(seconds, 1, runs);
        Arrays.sort(later);
        double warm = later[later.length / 2];

        long released = usedHeapAfterGc();
        CaptureIndex index = CaptureIndex.load(file);
        long reachable = usedHeapAfterGc();
        long estimate = index.retainedBytesEstimate();
        Reference.reachabilityFence(index);
        index.close();
        index = null;
        long afterRelease = usedHeapAfterGc();
        // Both "released" readings bracket the reachable one; the larger is the fairer baseline.
        long baseline = Math.max(released, afterRelease);
        double perPacket = (double) (reachable - baseline) / packets;

        System.out.printf(Locale.ROOT, "%d packets, %d TCP segments, %d connections, %.1f MB%n",
                packets, segments, connections, fileBytes / 1e6);
        System.out.printf(Locale.ROOT, "cold load %.3f s, warm load %.3f s (median of %d): %.2f M packets/s, %.0f MB/s%n",
                cold, warm, later.length, packets / warm / 1e6, fileBytes / warm / 1e6);
        System.out.printf(Locale.ROOT, "retained heap %.1f B/packet (used after GC: %d with the index, %d without),"
                + " columns' own estimate %.1f B/packet%n", perPacket, reachable, baseline, (double) estimate / packets);
        System.out.printf(Locale.ROOT, "packets=%d%n", packets);
        System.out.printf(Locale.ROOT, "connections=%d%n", connections);
        System.out.printf(Locale.ROOT, "cold_s=%.4f%n", cold);
        System.out.printf(Locale.ROOT, "warm_s=%.4f%n", warm);
        System.out.printf(Locale.ROOT, "warm_mpps=%.3f%n", packets / warm / 1e6);
        System.out.printf(Locale.ROOT, "warm_mbps=%.1f%n", fileBytes / warm / 1e6);
        System.out.printf(Locale.ROOT, "retained_b_per_packet=%.2f%n", perPacket);
    }

    /** Used heap after full collections: the least of a few readings, since a collection may lag. */
    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
