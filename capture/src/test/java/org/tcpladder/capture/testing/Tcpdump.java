package org.tcpladder.capture.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The oracle: runs the real tcpdump to capture on loopback and to print capture files. */
public final class Tcpdump {
    /** tcpdump's text up to the last "length N"; what follows is application-layer dissection (out of scope). */
    private static final Pattern LENGTH = Pattern.compile(", length \\d+");

    private Tcpdump() {
    }

    /** {@code tcpdump [flags] -nn -tt -r FILE}, one string per line, application-layer text removed. */
    public static List<String> print(Path file, String... flags) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tcpdump"));
        cmd.addAll(List.of(flags));
        cmd.addAll(List.of("-nn", "-tt", "-r", file.toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.ISO_8859_1))) {
            for (String line; (line = r.readLine()) != null; ) {
                lines.add(withoutApplicationLayer(line));
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("tcpdump did not finish reading " + file);
        }
        return lines;
    }

    /**
     * The line up to the TCP part's {@code , length N} when text follows it: the one after the last
     * {@code Flags [}, since a tunnel's outer header has a length of its own
     * ({@code GREv0, length 64: IP ...: [|tcp]} has no TCP length and is kept whole).
     */
    public static String withoutApplicationLayer(String line) {
        int flags = line.lastIndexOf("Flags [");
        if (flags < 0) {
            return line;
        }
        Matcher m = LENGTH.matcher(line);
        m.region(flags, line.length());
        int end = -1;
        while (m.find()) {
            end = m.end();
        }
        if (end < 0 || end == line.length()) {
            return line;
        }
        char c = line.charAt(end);
        return c == ':' || c == ',' || Character.isWhitespace(c) ? line.substring(0, end) : line;
    }

    /**
     * Starts {@code tcpdump -i IFACE -B 32768 --immediate-mode -U -w FILE [extra] FILTER} and waits until it is
     * capturing. Immediate mode matters: otherwise the kernel hands packets over in blocks with a
     * one-second timeout and the last block is lost when tcpdump is stopped.
     */
    public static Capture capture(String iface, Path file, String filter, String... extra) throws IOException {
        return capture(List.of(), iface, file, filter, extra);
    }

    /** {@link #capture(String, Path, String, String...)} run under {@code prefix} (e.g. {@code ip netns exec NS}). */
    public static Capture capture(List<String> prefix, String iface, Path file, String filter, String... extra)
            throws IOException {
        // A 32 MiB kernel buffer: loopback segments are up to 64 KiB and the default buffer drops them.
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of("tcpdump", "-i", iface, "-B", "32768", "--immediate-mode", "-U",
                "-w", file.toString()));
        cmd.addAll(List.of(extra));
        cmd.add(filter);
        Process p = new ProcessBuilder(cmd).start();
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder said = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String line = err.readLine();
            if (line == null) {
                throw new IOException("tcpdump ended before capturing: " + said);
            }
            said.append(line).append('\n');
            if (line.contains("listening on")) {
                Thread drain = new Thread(() -> {
                    try {
                        while (err.readLine() != null) {
                            // keep the pipe empty
                        }
                    } catch (IOException ignored) {
                        // tcpdump went away
                    }
                }, "tcpdump-stderr");
                drain.setDaemon(true);
                drain.start();
                return new Capture(p);
            }
        }
        p.destroyForcibly();
        throw new IOException("tcpdump did not start capturing: " + said);
    }

    /** A running capture; {@link #close()} stops it (SIGTERM makes tcpdump flush and exit). */
    public static final class Capture implements AutoCloseable {
        private final Process process;

        Capture(Process process) {
            this.process = process;
        }

        @Override
        public void close() throws IOException {
            try {
                // Give the kernel a moment to hand the last packets to tcpdump before stopping it.
                Thread.sleep(300);
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IOException("tcpdump did not stop");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IOException(e);
            }
        }
    }
}
