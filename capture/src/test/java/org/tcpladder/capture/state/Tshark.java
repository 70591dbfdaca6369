package org.tcpladder.capture.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Runs tshark over a capture file and returns, per frame, its TCP analysis flags in the words of
 * {@link AnomalyKind}: {@code RETRANSMISSION}, {@code DUPLICATE_ACK#2@7} (the second duplicate of the ACK
 * in frame 7)... tshark marks fast and spurious retransmissions as retransmissions too; here only the most
 * specific kind is kept, as {@link SequenceAnalysis} does.
 */
final class Tshark {
    private static final AnomalyKind[] KINDS = AnomalyKind.values();

    private Tshark() {
    }

    static Map<Long, TreeSet<String>> analysisFlags(Path capture) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", capture.toString(),
                "-o", "tcp.relative_sequence_numbers:FALSE", "-T", "fields", "-E", "separator=|",
                "-E", "occurrence=f", "-e", "frame.number"));
        for (AnomalyKind k : KINDS) {
            cmd.add("-e");
            cmd.add(k == AnomalyKind.DSACK ? "tcp.options.sack.dsack_le" : k.tsharkField());
        }
        cmd.add("-e");
        cmd.add("tcp.analysis.duplicate_ack_num");
        cmd.add("-e");
        cmd.add("tcp.analysis.duplicate_ack_frame");
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("tshark failed on " + capture + ": exit " + p.exitValue());
        }
        Map<Long, TreeSet<String>> frames = new TreeMap<>();
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            TreeSet<String> flags = new TreeSet<>();
            for (int i = 0; i < KINDS.length; i++) {
                if (!f[1 + i].isEmpty()) {
                    flags.add(KINDS[i].name());
                }
            }
            if (flags.contains(AnomalyKind.FAST_RETRANSMISSION.name())
                    || flags.contains(AnomalyKind.SPURIOUS_RETRANSMISSION.name())) {
                flags.remove(AnomalyKind.RETRANSMISSION.name());
            }
            if (flags.remove(AnomalyKind.DUPLICATE_ACK.name())) {
                flags.add(AnomalyKind.DUPLICATE_ACK.name() + "#" + f[1 + KINDS.length] + "@" + f[2 + KINDS.length]);
            }
            frames.put(Long.parseLong(f[0]), flags);
        }
        return frames;
    }

    /** The same words for our own findings. */
    static TreeSet<String> words(List<Anomaly> anomalies) {
        TreeSet<String> out = new TreeSet<>();
        for (Anomaly a : anomalies) {
            out.add(a.kind() == AnomalyKind.DUPLICATE_ACK
                    ? a.kind().name() + "#" + a.number() + "@" + a.relatedSegmentIndex()
                    : a.kind().name());
        }
        return out;
    }
}
