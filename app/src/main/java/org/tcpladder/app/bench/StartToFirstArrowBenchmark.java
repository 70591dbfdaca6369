package org.tcpladder.app.bench;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.tcpladder.app.Messages;
import org.tcpladder.app.live.DemoRoute;
import org.tcpladder.app.live.DemoRun;
import org.tcpladder.app.view.FirstFrame;
import org.tcpladder.app.view.MainWindow;
import org.tcpladder.app.view.NodeIds;
import org.tcpladder.app.view.WindowWarmUp;
import org.tcpladder.app.viewmodel.RecentFiles;
import org.tcpladder.capture.demo.Scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.prefs.Preferences;

/**
 * How long from clicking Start to the first arrow on screen: the issue asks for under 300 ms. Run (as
 * root: it captures live on loopback): {@code DISPLAY=:99 mvn -B -o -q -pl app -am compile javafx:run@start-bench}.
 *
 * <p>Each figure comes from the real window: the Start button is fired (the button's own code path) for
 * the echo scenario in run mode over IPv4, and the time is taken from the click to the start of the
 * second pulse after the one in which the ladder painted the first segment's arrow: by then that frame
 * has been rendered (see {@link #onScreen}; the window's own {@code firstArrowMillis} marks the paint).
 * Every session runs to its end before the next click.
 *
 * <p>Three fresh JVMs are started, as the program would be. In the first, Start is clicked the moment
 * the window's first frame is on screen ({@link FirstFrame}: earlier than a person could), in the second half a second
 * later (a quick person), both while the start-up warm-ups ({@code DemoRoute}, {@link WindowWarmUp})
 * still run; in the third, Start is clicked once the warm-ups are over (it prints when that was), then
 * N-1 more times. A click's time runs from when it is made, not from when the FX thread gets to it.
 * Argument: N (default 10).
 */
public final class StartToFirstArrowBenchmark {
    static final long TARGET_MS = 300;
    private static final String CHILD = "--child=";
    /** The three fresh JVMs: when their first click comes. */
    private static final String AT_ONCE = "at-once";
    private static final String QUICK = "quick";
    private static final String WARM = "warm";
    /** A quick person's first click after the window appears. */
    static final long QUICK_MS = 500;

    private StartToFirstArrowBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Optional<String> child = Arrays.stream(args).filter(a -> a.startsWith(CHILD)).findFirst();
        if (child.isPresent()) {
            DemoRoute.probeInBackground();
            Application.launch(Run.class, args);
            return;
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<Long> atOnce = child(AT_ONCE, 1);
        List<Long> quick = child(QUICK, 1);
        List<Long> warm = child(WARM, n);
        if (atOnce.isEmpty() || quick.isEmpty() || warm.isEmpty()) {
            System.out.println("start-bench: a run measured nothing (see above)");
            System.exit(1);
        }
        // The warm clicks: those after the first click of the warm JVM (which the line above reports).
        long[] w = (warm.size() > 1 ? warm.subList(1, warm.size()) : warm).stream()
                .mapToLong(Long::longValue).sorted().toArray();
        long median = w[(w.length - 1) / 2];
        long max = w[w.length - 1];
        System.out.println();
        System.out.println("Start to first arrow on screen (target < " + TARGET_MS + " ms), echo, run mode, IPv4");
        System.out.println(row("first click, the moment the window is on screen", atOnce.get(0)));
        System.out.println(row("first click, " + QUICK_MS + " ms after the window is on screen", quick.get(0)));
        System.out.println(row("first click after the start-up warm-ups", warm.get(0)));
        System.out.println(row("later clicks (" + w.length + "), median", median));
        System.out.println(row("later clicks (" + w.length + "), max", max));
        System.out.println("warm JVM, every click (ms): " + warm);
        System.exit(0);
    }

    private static String row(String what, long ms) {
        return String.format(Locale.ROOT, "  %-50s %6d ms  %s", what, ms, ms < TARGET_MS ? "PASS" : "MISS");
    }

    /** Runs this class again in a fresh JVM with the same command line; returns its figures. */
    private static List<Long> child(String mode, int clicks) throws IOException, InterruptedException {
        ProcessHandle.Info info = ProcessHandle.current().info();
        String[] self = info.arguments().orElseThrow(() -> new IllegalStateException("own command line unknown"));
        List<String> command = new ArrayList<>();
        command.add(info.command().orElse("java"));
        for (String a : self) {
            command.add(a);
            if (a.equals(StartToFirstArrowBenchmark.class.getName())
                    || a.endsWith("/" + StartToFirstArrowBenchmark.class.getName())) {
                break;
            }
        }
        command.add(CHILD + mode);
        command.add(Integer.toString(clicks));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<Long> figures = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("click ")) {
                    figures.add(Long.parseLong(line.substring(line.lastIndexOf(' ') + 1)));
                }
                System.out.println("  [" + mode + "] " + line);
            }
        }
        p.waitFor();
        return figures;
    }

    /** One JVM: the window, then the clicks; prints {@code click K painted P on-screen S}. */
    public static final class Run extends Application {
        private MainWindow window;
        private Button start;
        private int clicks;
        private int done;
        private volatile long clickNs;

        @Override
        public void start(Stage stage) {
            long startNs = System.nanoTime();
            List<String> args = getParameters().getRaw();
            String mode = args.stream().filter(a -> a.startsWith(CHILD)).findFirst().orElseThrow()
                    .substring(CHILD.length());
            clicks = Integer.parseInt(args.get(args.size() - 1));
            // As the program starts (TcpLadderApp): the background warm-up first (from main, and again
            // here), then the window with its hand-built ladder, then the hidden window's warm-up.
            DemoRoute.probeInBackground();
            Preferences scratch = Preferences.userRoot().node("org/tcpladder/bench-scratch");
            window = new MainWindow(Messages.load(), new RecentFiles(scratch, RecentFiles.DEFAULT_LIMIT));
            window.install(stage);
            window.settings().stepModeProperty().set(false);
            window.settings().scenarioProperty().set(Scenario.ECHO_CLIENT_CLOSES_FIRST);
            window.settings().ipv6Property().set(false);
            stage.show();
            window.openFromArguments(List.of());
            CompletableFuture<Integer> windowWarm = WindowWarmUp.start(Messages.load(), window);
            start = (Button) window.root().lookup("#" + NodeIds.START);
            window.firstArrowMillisProperty().addListener((o, a, ms) -> {
                if (ms.longValue() >= 0) {
                    onScreen(ms.longValue());
                }
            });
            if (mode.equals(WARM)) {
                Thread t = new Thread(() -> {
                    try {
                        if (!DemoRoute.awaitWarmUp(60_000)) {
                            System.out.println("warm-up did not end within 60 s");
                        }
                        int segments = windowWarm.get(60, TimeUnit.SECONDS);
                        System.out.println("warm-ups over " + (System.nanoTime() - startNs) / 1_000_000L
                                + " ms after start() (the hidden copy's ladder: " + segments + " segments)");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (ExecutionException | TimeoutException e) {
                        System.out.println("window warm-up: " + e);
                    }
                    clickIn(0);
                }, "await-warm-ups");
                t.setDaemon(true);
                t.start();
            } else {
                long delay = mode.equals(QUICK) ? QUICK_MS : 0;
                FirstFrame.then(() -> {
                    System.out.println("window on screen " + (System.nanoTime() - startNs) / 1_000_000L
                            + " ms after start(); clicking " + delay + " ms later");
                    clickIn(delay);
                });
            }
        }

        /**
         * A person clicks Start {@code delayMs} from now: the time runs from then, so that a click that
         * has to wait for the FX thread (busy with a warm-up, say) counts the wait, as the person would.
         */
        private void clickIn(long delayMs) {
            Thread person = new Thread(() -> {
                try {
                    Thread.sleep(delayMs);
                } catch (InterruptedException e) {
                    return;
                }
                clickNs = System.nanoTime();
                Platform.runLater(this::click);
            }, "person");
            person.setDaemon(true);
            person.start();
        }

        private void click() {
            start.fire();
            DemoRun run = window.demoRun();
            run.failureProperty().addListener((o, a, e) -> {
                if (e != null) {
                    System.out.println("Start failed: " + e);
                    Platform.exit();
                    System.exit(2);
                }
            });
        }

        /**
         * The ladder painted the first arrow in this pulse; the render thread renders that frame after the
         * pulse, and the next pulse waits for it before handing over its own: at the start of the pulse
         * after that one, the arrow is on screen. (A timer started now is first called in the next pulse.)
         */
        private void onScreen(long paintedMs) {
            new AnimationTimer() {
                private int pulses;

                @Override
                public void handle(long now) {
                    if (++pulses < 2) {
                        return;
                    }
                    stop();
                    long ms = (System.nanoTime() - clickNs) / 1_000_000L;
                    done++;
                    System.out.println("click " + done + " painted " + paintedMs + " on-screen " + ms);
                    afterSession(window.demoRun());
                }
            }.start();
        }

        /** The session ends before the next click (or the JVM exits after the last). */
        private void afterSession(DemoRun run) {
            Runnable next = () -> {
                if (done >= clicks) {
                    Platform.exit();
                    System.exit(0);
                }
                // A short pause, as between a person's clicks.
                clickIn(300);
            };
            if (run.outcomeProperty().get() != null) {
                next.run();
            } else {
                run.outcomeProperty().addListener((o, a, outcome) -> {
                    if (outcome != null) {
                        next.run();
                    }
                });
            }
        }
    }
}
