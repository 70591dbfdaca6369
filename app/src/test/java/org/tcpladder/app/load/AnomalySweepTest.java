package org.tcpladder.app.load;

import org.junit.jupiter.api.Test;
import org.tcpladder.app.Captures;

import org.tcpladder.capture.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnomalySweepTest {
    @Test
    void everyConnectionGetsTheNumberOfItsSegmentsWithAnomalies() throws IOException {
        LoadedCapture c = new CaptureIndexLoader().load(Captures.TWENTY, LoadProgress.NONE);
        try (var index = c.index()) {
            List<ConnectionEntry> published = new CopyOnWriteArrayList<>();
            new AnomalySweep(c.connections(), CaptureIndexLoader.captureEndNs(index), published::addAll).run();
            Map<Object, Integer> counts = new HashMap<>();
            for (ConnectionEntry e : published) {
                counts.put(e.key(), e.anomalies());
            }
            assertEquals(20, counts.size());
            assertEquals(2, counts.get(c.connections().get(0).key()));
            assertEquals(1, counts.get(c.connections().get(1).key()));
            assertEquals(1, counts.get(c.connections().get(11).key()));
            assertEquals(4, counts.values().stream().mapToInt(Integer::intValue).sum());
        }
    }

    @Test
    void everyConnectionGetsBothFinalStatesAsTheCommandLinePrintsThem() throws IOException {
        // The oracle: `connections --states` infers the final states with the capture core's streaming
        // follower, a separate path from the window's per-connection analysis.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = Main.run(List.of("connections", "--states", Captures.TWENTY.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, rc);
        Map<Integer, String> expected = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^(\\d+) .* final client=(\\S+) server=(\\S+)")
                .matcher(out.toString(StandardCharsets.UTF_8));
        while (m.find()) {
            expected.put(Integer.parseInt(m.group(1)), m.group(2) + " " + m.group(3));
        }
        assertEquals(20, expected.size());

        LoadedCapture c = new CaptureIndexLoader().load(Captures.TWENTY, LoadProgress.NONE);
        try (var index = c.index()) {
            List<ConnectionEntry> published = new CopyOnWriteArrayList<>();
            new AnomalySweep(c.connections(), CaptureIndexLoader.captureEndNs(index), published::addAll).run();
            Map<Integer, String> actual = new HashMap<>();
            for (ConnectionEntry e : published) {
                assertTrue(e.analysed());
                actual.put(e.index(), e.clientFinal().displayName() + " " + e.serverFinal().displayName());
            }
            assertEquals(expected, actual);
        }
    }

    @Test
    void aCancelledSweepPublishesNothing() throws IOException {
        LoadedCapture c = new CaptureIndexLoader().load(Captures.TWENTY, LoadProgress.NONE);
        try (var index = c.index()) {
            List<ConnectionEntry> published = new CopyOnWriteArrayList<>();
            AnomalySweep sweep = new AnomalySweep(c.connections(), 0, published::addAll);
            sweep.cancel();
            sweep.run();
            assertTrue(published.isEmpty());
        }
    }
}
