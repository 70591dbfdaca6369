package org.tcpladder.capture.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import sun.misc.Signal;

/**
 * Runs {@code watch} in a JVM sized for it. A watch lasts as long as one likes on a port that may be
 * busy, and its memory is meant to follow what it shows (the connections' index, the frames' memory
 * budget), not the machine: but a JVM left to its defaults starts with a heap of a 64th of the
 * machine's memory (384 MB on 24 GB) and lets G1 grow the young generation into it, so that the garbage
 * of a busy capture alone takes some hundreds of MB of resident memory. So, unless the JVM was given heap
 * options of the user's own, the command runs again in a child JVM with a small initial heap and young
 * generation ({@link #CHILD_OPTIONS}; the heap may still grow to the default maximum, so a long watch is
 * never cut short by it), with the same standard streams, and this process waits and passes on its exit
 * code. The serial collector, because measured (bench/watch-bench.sh, 30 s, same machine and hour):
 * G1 with the same small young generation still grew its heap and remembered sets to 420 MB resident,
 * serial stayed at 260 MB; its collections of the old generation pause the capture thread, which the
 * kernel's 64 MiB buffer rides out (no drop in the benchmark). Ctrl-C reaches both (the terminal signals the whole process group); an interrupt or TERM sent
 * to this process alone is passed on as TERM, on which the child, too, prints its summary and removes
 * its temporary file.
 */
final class SizedJvm {
    static final List<String> CHILD_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmn16m");
    static final String CHILD_MARK = "TCPLADDER_SIZED_JVM";

    private SizedJvm() {
    }

    /** Whether this JVM should hand {@code args} to a child: watch, not yet in a child, no heap options given. */
    static boolean wanted(String[] args) {
        if (args.length == 0 || !args[0].equals("watch") || System.getenv(CHILD_MARK) != null) {
            return false;
        }
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-Xm") || a.startsWith("-XX:MaxNewSize") || a.startsWith("-XX:MaxHeapSize")
                    || a.startsWith("-XX:InitialHeapSize") || a.startsWith("-XX:MaxRAM") || a.startsWith("-XX:NewSize")) {
                return false;
            }
        }
        return true;
    }

    /** Runs the command in the child and returns its exit code; -1 if no child could be started. */
    static int run(String[] args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(CHILD_OPTIONS);
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command).inheritIO();
        b.environment().put(CHILD_MARK, "1");
        Process child;
        try {
            child = b.start();
        } catch (IOException e) {
            return -1;
        }
        Signal.handle(new Signal("INT"), s -> child.destroy());
        Signal.handle(new Signal("TERM"), s -> child.destroy());
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                // keep waiting: the child decides when the watch is over
            }
        }
    }
}
