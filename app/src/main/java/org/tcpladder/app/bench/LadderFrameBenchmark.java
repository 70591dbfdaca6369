package org.tcpladder.app.bench;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.tcpladder.app.Messages;
import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.app.layout.LadderLayout;
import org.tcpladder.app.load.CaptureIndexLoader;
import org.tcpladder.app.load.LoadProgress;
import org.tcpladder.app.load.LoadedCapture;
import org.tcpladder.app.style.StyleClasses;
import org.tcpladder.app.view.LadderView;
import org.tcpladder.app.viewmodel.PlaybackViewModel;
import org.tcpladder.app.viewmodel.SettingsViewModel;
import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.state.Narration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How long the ladder takes to redraw while scrolling, for connections of 1 thousand, 100 thousand and
 * 1 million segments: the issue asks that a million cost no more than 1.2 times a thousand, and under
 * 16 ms a frame. Run: {@code DISPLAY=:99 mvn -B -o -q -pl app -am compile javafx:run@ladder-bench}.
 *
 * <p>Each capture holds one connection made by the project's generator ({@code genpcap.py --packets N
 * --conns 1}; a missing file is generated first if the generator is found, see {@link #GENPCAP}). It is
 * loaded and analysed as the program does, then a ladder view of the program's size scrolls through its
 * middle, one step a frame, on JavaFX's software pipeline with the pulse uncapped
 * ({@code javafx.animation.fullspeed}), so that a frame lasts exactly as long as its work. Reported per
 * size: the median and 95th percentile of {@value #FRAMES} frames, both the whole frame (pulse to pulse:
 * geometry, canvas commands, rasterizing) and the ladder's part on the FX thread (geometry and canvas
 * commands).
 */
public final class LadderFrameBenchmark {
    /** Where the generator is looked for (system property {@code genpcap} to change it). */
    static final String GENPCAP = System.getProperty("genpcap", "/work/shared/bench/genpcap.py");
    static final int FRAMES = 200;
    static final int WARMUP_FRAMES = 60;
    /** Pixels scrolled per frame: an odd number, so that rows meet the viewport edges at every offset. */
    static final double STEP = 23;

    private LadderFrameBenchmark() {
    }

    public static void main(String[] args) {
        // Before the toolkit starts: the software pipeline, and pulses as fast as the work allows.
        System.setProperty("prism.order", "sw");
        System.setProperty("javafx.animation.fullspeed", "true");
        Application.launch(Run.class, args);
    }

    /** The figures of one connection size. */
    record Result(String name, int segments, double loadSeconds, double analysisSeconds, double layoutMillis,
                  double[] frameMillis, double[] paintMillis) {
        double median(double[] v) {
            return percentile(v, 0.5);
        }

        static double percentile(double[] v, double q) {
            double[] s = v.clone();
            Arrays.sort(s);
            return s[Math.min(s.length - 1, (int) Math.floor(q * (s.length - 1) + 0.5))];
        }
    }

    /** The JavaFX application: one window, each capture in turn, then the table. */
    public static final class Run extends Application {
        private final List<Path> files = new ArrayList<>();
        private final List<Result> results = new ArrayList<>();
        private final Messages text = Messages.load();
        private Stage stage;

        @Override
        public void start(Stage stage) throws IOException {
            this.stage = stage;
            for (String a : getParameters().getUnnamed()) {
                files.add(Path.of(a));
            }
            if (files.isEmpty()) {
                files.add(Path.of("/tmp/tcpladder-bench/1k.pcap"));
                files.add(Path.of("/tmp/tcpladder-bench/100k.pcap"));
                files.add(Path.of("/tmp/tcpladder-bench/1m.pcap"));
            }
            System.out.println("prism.order=" + System.getProperty("prism.order") + ", fullspeed pulses, "
                    + FRAMES + " frames per size after " + WARMUP_FRAMES + " warm-up frames; the first capture"
                    + " is run once more first to warm the JIT up (not reported)");
            files.add(0, files.get(0));
            next(0);
        }

        private void next(int i) {
            if (i == files.size()) {
                report();
                Platform.exit();
                return;
            }
            try {
                measure(files.get(i), () -> next(i + 1));
            } catch (IOException | InterruptedException | RuntimeException e) {
                e.printStackTrace();
                Platform.exit();
                System.exit(1);
            }
        }

        private void measure(Path file, Runnable then) throws IOException, InterruptedException {
            ensureExists(file);
            long t0 = System.nanoTime();
            LoadedCapture capture = new CaptureIndexLoader().load(file, LoadProgress.NONE);
            long t1 = System.nanoTime();
            // The longest connection: a generated single-connection file has exactly one.
            Connection longest = capture.index().connections().stream()
                    .max((a, b) -> Integer.compare(a.segmentCount(), b.segmentCount())).orElseThrow();
            LadderData data = CaptureIndexLoader.ladder(capture.index(), longest, longest.endNs(), Narration.english());
            long t2 = System.nanoTime();

            PlaybackViewModel playback = new PlaybackViewModel();
            SettingsViewModel settings = new SettingsViewModel();
            LadderView ladder = new LadderView(text, playback, settings);
            StackPane root = new StackPane(ladder);
            root.getStyleClass().add(StyleClasses.APP);
            root.getStylesheets().add(LadderView.class.getResource(StyleClasses.THEME).toExternalForm());
            // The ladder's share of the program's 1280 x 800 window.
            stage.setScene(new Scene(root, 640, 560));
            stage.setTitle("ladder benchmark: " + file.getFileName());
            stage.show();
            long t3 = System.nanoTime();
            playback.load(data);
            playback.end();
            long t4 = System.nanoTime();
            LadderLayout layout = ladder.layoutProperty().get();
            double start = layout.contentHeight() / 2;
            int total = WARMUP_FRAMES + FRAMES + 1;
            double[] frames = new double[FRAMES];
            double[] paints = new double[FRAMES];
            new AnimationTimer() {
                private int frame;
                private long last;

                @Override
                public void handle(long now) {
                    if (frame > WARMUP_FRAMES) {
                        int k = frame - WARMUP_FRAMES - 1;
                        frames[k] = (now - last) / 1e6;
                        paints[k] = ladder.lastPaintNanos() / 1e6;
                    }
                    last = now;
                    frame++;
                    if (frame == total) {
                        stop();
                        results.add(new Result(file.getFileName().toString(), data.size(), (t1 - t0) / 1e9,
                                (t2 - t1) / 1e9, (t4 - t3) / 1e6, frames, paints));
                        try {
                            capture.index().close();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        Platform.runLater(then);
                        return;
                    }
                    // Scroll on: the ladder view repaints in this pulse, only the rows now visible.
                    ladder.scrollTopProperty().set(start + frame * STEP);
                }
            }.start();
        }

        private void report() {
            results.remove(0);
            System.out.println();
            System.out.println(String.format(Locale.ROOT, "%-12s %9s %8s %9s %9s | %10s %10s | %10s %10s",
                    "capture", "segments", "load s", "analyse s", "layout ms", "frame p50", "frame p95",
                    "paint p50", "paint p95"));
            for (Result r : results) {
                System.out.println(String.format(Locale.ROOT, "%-12s %9d %8.2f %9.2f %9.1f | %10.2f %10.2f | %10.3f %10.3f",
                        r.name(), r.segments(), r.loadSeconds(), r.analysisSeconds(), r.layoutMillis(),
                        r.median(r.frameMillis()), Result.percentile(r.frameMillis(), 0.95),
                        r.median(r.paintMillis()), Result.percentile(r.paintMillis(), 0.95)));
            }
            if (results.size() >= 2) {
                Result small = results.get(0);
                Result large = results.get(results.size() - 1);
                System.out.println(String.format(Locale.ROOT,
                        "%s / %s: frame %.2f x, paint %.2f x (target: at most 1.2 x, and frames under 16 ms)",
                        large.name(), small.name(), large.median(large.frameMillis()) / small.median(small.frameMillis()),
                        large.median(large.paintMillis()) / small.median(small.paintMillis())));
            }
        }

        /** Generates a missing capture with the project's generator: {@code genpcap.py --packets N --conns 1}. */
        private static void ensureExists(Path file) throws IOException, InterruptedException {
            if (Files.exists(file)) {
                return;
            }
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            String digits = name.replaceAll("[^0-9km]", "").replaceAll("\\.", "");
            long packets = Long.parseLong(digits.replaceAll("[km]", ""))
                    * (digits.endsWith("m") ? 1_000_000 : digits.endsWith("k") ? 1_000 : 1);
            if (!Files.exists(Path.of(GENPCAP))) {
                throw new IOException(file + " does not exist; make it with: python3 genpcap.py --packets "
                        + packets + " --conns 1 --out " + file);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            System.out.println("generating " + file + " (" + packets + " packets, one connection)…");
            Process p = new ProcessBuilder("python3", GENPCAP, "--packets", Long.toString(packets), "--conns", "1",
                    "--out", file.toString()).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IOException("genpcap failed for " + file);
            }
        }
    }
}
