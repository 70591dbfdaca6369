package org.tcpladder.app.load;

import org.junit.jupiter.api.Test;
import org.tcpladder.app.Captures;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

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
