package org.tcpladder.capture.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedFileTest {
    @TempDir
    Path dir;

    private Path file(int size) throws IOException {
        Path file = dir.resolve("f");
        Files.write(file, Frames.bytes(size, 3));
        return file;
    }

    @Test
    void windowStaysWhileRangesFitAndMovesToStartAtTheRangeThatDoesNot() throws IOException {
        byte[] content = Frames.bytes(1000, 3);
        try (MappedFile f = new MappedFile(file(1000), 100)) {
            ByteBuffer first = f.window(10, 20);
            assertEquals(10, f.windowStart());
            assertSame(first, f.window(50, 60)); // 50..110 fits in 10..110
            ByteBuffer moved = f.window(90, 30);
            assertEquals(90, f.windowStart());
            assertEquals(content[100], moved.get(100 - 90));
            // A range longer than the window size gets a window of its own size.
            ByteBuffer big = f.window(500, 400);
            assertEquals(500, f.windowStart());
            assertEquals(content[899], big.get(399));
            // Near the end the window is cut to the file.
            assertEquals(50, f.window(950, 50).limit());
        }
    }

    @Test
    void rangesOutsideTheFileAreRefused() throws IOException {
        try (MappedFile f = new MappedFile(file(100), 64)) {
            assertThrows(IOException.class, () -> f.window(90, 11));
            assertThrows(IOException.class, () -> f.window(-1, 4));
            assertThrows(IOException.class, () -> f.read(99, 2));
            assertThrows(IOException.class, () -> f.read(Long.MAX_VALUE, 2));
            assertThrows(IOException.class, () -> f.read(0, -1));
        }
    }

    @Test
    void readCopiesBytesWithoutMovingTheWindow() throws IOException {
        try (MappedFile f = new MappedFile(file(300), 64)) {
            f.window(0, 10);
            assertArrayEquals(Arrays.copyOfRange(Frames.bytes(300, 3), 200, 300), f.read(200, 100));
            assertEquals(0, f.windowStart());
        }
    }
}
