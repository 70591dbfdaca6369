package org.tcpladder.capture.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpladder.capture.testing.Cli;
import org.tcpladder.capture.testing.LinkTypeFixtures;
import org.tcpladder.capture.testing.PcapWriter;
import org.tcpladder.capture.testing.Tcpdump;

/**
 * Fuzzing the wrapped packets against the oracle: for every link-type and encapsulation fixture, a
 * capture of bit-flipped and truncated copies of its frames (damaged outer headers, tunnel headers,
 * radio headers, lengths), printed by us and by tcpdump. Printing never fails, and every line we
 * print is tcpdump's line for that packet.
 */
class PrintOfMutatedLinkTypesTest {
    private static final long SEED = 20_251_202L;
    private static final int PACKETS_PER_FIXTURE = 1_500;

    @TempDir
    Path dir;

    @Test
    void everyLinePrintedForAMutatedWrappedPacketIsTcpdumpsLine() throws Exception {
        Random random = new Random(SEED);
        List<Path> files = new ArrayList<>();
        for (String name : LinkTypeFixtures.NAMES) {
            List<LinkTypeFixtures.Frame> seeds = LinkTypeFixtures.frames(name);
            Path file = dir.resolve("mutated-" + name);
            try (PcapWriter w = new PcapWriter(file, seeds.get(0).linkType(), true)) {
                for (int i = 0; i < PACKETS_PER_FIXTURE; i++) {
                    LinkTypeFixtures.Frame seed = seeds.get(random.nextInt(seeds.size()));
                    byte[] frame = mutate(seed.bytes(), random);
                    w.add(PcapWriter.BASE_TIME_NS + i * 1_000L, frame, Math.max(frame.length, seed.originalLength()));
                }
            }
            files.add(file);
        }
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (Path file : files) {
                Map<String, String> tcpdumpByTime = new HashMap<>();
                for (String record : records(Tcpdump.print(file, "--time-stamp-precision=nano"))) {
                    tcpdumpByTime.put(record.substring(0, record.indexOf(' ')), record);
                }
                Cli ours = Cli.run("print", file.toString());
                assertEquals(0, ours.exitCode(), ours.err());
                List<String> mismatches = new ArrayList<>();
                List<String> printed = records(ours.lines());
                for (String record : printed) {
                    String theirs = tcpdumpByTime.get(record.substring(0, record.indexOf(' ')));
                    if (!record.equals(theirs)) {
                        mismatches.add("ours:    " + record + "\ntcpdump: " + theirs);
                    }
                }
                assertTrue(mismatches.isEmpty(), file.getFileName() + ": " + mismatches.size() + " of " + printed.size()
                        + " differ, e.g.\n" + String.join("\n", mismatches.subList(0, Math.min(6, mismatches.size()))));
                assertTrue(printed.size() > PACKETS_PER_FIXTURE / 2, file.getFileName() + ": most mutated packets are still TCP: "
                        + printed.size());
            }
        });
    }

    /** Flips 1 to 4 bits anywhere; one time in four cuts the frame at a random length. */
    private static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips; i++) {
            int bit = random.nextInt(b.length * 8);
            b[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        if (random.nextInt(4) == 0) {
            b = java.util.Arrays.copyOf(b, random.nextInt(b.length + 1));
        }
        return b;
    }

    /**
     * Lines grouped per packet (tcpdump breaks the line after a VXLAN header); the notes tcpdump
     * writes about a record it cannot read start with "[" and are no packet's.
     */
    static List<String> records(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (!line.isEmpty() && Character.isDigit(line.charAt(0))) {
                out.add(line);
            } else if (!out.isEmpty() && !line.startsWith("\t") && !line.startsWith("[")) {
                out.set(out.size() - 1, out.get(out.size() - 1) + "\n" + line);
            }
        }
        return out;
    }
}
