package org.tcpladder.capture.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpladder.capture.testing.Cli;

/** {@code export} on the command line: what it writes, and one clear line for each mistake. */
class ExportCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesTheChosenConnectionToAFileOrToStandardOutput() throws Exception {
        Path file = ExportFixtures.loopback();
        Path out = dir.resolve("ladder.txt");
        Cli toFile = Cli.run("export", "--format", "text", "--stream", "1", "-o", out.toString(), file.toString());
        assertEquals(0, toFile.exitCode(), toFile.err());
        assertEquals("", toFile.out());
        String expected = Files.readString(Path.of("src/test/resources/export/loopback-stream1.txt"), StandardCharsets.UTF_8);
        assertEquals(expected, Files.readString(out, StandardCharsets.UTF_8));
        Cli toStdout = Cli.run("export", "--format=text", "--stream=1", "-o", "-", file.toString());
        assertEquals(expected, toStdout.out());
        Cli mermaid = Cli.run("export", "--format", "mermaid", "--segments", "1-3", file.toString());
        assertEquals(0, mermaid.exitCode(), mermaid.err());
        assertTrue(mermaid.out().startsWith("sequenceDiagram\n"), mermaid.out());
        assertEquals(3, mermaid.out().lines().filter(l -> l.contains("->>")).count(), mermaid.out());
        Cli plantuml = Cli.run("export", "--format", "plantuml", "--no-states", file.toString());
        assertTrue(plantuml.out().startsWith("@startuml\n") && plantuml.out().endsWith("@enduml\n"), plantuml.out());
        assertFalse(plantuml.out().contains("hnote"), "no states asked for");
    }

    @Test
    void graphicalFormatsAreRefusedClearly() throws Exception {
        Cli r = Cli.run("export", "--format", "png", ExportFixtures.loopback().toString());
        assertEquals(2, r.exitCode());
        assertEquals("tcpladder export: format png is not available from the command line yet; use mermaid,"
                + " plantuml or text\n", r.err());
        Cli theme = Cli.run("export", "--format", "text", "--theme", "dark", ExportFixtures.loopback().toString());
        assertEquals(2, theme.exitCode());
        assertTrue(theme.err().startsWith("tcpladder export: --theme applies only to the graphical formats"), theme.err());
        Cli scale = Cli.run("export", "--format", "mermaid", "--scale", "2", ExportFixtures.loopback().toString());
        assertTrue(scale.err().startsWith("tcpladder export: --scale applies only"), scale.err());
    }

    @Test
    void badInputGetsOneLineAndANonZeroExit() throws Exception {
        String file = ExportFixtures.loopback().toString();
        Cli noStream = Cli.run("export", "--format", "text", "--stream", "7", file);
        assertEquals(1, noStream.exitCode());
        assertEquals("tcpladder export: the capture has no TCP connection 7 (it has 3: 0 to 2)\n", noStream.err());
        Cli badRange = Cli.run("export", "--format", "text", "--segments", "9-3", file);
        assertEquals(2, badRange.exitCode());
        assertTrue(badRange.err().startsWith("tcpladder export: --segments needs a range A-B of segment numbers"
                + " from 1, such as 3-8, not '9-3'\n"), badRange.err());
        Cli outside = Cli.run("export", "--format", "text", "--segments", "10-20", file);
        assertEquals(1, outside.exitCode());
        assertEquals("tcpladder export: segments 10\u201320 are outside connection 0, which has segments 1\u201314\n",
                outside.err());
        Cli option = Cli.run("export", "--format", "text", "--colour", file);
        assertEquals(2, option.exitCode());
        assertTrue(option.err().startsWith("tcpladder export: unknown option --colour\nusage: tcpladder export --format"),
                option.err());
        Cli noFormat = Cli.run("export", file);
        assertTrue(noFormat.err().startsWith("tcpladder export: --format is required: mermaid, plantuml or text"),
                noFormat.err());
        Cli unknown = Cli.run("export", "--format", "dot", file);
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().startsWith("tcpladder export: unknown format 'dot'"), unknown.err());
        Path damaged = dir.resolve("damaged.pcap");
        byte[] whole = Files.readAllBytes(ExportFixtures.loopback());
        Files.write(damaged, java.util.Arrays.copyOf(whole, 24 + 16 + 30));
        Cli cut = Cli.run("export", "--format", "text", damaged.toString());
        assertEquals(1, cut.exitCode());
        assertEquals(1, cut.err().lines().count(), cut.err());
        assertTrue(cut.err().startsWith("tcpladder export: " + damaged), cut.err());
        assertEquals("", cut.out());
        Cli notCapture = Cli.run("export", "--format", "text", dir.resolve("missing.pcap").toString());
        assertEquals(1, notCapture.exitCode());
        assertEquals(1, notCapture.err().lines().count(), notCapture.err());
    }
}
