package org.tcpladder.app.load;

import org.tcpladder.capture.state.TcpState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpladder.app.Captures;
import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.capture.conn.EndKind;
import org.tcpladder.capture.source.CaptureFileException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaptureIndexLoaderTest {
    private final CaptureIndexLoader loader = new CaptureIndexLoader();

    @TempDir
    Path dir;

    @Test
    void listsEveryConnectionWithItsCountersDurationAndEnding() throws IOException {
        LoadedCapture c = loader.load(Captures.TWENTY, LoadProgress.NONE);
        try (var index = c.index()) {
            assertEquals(240, c.packetCount());
            assertEquals(20, c.connections().size());
            assertNull(c.readError());
            ConnectionEntry first = c.connections().get(0);
            assertEquals("10.1.0.3:44530", first.client().toString());
            assertEquals("192.168.100.2:443", first.server().toString());
            assertEquals(34, first.segmentCount());
            assertEquals(EndKind.FIN_BOTH, first.end());
            assertFalse(first.midStream());
            assertTrue(first.durationNs() > 700_000_000L && first.durationNs() < 720_000_000L, "" + first.durationNs());
            assertEquals(ConnectionEntry.NOT_COUNTED, first.anomalies(), "counted afterwards");
            assertEquals(EndKind.RST, c.connections().get(13).end());
            assertSame(first, c.preferred(), "the first complete connection");
        }
    }

    @Test
    void aConnectionsLadderIsBuiltOnlyWhenItIsAskedFor() throws IOException {
        LoadedCapture c = loader.load(Captures.LOOPBACK, LoadProgress.NONE);
        try (var index = c.index()) {
            LadderData ladder = c.connections().get(2).ladder().get();
            assertEquals(14, ladder.size());
            assertEquals("[::1]:47313", ladder.server().toString());
            assertEquals(TcpState.TIME_WAIT, ladder.segment(13).clientState());
        }
    }

    @Test
    void withoutItsSynTheFirstConnectionIsMidStreamAndTheNextCompleteOneIsPreferred() throws IOException {
        Path file = Captures.withoutRecord(Captures.LOOPBACK, 0, dir.resolve("late-start.pcap"));
        LoadedCapture c = loader.load(file, LoadProgress.NONE);
        try (var index = c.index()) {
            assertTrue(c.connections().get(0).midStream());
            assertFalse(c.connections().get(0).complete());
            assertSame(c.connections().get(1), c.preferred());
        }
    }

    @Test
    void aDamagedTailKeepsWhatCameBeforeAndSaysWhereItBroke() throws IOException {
        Path file = Captures.cut(Captures.TWENTY, 10, dir.resolve("cut-short.pcap"));
        LoadedCapture c = loader.load(file, LoadProgress.NONE);
        try (var index = c.index()) {
            assertEquals(239, c.packetCount());
            assertEquals(20, c.connections().size());
            assertNotNull(c.readError());
            assertTrue(c.readError().contains("cut-short.pcap"), c.readError());
            assertTrue(c.readError().contains("byte"), c.readError());
        }
    }

    @Test
    void aFileThatIsNotACaptureNamesTheFileAndTheOffset() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.pcap"), "these are lecture notes, not packets");
        CaptureFileException e = assertThrows(CaptureFileException.class, () -> loader.load(file, LoadProgress.NONE));
        assertTrue(e.getMessage().contains("notes.pcap"), e.getMessage());
        assertTrue(e.getMessage().contains("at byte 0"), e.getMessage());
    }

    @Test
    void progressCountsBytesUpToTheWholeFile() throws IOException {
        Path file = PcapFiles.write(dir.resolve("many.pcap"), 3 * ObservedSource.REPORT_EVERY, 20);
        AtomicLong last = new AtomicLong();
        List<Long> reports = new java.util.ArrayList<>();
        LoadedCapture c = loader.load(file, new LoadProgress() {
            @Override
            public void update(long done, long total) {
                reports.add(done);
                last.set(done);
                assertEquals(file.toFile().length(), total);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        c.index().close();
        assertEquals(file.toFile().length(), last.get());
        assertTrue(reports.size() >= 3, "reports during the read: " + reports);
    }

    @Test
    void cancellingStopsTheRead() throws IOException {
        Path file = PcapFiles.write(dir.resolve("big.pcap"), 3 * ObservedSource.REPORT_EVERY, 20);
        assertThrows(CancellationException.class, () -> loader.load(file, new LoadProgress() {
            @Override
            public void update(long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        }));
    }
}
