package org.tcpladder.app.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpladder.capture.source.CaptureFileException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PacketCountLoaderTest {
    @TempDir
    Path dir;

    @Test
    void countsEveryPacketAndReportsProgressToTheEnd() throws IOException {
        Path file = PcapFiles.write(dir.resolve("three.pcap"), 3, 60);
        AtomicLong lastDone = new AtomicLong();
        long size = Files.size(file);
        LoadedCapture c = new PacketCountLoader().load(file, new LoadProgress() {
            @Override
            public void update(long done, long total) {
                lastDone.set(done);
                assertEquals(size, total);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertEquals(3, c.packetCount());
        assertEquals(Files.size(file), lastDone.get());
        assertTrue(c.connections().isEmpty(), "connections arrive with the capture core");
    }

    @Test
    void aFileThatIsNotACaptureNamesTheFileAndTheOffset() throws IOException {
        Path file = dir.resolve("notes.pcap");
        Files.writeString(file, "these are lecture notes, not packets");
        CaptureFileException e = assertThrows(CaptureFileException.class,
                () -> new PacketCountLoader().load(file, LoadProgress.NONE));
        assertTrue(e.getMessage().contains("notes.pcap"), e.getMessage());
        assertTrue(e.getMessage().contains("at byte 0"), e.getMessage());
    }

    @Test
    void aTruncatedFileIsAnErrorNotAShortCount() throws IOException {
        Path file = PcapFiles.write(dir.resolve("cut.pcap"), 3, 60);
        byte[] all = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(all, all.length - 10));
        assertThrows(CaptureFileException.class, () -> new PacketCountLoader().load(file, LoadProgress.NONE));
    }

    @Test
    void cancellingStopsTheRead() throws IOException {
        Path file = PcapFiles.write(dir.resolve("big.pcap"), 3 * PacketCountLoader.REPORT_EVERY, 20);
        assertThrows(CancellationException.class, () -> new PacketCountLoader().load(file, new LoadProgress() {
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
