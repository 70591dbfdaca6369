package org.tcpladder.capture.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpladder.capture.testing.Json;

/**
 * Mermaid itself (the npm package, run by node with jsdom for the DOM it wants) parses the Mermaid
 * exports; the test installs the locked version with npm the first time it runs.
 */
class MermaidParsingTest {
    private static final Path CHECKER = Path.of("src/test/mermaid");
    /** Mermaid's LINETYPE numbers: a plain arrow, a dotted one, a note, and the two that end in a cross. */
    private static final long SOLID = 0;
    private static final long DOTTED = 1;
    private static final long NOTE = 2;
    private static final long SOLID_CROSS = 3;
    private static final long DOTTED_CROSS = 4;

    @TempDir
    Path dir;

    @Test
    void echoSessionParsesAsASequenceDiagramWithOneMessagePerSegment() throws Exception {
        Map<String, Object> parsed = parse(ExportFixtures.export(ExportFixtures.echo(dir), 0, TextFormat.MERMAID,
                ExportOptions.defaults()));
        assertEquals("sequence", parsed.get("type"));
        List<Map<String, Object>> arrows = arrows(parsed);
        assertEquals(11, arrows.size(), parsed.toString());
        assertEquals("SYN seq 0", arrows.get(0).get("text"));
        assertEquals("C", arrows.get(0).get("from"));
        assertEquals("SYN, ACK seq 0 ack 1", arrows.get(1).get("text"));
        assertEquals("S", arrows.get(1).get("from"));
        List<Object> notes = new ArrayList<>();
        for (Map<String, Object> m : messages(parsed)) {
            if (((Number) m.get("type")).longValue() == NOTE) {
                notes.add(m.get("text"));
            }
        }
        assertEquals(List.of("CLOSED", "LISTEN", "SYN-SENT", "SYN-RECEIVED", "ESTABLISHED", "ESTABLISHED",
                "FIN-WAIT-1", "CLOSE-WAIT", "FIN-WAIT-2", "LAST-ACK", "TIME-WAIT", "CLOSED"), notes);
        assertEquals("TCP connection client 127.0.0.1:44137 \u2192 server 127.0.0.1:43821 (segments 1\u201311 of 11,"
                + " relative sequence numbers)", parsed.get("title"));
    }

    @Test
    void lostSegmentIsALostMessageAndNarrationWithSemicolonsAndHashesSurvivesInLines() throws Exception {
        Map<String, Object> parsed = parse(ExportFixtures.export(ExportFixtures.loss(dir), 0, TextFormat.MERMAID,
                ExportOptions.defaults().withNotes(true)));
        List<Map<String, Object>> arrows = arrows(parsed);
        assertEquals(12, arrows.size());
        assertEquals(SOLID_CROSS, ((Number) arrows.get(4).get("type")).longValue(), "segment 5 was lost");
        assertEquals("PSH, ACK seq 4 ack 1 len 3 (lost)", arrows.get(4).get("text"));
        assertEquals(DOTTED, ((Number) arrows.get(7).get("type")).longValue(), "segment 8 sends it again");
        assertEquals("PSH, ACK seq 4 ack 1 len 3 (repeats #5, TCP Retransmission)", arrows.get(7).get("text"));
        assertTrue(messages(parsed).stream().anyMatch(m -> ("Lost: the server's duplicate ACKs keep asking for byte 4;"
                + " the client sends it again as segment 8.").equals(String.valueOf(m.get("text")).replace("<br>", " "))), parsed.toString());
    }

    @Test
    void readmeExampleIsTheProgramsOwnExportOfTheEchoRecording() throws Exception {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("```mermaid\n");
        assertTrue(start >= 0, "the README shows a Mermaid example");
        int end = readme.indexOf("```", start + 11);
        String example = readme.substring(start + "```mermaid\n".length(), end);
        String export = ExportFixtures.export(ExportFixtures.echo(dir), 0, TextFormat.MERMAID, ExportOptions.defaults());
        assertEquals(export, example);
        assertEquals(11, arrows(parse(example)).size());
    }

    @Test
    void everyShippedRecordingWithItsNarrationParsesWithOneMessagePerSegment() throws Exception {
        List<String> texts = new ArrayList<>();
        List<Integer> segments = new ArrayList<>();
        for (String name : ExportFixtures.RECORDINGS) {
            Path file = ExportFixtures.recording(dir, name);
            texts.add(ExportFixtures.export(file, 0, TextFormat.MERMAID, ExportOptions.defaults().withNotes(true)));
            segments.add(ExportFixtures.analysis(file, 0).size());
        }
        List<Map<String, Object>> parsed = parseAll(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(segments.get(i), arrows(parsed.get(i)).size(), ExportFixtures.RECORDINGS.get(i));
        }
    }

    @Test
    void ipv6EndpointsWithTheirColonsAndBracketsStayParticipantNames() throws Exception {
        Map<String, Object> parsed = parse(ExportFixtures.export(ExportFixtures.loopback(), 2, TextFormat.MERMAID,
                ExportOptions.defaults().withStates(false)));
        assertEquals(List.of(Map.of("name", "C", "description", "client [::1]:52212"),
                Map.of("name", "S", "description", "server [::1]:47313")), parsed.get("actors"));
        assertEquals(14, arrows(parsed).size());
        assertEquals(14, messages(parsed).size() - 1, "no notes without states, one autonumber");
    }

    private static List<Map<String, Object>> arrows(Map<String, Object> parsed) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> m : messages(parsed)) {
            long type = ((Number) m.get("type")).longValue();
            if (type == SOLID || type == DOTTED || type == SOLID_CROSS || type == DOTTED_CROSS) {
                out.add(m);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> messages(Map<String, Object> parsed) {
        return (List<Map<String, Object>>) parsed.get("messages");
    }

    private Map<String, Object> parse(String mermaid) throws IOException, InterruptedException {
        return parseAll(List.of(mermaid)).get(0);
    }

    /**
     * Installs the locked Mermaid (package-lock.json) beside its checker the first time, so that
     * {@code mvn verify} needs only Node.js and npm, as it needs tcpdump; npm's cache makes it quick after.
     */
    private static synchronized void installMermaid() throws IOException, InterruptedException {
        if (Files.isDirectory(CHECKER.resolve("node_modules/mermaid"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--prefix", CHECKER.toString(), "--prefer-offline",
                "--no-audit", "--no-fund", "--loglevel=error").redirectErrorStream(true).start();
        String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(npm.waitFor(300, TimeUnit.SECONDS), "npm ci did not finish");
        assertEquals(0, npm.exitValue(), "npm ci --prefix " + CHECKER + " failed:\n" + out);
    }

    /** Mermaid's reading of each text, in one node process. */
    private List<Map<String, Object>> parseAll(List<String> texts) throws IOException, InterruptedException {
        installMermaid();
        List<String> command = new ArrayList<>(List.of("node", CHECKER.resolve("parse.mjs").toString()));
        for (int i = 0; i < texts.size(); i++) {
            Path file = dir.resolve("ladder-" + i + ".mmd");
            Files.writeString(file, texts.get(i), StandardCharsets.UTF_8);
            command.add(file.toString());
        }
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "node did not finish");
        List<String> lines = out.lines().toList();
        assertEquals(texts.size(), lines.size(), out);
        List<Map<String, Object>> parsed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Map<String, Object> one = Json.object(lines.get(i));
            assertEquals(true, one.get("ok"), "Mermaid refused it: " + one.get("error") + "\n" + texts.get(i));
            parsed.add(one);
        }
        assertEquals(0, p.exitValue());
        return parsed;
    }
}
