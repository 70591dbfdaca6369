package org.tcpladder.capture.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watching a busy port, beside tcpdump in the same run: for each of them a fresh bulk transfer over
 * loopback ({@link LoopbackBulkTransfer}) runs at full speed for the given time while the capture
 * process watches its port; then the capture is interrupted (SIGINT, as Ctrl-C) and its own summary is
 * read. Figures: frames captured and per second, kernel drops, our own drops, peak resident memory
 * (VmHWM of the capture process and its children), and whether the capture ran to the end. Not a test: the figures
 * depend on the machine and its load. Run as root (both capture).
 *
 * <pre>
 * java -cp capture/target/tcpladder-cli.jar org.tcpladder.capture.bench.WatchBenchmark [--seconds S]
 *      [--snaplen N] [--no-tcpdump] [--watch-first] [--java JAVA] [--jvm-option OPTION]...
 *      [--watch-option OPTION]...
 * </pre>
 *
 * Targets (issue 14): at most 1 % of the frames dropped, peak RSS under 400 MB, no early stop.
 */
public final class WatchBenchmark {
    private static final Pattern TCPDUMP_CAPTURED = Pattern.compile("^(\\d+) packets? captured");
    private static final Pattern TCPDUMP_DROPPED = Pattern.compile("^(\\d+) packets? dropped by kernel");
    private static final Pattern WATCH_CAPTURED = Pattern.compile("(\\d+) frames captured");
    private static final Pattern WATCH_KERNEL = Pattern.compile("(\\d+) by the kernel");
    private static final Pattern WATCH_INTERFACE = Pattern.compile("(\\d+) by the interface");
    private static final Pattern WATCH_OURS = Pattern.compile("(\\d+) not kept");

    private record Result(String tool, long bytes, double seconds, long captured, long kernelDrops, long ownDrops,
                          long peakRssKb, boolean ranToEnd, double exitSeconds, double cpuSeconds, String note) {
    }

    private WatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = 10;
        int snaplen = 256;
        boolean tcpdump = true;
        boolean watchFirst = false;
        List<String> jvmOptions = new ArrayList<>();
        List<String> watchOptions = new ArrayList<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--snaplen" -> snaplen = Integer.parseInt(args[++i]);
                case "--no-tcpdump" -> tcpdump = false;
                case "--watch-first" -> watchFirst = true;
                case "--java" -> java = args[++i];
                case "--jvm-option" -> jvmOptions.add(args[++i]);
                case "--watch-option" -> watchOptions.add(args[++i]);
                default -> {
                    System.err.println("usage: WatchBenchmark [--seconds S] [--snaplen N] [--no-tcpdump] [--java JAVA] "
                            + "[--jvm-option OPTION]... [--watch-option OPTION]...");
                    System.exit(2);
                }
            }
        }
        String jar = Path.of(WatchBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Path scratch = Files.createTempDirectory("tcpladder-watch-bench");
        List<Result> results = new ArrayList<>();
        System.out.printf(Locale.ROOT, "watch benchmark: %d s bulk transfer over loopback per tool, snap length %d; load %s%n",
                seconds, snaplen, Files.readString(Path.of("/proc/loadavg")).trim());
        String javaCmd = java;
        int snap = snaplen;
        CommandFor watch = port -> {
            List<String> c = new ArrayList<>(List.of(javaCmd));
            c.addAll(jvmOptions);
            c.addAll(List.of("-jar", jar, "watch", "--port", String.valueOf(port), "--snaplen", String.valueOf(snap)));
            c.addAll(watchOptions);
            return c;
        };
        if (watchFirst) {
            results.add(measure("tcpladder watch", seconds, watch, "tcpladder watch: capturing", true));
        }
        if (tcpdump) {
            Path out = scratch.resolve("tcpdump.pcap");
            results.add(measure("tcpdump", seconds, port -> List.of("tcpdump", "-i", "lo", "-s", String.valueOf(snap),
                    "-B", "65536", "-w", out.toString(), "tcp port " + port), "listening on", false));
            Files.deleteIfExists(out);
        }
        if (!watchFirst) {
            results.add(measure("tcpladder watch", seconds, watch, "tcpladder watch: capturing", true));
        }
        Files.deleteIfExists(scratch);

        System.out.printf(Locale.ROOT, "%-16s %10s %10s %10s %8s %9s %9s %10s %9s %7s %s%n", "tool", "frames",
                "frames/s", "kern.drop", "drop %", "own drop", "peak RSS", "ran to end", "exit s", "cpu s", "MB/s sent");
        for (Result r : results) {
            double dropPct = 100.0 * (r.kernelDrops + r.ownDrops) / Math.max(1, r.captured + r.kernelDrops + r.ownDrops);
            System.out.printf(Locale.ROOT, "%-16s %10d %10.0f %10d %8.2f %9d %7d MB %10s %9.1f %7.1f %.0f%n", r.tool,
                    r.captured, r.captured / r.seconds, r.kernelDrops, dropPct, r.ownDrops, r.peakRssKb / 1024,
                    r.ranToEnd ? "yes" : "NO", r.exitSeconds, r.cpuSeconds, r.bytes / r.seconds / 1e6);
            if (!r.note.isEmpty()) {
                System.out.println("  " + r.tool + ": " + r.note);
            }
        }
        for (Result r : results) {
            if (r.tool.startsWith("tcpladder")) {
                double dropPct = 100.0 * (r.kernelDrops + r.ownDrops) / Math.max(1, r.captured + r.kernelDrops + r.ownDrops);
                System.out.printf(Locale.ROOT, "targets: dropped %.2f %% (<= 1 %%) %s; peak RSS %d MB (< 400 MB) %s; "
                                + "ran to the end %s%n", dropPct, dropPct <= 1 ? "PASS" : "MISS", r.peakRssKb / 1024,
                        r.peakRssKb < 400 * 1024 ? "PASS" : "MISS", r.ranToEnd ? "PASS" : "MISS");
            }
        }
    }

    private interface CommandFor {
        List<String> command(int port);
    }

    private static Result measure(String tool, int seconds, CommandFor command, String readyLine, boolean watch)
            throws Exception {
        try (LoopbackBulkTransfer bulk = new LoopbackBulkTransfer()) {
            Process p = new ProcessBuilder(command.command(bulk.port()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            List<String> stderr = new CopyOnWriteArrayList<>();
            CountDownLatch ready = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        stderr.add(line);
                        if (line.contains(readyLine)) {
                            ready.countDown();
                        }
                    }
                } catch (IOException e) {
                    // the process ended
                }
            }, "stderr-" + tool);
            reader.start();
            if (!ready.await(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(tool + " did not start: " + String.join(" | ", stderr));
            }
            AtomicLong peak = new AtomicLong();
            Thread sampler = new Thread(() -> {
                while (p.isAlive()) {
                    peak.accumulateAndGet(peakRssKb(p.pid()), Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "rss-" + tool);
            sampler.setDaemon(true);
            sampler.start();
            long t0 = System.nanoTime();
            long bytes = bulk.run(seconds * 1000L);
            double sent = (System.nanoTime() - t0) / 1e9;
            Thread.sleep(300);
            boolean alive = p.isAlive();
            peak.accumulateAndGet(peakRssKb(p.pid()), Math::max);
            double cpu = cpuSeconds(p.pid());
            long stopAt = System.nanoTime();
            new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).inheritIO().start().waitFor();
            if (!p.waitFor(600, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            double exit = (System.nanoTime() - stopAt) / 1e9;
            reader.join(5000);
            long captured = 0;
            long kernel = 0;
            long ours = 0;
            String note = "";
            for (String line : stderr) {
                if (watch) {
                    if (line.contains("frames captured")) {
                        captured = find(WATCH_CAPTURED, line);
                        kernel = find(WATCH_KERNEL, line) + find(WATCH_INTERFACE, line);
                        ours = find(WATCH_OURS, line);
                    }
                    if (line.contains("capture stopped") || line.contains("stopped:")) {
                        alive = false;
                        note = line;
                    }
                } else {
                    Matcher c = TCPDUMP_CAPTURED.matcher(line);
                    if (c.find()) {
                        captured = Long.parseLong(c.group(1));
                    }
                    Matcher d = TCPDUMP_DROPPED.matcher(line);
                    if (d.find()) {
                        kernel = Long.parseLong(d.group(1));
                    }
                }
            }
            if (watch && captured == 0) {
                note = "no summary line: " + String.join(" | ", stderr);
            }
            return new Result(tool, bytes, sent, captured, kernel, ours, peak.get(), alive, exit, cpu, note);
        }
    }

    private static long find(Pattern p, String line) {
        Matcher m = p.matcher(line);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /**
     * Peak resident memory of a process and its children in KiB (watch runs itself in a child JVM sized
     * for it): the sum of their VmHWM, so at least the peak of the two together.
     */
    private static long peakRssKb(long pid) {
        long sum = vmHwmKb(pid);
        for (ProcessHandle h : ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(List.of())) {
            sum += vmHwmKb(h.pid());
        }
        return sum;
    }

    /** Processor time (user and system) of a process and its children so far, in seconds. */
    private static double cpuSeconds(long pid) {
        List<ProcessHandle> all = new ArrayList<>();
        ProcessHandle.of(pid).ifPresent(h -> {
            all.add(h);
            all.addAll(h.descendants().toList());
        });
        long ns = 0;
        for (ProcessHandle h : all) {
            ns += h.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
        }
        return ns / 1e9;
    }

    /** VmHWM (peak resident set) of one process in KiB, 0 once it has gone. */
    private static long vmHwmKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return 0;
    }
}
