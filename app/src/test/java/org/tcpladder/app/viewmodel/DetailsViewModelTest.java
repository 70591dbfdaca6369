package org.tcpladder.app.viewmodel;

import org.junit.jupiter.api.Test;
import org.tcpladder.app.TestLadders;
import org.tcpladder.app.layout.NumberMode;

import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetailsViewModelTest {
    private final DetailsViewModel details = new DetailsViewModel(TestLadders.TEXT, ZoneOffset.UTC);

    private DetailSection section(String title) {
        return details.sectionsProperty().get().stream().filter(s -> s.title().startsWith(title))
                .findFirst().orElseThrow(() -> new AssertionError("no section " + title));
    }

    @Test
    void nothingSelectedShowsAHint() {
        details.setData(TestLadders.echo());
        assertEquals(List.of(), details.sectionsProperty().get());
        assertTrue(details.narrationProperty().get().startsWith("Step forward"));
    }

    @Test
    void headerFieldsShowRelativeAndAbsoluteNumbers() {
        details.setData(TestLadders.echo());
        details.select(1);
        DetailSection header = section("TCP header");
        assertEquals("9000", header.value("Source port"));
        assertEquals("0 (absolute 1829474920)", header.value("Sequence number"));
        assertEquals("1 (absolute 2954132072)", header.value("Acknowledgment"));
        assertEquals("0x012  S.  SYN, ACK", header.value("Flags"));
        assertEquals("40 bytes (10 words)", header.value("Data offset"));
        assertEquals("65483", header.value("Window"), "a SYN's window is never scaled");
        details.setNumberMode(NumberMode.ABSOLUTE);
        assertEquals("1829474920 (relative 0)", section("TCP header").value("Sequence number"));
    }

    @Test
    void segmentSectionGivesFrameTimeAndDirection() {
        details.setData(TestLadders.echo());
        details.select(3);
        DetailSection seg = section("Segment 4 of 11");
        assertEquals("4", seg.value("Frame"));
        assertEquals("+0.000058 s", seg.value("Time"));
        assertEquals("2026-11-21 13:05:00.000058 Z", seg.value("Captured at"));
        assertEquals("client → server", seg.value("Direction"));
        assertEquals("512 (× scale = 65536 bytes)", section("TCP header").value("Window"));
    }

    @Test
    void optionsAreListedOneByOne() {
        details.setData(TestLadders.echo());
        details.select(0);
        List<DetailRow> options = section("Options").rows();
        assertEquals(List.of("Maximum segment size", "SACK permitted", "Timestamps", "No-operation (padding)",
                "Window scale"), options.stream().map(DetailRow::label).toList());
        assertEquals("val 3990098941 ecr 0", options.get(2).value());
        assertEquals("shift 7 (windows × 128)", options.get(4).value());
    }

    @Test
    void statesAfterTheSegmentWithTheirReasons() {
        details.setData(TestLadders.echo());
        details.select(0);
        DetailSection states = section("States");
        assertEquals("SYN-SENT — connect() sent SYN", states.value("Client"));
        assertEquals("SYN-RECEIVED — received SYN, answered SYN,ACK", states.value("Server"));
    }

    @Test
    void payloadIsShownAsHexAndAscii() {
        details.setData(TestLadders.echo());
        details.select(3);
        assertEquals("0000  68 65 6c 6c 6f 0a        hello.", details.payloadProperty().get());
        assertTrue(details.narrationProperty().get().contains("hello"));
        details.select(4);
        assertEquals("No payload.", details.payloadProperty().get());
    }

    @Test
    void hexDumpWrapsAndMasksUnprintableBytes() {
        byte[] bytes = new byte[10];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (0x41 + i);
        }
        bytes[9] = 0x7F;
        assertEquals("0000  41 42 43 44 45 46 47 48  ABCDEFGH\n0008  49 7f                    I.",
                HexDump.format(bytes, 8));
    }
}
