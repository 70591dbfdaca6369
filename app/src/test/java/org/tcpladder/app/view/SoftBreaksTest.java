package org.tcpladder.app.view;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SoftBreaksTest {
    private static final String Z = String.valueOf(SoftBreaks.HAIR_SPACE);

    @Test
    void aLongFileNameMayBreakAfterItsPunctuation() {
        assertEquals("twenty-" + Z + "connections." + Z + "pcap: 240 packets, 20 TCP connections",
                SoftBreaks.in("twenty-connections.pcap: 240 packets, 20 TCP connections"));
    }

    @Test
    void shortWordsAndNumbersAreLeftAlone() {
        assertEquals("lesson.pcap: 5 packets, 0.5 s", SoftBreaks.in("lesson.pcap: 5 packets, 0.5 s"));
        assertEquals("", SoftBreaks.in(""));
    }

    @Test
    void aPathBreaksAfterEachInnerSlashAndDotButNotAtItsEnds() {
        assertEquals("/home/" + Z + "teacher/" + Z + "captures/" + Z + "week-" + Z + "3." + Z + "pcapng.",
                SoftBreaks.in("/home/teacher/captures/week-3.pcapng."));
    }
}
