package org.tcpladder.capture.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** {@code java ... Main watch} as a user starts it: in a child JVM sized for watching, ended by a signal. */
class WatchInASizedJvmTest {

    @Test
    void watchRunsInAChildJvmWithTheSerialCollectorAndATermEndsItWithItsSummaryAndNoFileLeft() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "watch", "--port", "9").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        List<String> err = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    err.add(line);
                }
            } catch (java.io.IOException e) {
                // ended
            }
        });
        reader.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (err.stream().noneMatch(l -> l.contains("capturing 'tcp port 9'")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<ProcessHandle> children = p.toHandle().children().toList();
        assertEquals(1, children.size(), "one child JVM: " + err);
        String childCommand = children.get(0).info().commandLine().orElse("");
        assertTrue(childCommand.contains("-XX:+UseSerialGC -Xms32m -Xmn16m"), childCommand);
        Matcher m = Pattern.compile("frames beyond it go to (\\S+\\.pcapng)").matcher(String.join("\n", err));
        assertTrue(m.find(), err.toString());
        Path file = Path.of(m.group(1));
        assertTrue(Files.exists(file), file.toString());

        // SIGTERM to the parent alone (not Process.destroy, which also closes the pipe the summary comes on)
        assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the watch ended");
        reader.join(5000);
        assertFalse(children.get(0).isAlive(), "the child ended too");
        assertTrue(err.stream().anyMatch(l -> l.startsWith("tcpladder watch: 0 frames captured in ")), err.toString());
        assertFalse(Files.exists(file), "the spill file is removed: " + file);
    }
}
