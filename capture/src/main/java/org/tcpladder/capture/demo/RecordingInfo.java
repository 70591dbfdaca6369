package org.tcpladder.capture.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Marks a demo session as played from a recording shipped with the program, not captured now: when
 * and where the recording was made. Every place that shows a session shows {@link #label()} when a
 * session has one, so that a recording is never mistaken for live traffic.
 *
 * @param madeOn   when the recording was captured (its first frame's day)
 * @param system   the system it was captured on, e.g. {@code Linux 6.1.0-18-amd64}
 * @param resource the recording's name among the program's resources, e.g. {@code echo-ipv4}
 */
public record RecordingInfo(Instant madeOn, String system, String resource) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    public RecordingInfo {
        if (madeOn == null) {
            throw new IllegalArgumentException("a recording has a date");
        }
        system = system == null ? "" : system;
        resource = resource == null ? "" : resource;
    }

    /** The day it was made, e.g. {@code 2025-06-01} (UTC). */
    public String madeOnDay() {
        return DAY.format(madeOn);
    }

    /** {@code Recording made on 2025-06-01 — not live}. */
    public String label() {
        return "Recording made on " + madeOnDay() + " \u2014 not live";
    }
}
