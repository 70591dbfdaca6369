package org.tcpladder.capture.source;

import java.io.IOException;

/**
 * A stream of link-layer frames: a capture file (pcap, pcapng, gzip of either) or a live capture.
 * Streaming: memory stays bounded whatever the size of the source.
 */
public interface PacketSource extends AutoCloseable {

    /**
     * Fills {@code into} with the next frame.
     *
     * @return false at the clean end of the source
     * @throws CaptureFileException when the file itself is damaged (names the file and byte offset);
     *                              the frames before it have been delivered
     */
    boolean next(RawPacket into) throws CaptureFileException;

    /** Resolution of the timestamps (decides tcpdump's 6 or 9 digits). */
    TimePrecision precision();

    /** Interface name for a pcapng interface id, or null if the capture does not say. */
    String interfaceName(int interfaceId);

    /** Bytes consumed so far and total size (for progress bars); total is -1 when unknown. */
    long bytesRead();

    long totalBytes();

    /** Random access to the bytes already read, for payloads read back on demand. */
    ByteStore store();

    @Override
    void close() throws IOException;
}
