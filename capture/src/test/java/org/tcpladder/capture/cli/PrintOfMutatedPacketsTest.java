package org.tcpladder.capture.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcpladder.capture.testing.Frames.bytes;
import static org.tcpladder.capture.testing.Frames.concat;
import static org.tcpladder.capture.testing.Frames.ethernet;
import static org.tcpladder.capture.testing.Frames.ipv4;
import static org.tcpladder.capture.testing.Frames.ipv6;
import static org.tcpladder.capture.testing.Frames.tcp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpladder.capture.decode.LinkTypes;
import org.tcpladder.capture.testing.Cli;
import org.tcpladder.capture.testing.Frames;
import org.tcpladder.capture.testing.PcapWriter;
import org.tcpladder.capture.testing.Tcpdump;

/**
 * Fuzzing against the oracle: thousands of bit-flipped and truncated TCP packets in one capture file,
 * printed by us and by tcpdump. Printing never fails, and every line we print is tcpdump's line for
 * that packet.
 */
class PrintOfMutatedPacketsTest {
    private static final long SEED = 20_251_121L;
    private static final int PACKETS = 6_000;

    @TempDir
    Path dir;

    @Test
    void everyLinePrintedForAMutatedPacketIsTcpdumpsLine() throws Exception {
        byte[][] seeds = {
            ethernet(ipv4(tcp().ports(40000, 9000).flags(0x02)
                    .options(2, 4, 0x05, 0xb4, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7).build()).build()),
            ethernet(ipv4(tcp().ports(9000, 40000).flags(0x18).ack(5)
                    .options(1, 1, 5, 18, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4).payload("hello world").build()).build()),
            ethernet(ipv4(tcp().flags(0x10).ack(1)
                    .options(30, 20, 0x20, 0x0f, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 9, 0, 0, 0, 10, 0, 16).build()).build()),
            ethernet(ipv6(tcp().flags(0x02).options(34, 10, 1, 2, 3, 4, 5, 6, 7, 8, 254, 4, 0xf9, 0x89).build()).build()),
            ethernet(ipv6(tcp().flags(0x11).ack(9).options(1, 1, 8, 10, 0, 0, 0, 7, 0, 0, 0, 8).build())
                    .extensions(0, concat(bytes(60, 0, 1, 4, 0, 0, 0, 0), bytes(6, 0, 1, 4, 0, 0, 0, 0))).build()),
            ethernet(ipv4(tcp().flags(0x10).ack(1).options(30, 12, 0x11, 0x05, 1, 2, 3, 4, 5, 6, 7, 8,
                    28, 4, 0, 11, 19, 18, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15).build()).build()),
            ethernet(ipv6(tcp().flags(0x18).ack(3).payload("routed").build()).extensions(43,
                    concat(bytes(51, 4, 0, 1, 0, 0, 0, 0), Frames.V6_A, Frames.V6_B,
                            bytes(44, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1), bytes(6, 0, 0, 1, 0, 0, 0, 5))).build()),
            ethernet(ipv4(concat(bytes(6, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1),
                    tcp().flags(0x12).ack(1).options(2, 4, 5, 0xb4, 30, 16, 0x10, 5, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12).build()))
                    .protocol(51).options(1, 1, 7, 7, 4, 0, 0, 0, 0, 0).build()),
            ethernet(ipv4(tcp().flags(0x10).ack(7).options(30, 30, 0x30, 0x01, 0x20, 1, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0,
                    0, 0, 0, 2, 0x1f, 0x90, 1, 2, 3, 4, 5, 6, 7, 8).build()).fragment(0x2000).build()),
        };
        Random random = new Random(SEED);
        List<byte[]> frames = new ArrayList<>();
        List<Integer> originals = new ArrayList<>();
        for (int i = 0; i < PACKETS; i++) {
            byte[] seed = seeds[random.nextInt(seeds.length)];
            byte[] frame = mutateAbove(seed, 14, random);
            frames.add(frame);
            originals.add(random.nextInt(6) == 0 ? frame.length + random.nextInt(40) : frame.length);
        }
        Path file = dir.resolve("mutated.pcap");
        try (PcapWriter w = new PcapWriter(file, LinkTypes.ETHERNET, true)) {
            for (int i = 0; i < frames.size(); i++) {
                w.add(PcapWriter.BASE_TIME_NS + i * 1_000L, frames.get(i), originals.get(i));
            }
        }
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (String[] flags : new String[][] {{}, {"-S"}}) {
                Map<String, String> tcpdumpByTime = new HashMap<>();
                List<String> tcpdumpFlags = new ArrayList<>(List.of("--time-stamp-precision=nano"));
                tcpdumpFlags.addAll(List.of(flags));
                for (String line : Tcpdump.print(file, tcpdumpFlags.toArray(String[]::new))) {
                    if (!line.isEmpty() && Character.isDigit(line.charAt(0))) {
                        tcpdumpByTime.put(line.substring(0, line.indexOf(' ')), line);
                    }
                }
                List<String> args = new ArrayList<>(List.of("print"));
                args.addAll(List.of(flags));
                args.add(file.toString());
                Cli ours = Cli.run(args.toArray(String[]::new));
                assertEquals(0, ours.exitCode(), ours.err());
                List<String> mismatches = new ArrayList<>();
                for (String line : ours.lines()) {
                    String theirs = tcpdumpByTime.get(line.substring(0, line.indexOf(' ')));
                    if (!line.equals(theirs)) {
                        mismatches.add("ours:    " + line + "\ntcpdump: " + theirs);
                    }
                }
                assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + ours.lines().size() + " lines differ "
                        + List.of(flags) + ", e.g.\n" + String.join("\n", mismatches.subList(0, Math.min(8, mismatches.size()))));
                assertTrue(ours.lines().size() > PACKETS / 2, "most mutated packets are still TCP: " + ours.lines().size());
            }
        });
    }

    /** Flips 1 to 4 bits after the first {@code keep} bytes; one time in four cuts the frame. */
    private static byte[] mutateAbove(byte[] seed, int keep, Random random) {
        byte[] b = seed.clone();
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips; i++) {
            int bit = keep * 8 + random.nextInt((b.length - keep) * 8);
            b[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        if (random.nextInt(4) == 0) {
            b = java.util.Arrays.copyOf(b, keep + random.nextInt(b.length - keep + 1));
        }
        return b;
    }
}
