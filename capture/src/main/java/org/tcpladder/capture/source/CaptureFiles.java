package org.tcpladder.capture.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * THE way to open a capture file: {@code try (PacketSource s = CaptureFiles.open(path)) { ... }}.
 * The format is chosen by the file's first bytes, never its name: classic pcap, pcapng, or either of
 * them compressed with gzip. Pure Java: no libpcap needed.
 *
 * <p>Every failure is a {@link CaptureFileException} whose message names the file and reads well in
 * a dialog: no such file, a directory, permission denied, an empty file, not a capture file (quoting
 * how it starts), a corrupt or cut gzip, or damage at a byte offset.
 */
public final class CaptureFiles {
    private CaptureFiles() {
    }

    public static PacketSource open(Path path) throws CaptureFileException {
        String name = path.toString();
        checkReadableFile(path, name);
        byte[] head = new byte[CaptureFormat.HEAD_BYTES + 1]; // one more, to know whether more follows
        int headLength = readHead(path, name, head);
        if (headLength == 0) {
            throw new CaptureFileException(name, "the file is empty (0 bytes), not a capture file");
        }
        CaptureFormat format = CaptureFormat.detect(head, headLength);
        if (format == null) {
            // The magic number is the file's first bytes: the problem is at byte 0.
            throw new CaptureFileException(name, 0, CaptureFormat.describeUnknown(head, headLength));
        }
        if (format != CaptureFormat.GZIP) {
            return openReader(format, path, name);
        }
        Path temporary = GzipDecompression.toTemporaryFile(path, name);
        boolean opened = false;
        try {
            headLength = readHead(temporary, name, head);
            format = CaptureFormat.detect(head, headLength);
            if (headLength == 0) {
                throw new CaptureFileException(name, "gzip-compressed, but what it holds is empty, not a capture file");
            }
            if (format == null || format == CaptureFormat.GZIP) {
                throw new CaptureFileException(name, "gzip-compressed, but what it holds is "
                        + CaptureFormat.describeUnknown(head, headLength));
            }
            // Offsets in later messages count the decompressed bytes, so say so in the name.
            PacketSource source = new DecompressedCaptureSource(
                    openReader(format, temporary, name + " (decompressed)"), temporary);
            opened = true;
            return source;
        } finally {
            if (!opened) {
                GzipDecompression.deleteQuietly(temporary);
            }
        }
    }

    private static PacketSource openReader(CaptureFormat format, Path path, String name) throws CaptureFileException {
        try {
            return format == CaptureFormat.PCAP ? new PcapFileReader(path, name) : new PcapngFileReader(path, name);
        } catch (CaptureFileException e) {
            throw e;
        } catch (IOException e) {
            throw cannotRead(name, e);
        }
    }

    /** Refuses, with a message a user understands, anything but an existing readable regular file. */
    private static void checkReadableFile(Path path, String name) throws CaptureFileException {
        if (!Files.exists(path)) {
            throw new CaptureFileException(name, Files.isSymbolicLink(path)
                    ? "is a symbolic link to a file that does not exist" : "no such file");
        }
        if (Files.isDirectory(path)) {
            throw new CaptureFileException(name, "is a directory, not a capture file");
        }
        if (!Files.isRegularFile(path)) {
            throw new CaptureFileException(name, "is not a regular file (a device, pipe or socket), not a capture file");
        }
        if (!Files.isReadable(path)) {
            throw new CaptureFileException(name, permissionDenied());
        }
    }

    /** Copies the first bytes of the file into {@code head}; returns how many (0 for an empty file). */
    private static int readHead(Path path, String name, byte[] head) throws CaptureFileException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer into = ByteBuffer.wrap(head);
            while (into.hasRemaining() && channel.read(into, into.position()) > 0) {
                // positional reads until the head is full or the file ends
            }
            return into.position();
        } catch (IOException e) {
            throw cannotRead(name, e);
        }
    }

    /** The message for an I/O failure while opening, in words a user understands. */
    static CaptureFileException cannotRead(String name, IOException e) {
        if (e instanceof AccessDeniedException) {
            return new CaptureFileException(name, permissionDenied());
        }
        if (e instanceof NoSuchFileException) {
            return new CaptureFileException(name, "no such file");
        }
        return new CaptureFileException(name, "cannot read: " + e.getMessage());
    }

    private static String permissionDenied() {
        return "permission denied: this user may not read the file";
    }
}
