package org.tcpladder.capture.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.tcpladder.capture.analysis.ConnectionAnalysis;
import org.tcpladder.capture.conn.CaptureIndex;
import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.export.ExportOptions;
import org.tcpladder.capture.export.ExportWords;
import org.tcpladder.capture.export.LadderExport;
import org.tcpladder.capture.export.TextFormat;
import org.tcpladder.capture.state.Narration;

/**
 * How long the text exports take inside one JVM, from the capture file to the last character: the
 * shipped echo recording (11 segments; the target is well under a second) and, when given, connection
 * 0 of FILE (e.g. 100,000 segments from {@code genpcap.py --conns 1}). Not a test: figures depend on the
 * machine.
 *
 * <pre>
 * java -cp capture/target/tcpladder-cli.jar org.tcpladder.capture.bench.ExportBenchmark [--runs N] [FILE]
 * </pre>
 *
 * <p>The first run is cold (nothing compiled yet, as in a fresh {@code export} process), the median of
 * the later ones warm. The output goes to a writer that counts and drops it.
 */
public final class ExportBenchmark {
    private ExportBenchmark() {
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
                System.err.println("usage: ExportBenchmark [--runs N] [FILE]");
                System.exit(2);
            }
        }
        Path echo = Files.createTempFile("tcpladder-echo", ".pcap.gz");
        try (InputStream in = ExportBenchmark.class.getResourceAsStream(
                "/org/tcpladder/capture/demo/recordings/echo-ipv4.pcap.gz")) {
            Files.copy(in, echo, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            for (TextFormat f : TextFormat.values()) {
                report("echo " + f.commandName(), echo, f, runs);
            }
            if (file != null) {
                report(file.getFileName() + " text", file, TextFormat.TEXT, Math.max(2, runs / 2));
            }
        } finally {
            Files.deleteIfExists(echo);
        }
    }

    private static void report(String what, Path file, TextFormat format, int runs) throws IOException {
        double[] ms = new double[runs];
        long chars = 0;
        int segments = 0;
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            try (CaptureIndex index = CaptureIndex.load(file)) {
                Connection c = index.connections().get(0);
                segments = c.segmentCount();
                Counting out = new Counting();
                LadderExport.of(ConnectionAnalysis.of(c, c.endNs()), ExportOptions.defaults(), Narration.english(),
                        ExportWords.english()).writeTo(format.writer(out, ExportWords.english()));
                chars = out.chars;
            }
            ms[r] = (System.nanoTime() - t0) / 1e6;
        }
        double cold = ms[0];
        double[] warm = Arrays.copyOfRange(ms, 1, runs);
        Arrays.sort(warm);
        double median = warm.length == 0 ? cold : warm[warm.length / 2];
        System.out.println(String.format(Locale.ROOT, "%-24s %,9d segments %,11d chars  cold %8.1f ms  warm %8.1f ms",
                what, segments, chars, cold, median));
    }

    /** Counts the characters written and keeps none. */
    private static final class Counting extends Writer {
        long chars;

        @Override
        public void write(char[] buf, int off, int len) {
            chars += len;
        }

        @Override
        public Writer append(CharSequence s) {
            chars += s.length();
            return this;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
