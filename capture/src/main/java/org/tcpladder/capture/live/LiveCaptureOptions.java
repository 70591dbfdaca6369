package org.tcpladder.capture.live;

/**
 * How to open a live capture.
 *
 * @param device          interface name ({@code lo} on Linux)
 * @param filter          BPF filter expression (pcap-filter(7)), e.g. {@code tcp port 41234}
 * @param snaplen         bytes kept per frame; more than 65535 because a loopback TCP segment with
 *                        a 65483-byte MSS plus headers exceeds it (libpcap's own maximum is 262144)
 * @param bufferBytes     kernel capture buffer. Large: in immediate mode libpcap gives every frame a slot
 *                        of snaplen bytes, so 32 MiB hold about 120 frames, and a loopback bulk
 *                        transfer sends 64 KB frames faster than a busy machine may read them
 * @param pollMillis      how long one wait for packets may last before the capture thread looks
 *                        again whether it was told to stop (a safety net: libpcap 1.10 wakes it at once)
 * @param storeLimitBytes most frame bytes kept in memory before the capture ends by itself
 */
public record LiveCaptureOptions(String device, String filter, int snaplen, int bufferBytes, int pollMillis,
                                 long storeLimitBytes) {
    public static final int SNAPLEN = 262_144;
    public static final int BUFFER_BYTES = 32 << 20;
    public static final int POLL_MILLIS = 100;
    public static final long STORE_LIMIT = 512L << 20;

    public LiveCaptureOptions {
        if (device == null || device.isBlank()) {
            throw new IllegalArgumentException("no device");
        }
        if (filter == null) {
            filter = "";
        }
    }

    /** Every TCP segment to or from {@code port} on {@code device}. */
    public static LiveCaptureOptions tcpPort(String device, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
        }
        return new LiveCaptureOptions(device, "tcp port " + port, SNAPLEN, BUFFER_BYTES, POLL_MILLIS, STORE_LIMIT);
    }

    public LiveCaptureOptions withStoreLimit(long bytes) {
        return new LiveCaptureOptions(device, filter, snaplen, bufferBytes, pollMillis, bytes);
    }
}
