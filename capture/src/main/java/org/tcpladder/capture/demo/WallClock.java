package org.tcpladder.capture.demo;

import java.time.Instant;

/**
 * The clock of socket events: wall-clock nanoseconds since the epoch, the clock libpcap stamps packets
 * with (the kernel's CLOCK_REALTIME), so events and frames can be put on one time line. Since JDK 15
 * {@link Instant#now()} reads CLOCK_REALTIME at nanosecond resolution on Linux.
 */
public final class WallClock {
    private WallClock() {
    }

    public static long nowNs() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
