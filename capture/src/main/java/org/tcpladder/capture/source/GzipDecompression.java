package org.tcpladder.capture.source;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Decompresses a gzip file (RFC 1952, one or more members) into a temporary file, streaming through a
 * fixed buffer, so that the capture inside can be memory-mapped like any other: payloads stay readable
 * on demand and memory stays bounded. The temporary file is deleted on failure here, and otherwise by
 * whoever closes the source that reads it (and, as a last resort, when the JVM exits).
 */
final class GzipDecompression {
    private static final int BUFFER = 1 << 16;

    private GzipDecompression() {
    }

    /** Returns the temporary file holding the decompressed bytes. */
    static Path toTemporaryFile(Path gzip, String name) throws CaptureFileException {
        Path temporary;
        try {
            temporary = Files.createTempFile("tcpladder-", ".decompressed");
        } catch (IOException e) {
            throw new CaptureFileException(name, "cannot create a temporary file to decompress into: " + e.getMessage());
        }
        temporary.toFile().deleteOnExit();
        boolean done = false;
        try {
            decompress(gzip, name, temporary);
            done = true;
            return temporary;
        } finally {
            if (!done) {
                deleteQuietly(temporary);
            }
        }
    }

    private static void decompress(Path gzip, String name, Path temporary) throws CaptureFileException {
        byte[] buffer = new byte[BUFFER];
        long written = 0;
        try (InputStream raw = Files.newInputStream(gzip);
             OutputStream out = Files.newOutputStream(temporary)) {
            GZIPInputStream in;
            try {
                in = new GZIPInputStream(raw, BUFFER);
            } catch (IOException e) {
                throw readFailure(name, e, 0);
            }
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    throw readFailure(name, e, written);
                }
                if (n < 0) {
                    break;
                }
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    throw new CaptureFileException(name, "cannot decompress into the temporary file " + temporary
                            + " (" + e.getMessage() + ")");
                }
                written += n;
            }
        } catch (CaptureFileException e) {
            throw e;
        } catch (IOException e) {
            throw new CaptureFileException(name, "cannot read: " + e.getMessage());
        }
    }

    private static CaptureFileException readFailure(String name, IOException e, long written) {
        if (e instanceof EOFException) {
            return new CaptureFileException(name, "gzip data is cut short: the file ends inside the compressed stream"
                    + " (after " + written + " decompressed bytes)");
        }
        if (e instanceof ZipException) {
            return new CaptureFileException(name, "corrupt gzip data (" + e.getMessage() + ") after "
                    + written + " decompressed bytes");
        }
        return new CaptureFileException(name, "cannot read: " + e.getMessage());
    }

    static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // deleteOnExit is still registered
        }
    }
}
