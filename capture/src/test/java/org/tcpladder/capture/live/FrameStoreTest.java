package org.tcpladder.capture.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tcpladder.capture.source.RawPacket;

class FrameStoreTest {

    private static byte[] frame(int seed, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed * 31 + i);
        }
        return b;
    }

    @Test
    void framesReadBackFromTheirOffsetsAcrossManyChunks() throws IOException {
        FrameStore store = new FrameStore(64L << 20);
        List<RawPacket> packets = new ArrayList<>();
        List<byte[]> frames = new ArrayList<>();
        long expectedOffset = 0;
        for (int i = 0; i < 200; i++) {
            byte[] f = frame(i, 60_000 + i * 7);
            RawPacket p = store.append(i + 1, 1000L * i, 1, f.length + 3, f, 0, f.length);
            assertNotNull(p);
            assertEquals(expectedOffset, p.dataOffset, "offsets run on without gaps");
            expectedOffset += f.length;
            packets.add(p);
            frames.add(f);
        }
        assertEquals(expectedOffset, store.size());
        for (int i = 0; i < packets.size(); i++) {
            RawPacket p = packets.get(i);
            assertArrayEquals(frames.get(i), store.read(p.dataOffset, p.capturedLength));
            byte[] viaBuffer = new byte[p.capturedLength];
            p.buffer.duplicate().position(p.position).get(viaBuffer);
            assertArrayEquals(frames.get(i), viaBuffer, "the packet's own view");
            assertEquals(p.capturedLength + 3, p.originalLength);
        }
        // A read may span frames and chunk boundaries.
        RawPacket a = packets.get(68);
        byte[] span = store.read(a.dataOffset, a.capturedLength + 10);
        byte[] next = frames.get(69);
        assertEquals(next[9], span[a.capturedLength + 9]);
    }

    @Test
    void aFrameBeyondTheLimitIsRefused() {
        FrameStore store = new FrameStore(100);
        assertNotNull(store.append(1, 0, 1, 60, frame(1, 60), 0, 60));
        assertNull(store.append(2, 0, 1, 60, frame(2, 60), 0, 60));
        assertEquals(60, store.size());
    }

    @Test
    void readsOutsideTheStoredBytesOrAfterCloseAreIoErrors() {
        FrameStore store = new FrameStore(1000);
        store.append(1, 0, 1, 10, frame(1, 10), 0, 10);
        assertThrows(IOException.class, () -> store.read(5, 6));
        assertThrows(IOException.class, () -> store.read(-1, 2));
        store.close();
        assertThrows(IOException.class, () -> store.read(0, 1));
        assertNull(store.append(2, 0, 1, 10, frame(2, 10), 0, 10));
    }
}
