package org.tcpladder.capture.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import net.sourceforge.plantuml.core.Diagram;
import net.sourceforge.plantuml.sequencediagram.Event;
import net.sourceforge.plantuml.sequencediagram.Message;
import net.sourceforge.plantuml.sequencediagram.SequenceDiagram;
import net.sourceforge.plantuml.skin.ArrowHead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PlantUML itself reads and draws the PlantUML exports. */
class PlantUmlRenderingTest {
    @TempDir
    Path dir;

    @Test
    void echoSessionRendersAsASequenceDiagramWithOneMessagePerSegment() throws IOException {
        String source = ExportFixtures.export(ExportFixtures.echo(dir), 0, TextFormat.PLANTUML, ExportOptions.defaults());
        SequenceDiagram d = read(source);
        List<Message> messages = messages(d);
        assertEquals(11, messages.size(), source);
        assertEquals(List.of("C", "S"), d.participants().stream().map(p -> p.getCode()).toList());
        String svg = svg(source);
        assertTrue(svg.contains("SYN, ACK seq 0 ack 1"), "labels are text in the drawing");
        assertTrue(svg.contains("SYN-RECEIVED") && svg.contains("TIME-WAIT"), "state notes are drawn");
        assertTrue(svg.contains("client 127.0.0.1:44137"), "participants are named");
    }

    @Test
    void lostSegmentIsAMessageEndingInACrossAndNarrationNotesDrawWithoutError() throws IOException {
        String source = ExportFixtures.export(ExportFixtures.loss(dir), 0, TextFormat.PLANTUML,
                ExportOptions.defaults().withNotes(true));
        SequenceDiagram d = read(source);
        List<Message> messages = messages(d);
        assertEquals(12, messages.size(), source);
        List<Integer> crossed = new ArrayList<>();
        List<Integer> dotted = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).getArrowConfiguration().getHead() == ArrowHead.CROSSX) {
                crossed.add(i + 1);
            }
            if (messages.get(i).getArrowConfiguration().isDotted()) {
                dotted.add(i + 1);
            }
        }
        assertEquals(List.of(5), crossed, "segment 5 was lost: " + source);
        assertEquals(List.of(8), dotted, "segment 8 sends it again: " + source);
        String svg = svg(source);
        assertTrue(svg.contains("repeats #5"), "the retransmission names its original");
        assertTrue(svg.contains("duplicate ACKs keep asking for byte 4"), "the loss is told in a note");
    }

    @Test
    void everyShippedRecordingWithItsNarrationRendersWithoutError() throws IOException {
        for (String name : ExportFixtures.RECORDINGS) {
            Path file = ExportFixtures.recording(dir, name);
            String source = ExportFixtures.export(file, 0, TextFormat.PLANTUML, ExportOptions.defaults().withNotes(true));
            assertEquals(ExportFixtures.analysis(file, 0).size(), messages(read(source)).size(), name);
            svg(source);
        }
    }

    private static SequenceDiagram read(String source) {
        SourceStringReader reader = new SourceStringReader(source);
        assertEquals(1, reader.getBlocks().size());
        Diagram d = reader.getBlocks().get(0).getDiagram();
        return assertInstanceOf(SequenceDiagram.class, d, "not an error diagram: " + d.getDescription());
    }

    private static List<Message> messages(SequenceDiagram d) {
        List<Message> out = new ArrayList<>();
        for (Event e : d.events()) {
            if (e instanceof Message m) {
                out.add(m);
            }
        }
        return out;
    }

    private static String svg(String source) throws IOException {
        ByteArrayOutputStream os = new ByteArrayOutputStream();
        new SourceStringReader(source).outputImage(os, new FileFormatOption(FileFormat.SVG));
        String svg = os.toString(StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<svg") || svg.startsWith("<?xml"), svg.substring(0, Math.min(200, svg.length())));
        assertFalse(svg.contains("Syntax Error"), svg);
        return svg;
    }
}
