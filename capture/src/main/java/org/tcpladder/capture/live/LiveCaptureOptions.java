package org.tcpladder.capture.live;

import java.nio.file.Path;

/**
 * How to open a live capture.
 *
 * @param device          interface name ({@code lo} on Linux)
 * @param filter          BPF filter expression (pcap-filter(7)), e.g. {@code tcp port 41234}
 * @param snaplen         bytes kept per frame. A demo keeps whole frames: more than 65535, because a
 *                        loopback TCP segment with a 65483-byte MSS plus headers exceeds it (libpcap's
 *                        own maximum is 262144). Watching keeps {@link #WATCH_SNAPLEN} by default: the
 *                        headers a ladder needs and the first bytes of payload
 * @param bufferBytes     kernel capture buffer. Large: in immediate mode libpcap gives every frame a slot
 *                        of snaplen bytes, so 32 MiB hold about 120 whole frames, and a loopback bulk
 *                        transfer sends 64 KB frames faster than a busy machine may read them
 * @param pollMillis      how long one wait for packets may last before the capture thread looks
 *                        again whether it was told to stop (a safety net: libpcap 1.10 wakes it at once).
 *                        Without immediate mode it is also how long the kernel may hold frames back to
 *                        hand them over in one batch
 * @param storeLimitBytes most frame bytes kept in memory: past it the capture ends by itself, or, with a
 *                        spill directory, older frames are read back from a file
 * @param immediate       hand each frame over as it arrives (a demo, whose first arrow must come at
 *                        once), rather than in batches filled by the kernel (watching a busy port:
 *                        libpcap's TPACKET_V3 blocks, far fewer wake-ups per frame)
 * @param spillDirectory  where the pcapng file of frames beyond the memory budget goes (a temporary
 *                        file, removed at close unless saved), or null to keep everything in memory
 */
public record LiveCaptureOptions(String device, String filter, int snaplen, int bufferBytes, int pollMillis,
                                 long storeLimitBytes, boolean immediate, Path spillDirectory) {
    public static final int SNAPLEN = 262_144;
    public static final int BUFFER_BYTES = 32 << 20;
    public static final int POLL_MILLIS = 100;
    public static final long STORE_LIMIT = 512L << 20;
    /** Watching: Ethernet, IPv6 and TCP headers with all options are 134 bytes; the rest is payload. */
    public static final int WATCH_SNAPLEN = 256;
    /** Watching: 64 MiB of kernel buffer, as {@code tcpdump -B 65536}; a second of a bulk transfer at 256 bytes a frame. */
    public static final int WATCH_BUFFER_BYTES = 64 << 20;
    /** Watching: frames kept in memory before the older ones are read back from disk. */
    public static final long WATCH_MEMORY_BUDGET = 64L << 20;

    public LiveCaptureOptions {
        if (device == null || device.isBlank()) {
            throw new IllegalArgumentException("no device");
        }
        if (filter == null) {
            filter = "";
        }
    }

    /** In immediate mode, everything kept in memory. */
    public LiveCaptureOptions(String device, String filter, int snaplen, int bufferBytes, int pollMillis,
                              long storeLimitBytes) {
        this(device, filter, snaplen, bufferBytes, pollMillis, storeLimitBytes, true, null);
    }

    /** Every TCP segment to or from {@code port} on {@code device}, whole, for a demo session. */
    public static LiveCaptureOptions tcpPort(String device, int port) {
        return new LiveCaptureOptions(device, portFilter(port), SNAPLEN, BUFFER_BYTES, POLL_MILLIS, STORE_LIMIT);
    }

    /**
     * Watching a port for as long as one likes: {@code snaplen} bytes of each frame (0: whole frames),
     * batches, a large kernel buffer, and frames beyond {@code memoryBudget} in a temporary file.
     */
    public static LiveCaptureOptions watchPort(String device, int port, int snaplen, long memoryBudget) {
        if (snaplen < 0 || snaplen > SNAPLEN) {
            throw new IllegalArgumentException("snap length " + snaplen + " is not between 0 and " + SNAPLEN);
        }
        return new LiveCaptureOptions(device, portFilter(port), snaplen == 0 ? SNAPLEN : snaplen, WATCH_BUFFER_BYTES,
                POLL_MILLIS, memoryBudget, false, Path.of(System.getProperty("java.io.tmpdir")));
    }

    private static String portFilter(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
        }
        return "tcp port " + port;
    }

    public LiveCaptureOptions withStoreLimit(long bytes) {
        return new LiveCaptureOptions(device, filter, snaplen, bufferBytes, pollMillis, bytes, immediate, spillDirectory);
    }

    public LiveCaptureOptions withSpillDirectory(Path directory) {
        return new LiveCaptureOptions(device, filter, snaplen, bufferBytes, pollMillis, storeLimitBytes, immediate,
                directory);
    }
}
