package org.tcpladder.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessagesTest {
    private final Messages text = Messages.load();

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        Pattern key = Pattern.compile("\"((?:about|app|chip|connections|demo|details|error|ladder|menu|open|option"
                + "|state|status|toolbar|transport|side|reason|live|watch)\\.[a-zA-Z0-9.]+)\"");
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        int checked = 0;
        for (Path source : sources) {
            Matcher m = key.matcher(Files.readString(source));
            while (m.find()) {
                assertTrue(text.has(m.group(1)), m.group(1) + " used in " + source.getFileName());
                checked++;
            }
        }
        assertTrue(checked > 100, "found the keys: " + checked);
    }

    @Test
    void everyValueIsAValidPattern() {
        for (String k : Collections.list(text.bundle().getKeys())) {
            new MessageFormat(text.text(k));
        }
    }

    @Test
    void numbersAreNotGroupedLikeAmounts() {
        assertEquals("seq 2954132071", text.format("ladder.seq", 2954132071L));
    }

    @Test
    void aMissingKeyShowsItselfInsteadOfFailing() {
        assertEquals("!no.such.key!", text.text("no.such.key"));
    }

    @Test
    void aCountOfOneIsSingularAndTheOthersPlural() {
        assertEquals("session.pcap: 1 packet, 1 TCP connection", text.format("connections.summary", "session.pcap", 1, 1));
        assertEquals("session.pcap: 0 packets, 0 TCP connections", text.format("connections.summary", "session.pcap", 0, 0));
        assertEquals("Live: Echo (1 connection captured)", text.format("live.summary", "Echo", 1));
        assertEquals("Live: Echo (2 connections captured)", text.format("live.summary", "Echo", 2));
        assertEquals("1 byte", text.format("details.payloadBytes", 1));
    }

    @Test
    void aCountInsideAChoiceIsNotGroupedEither() {
        assertEquals("big.pcap: 1234567 packets, 20 TCP connections",
                text.format("connections.summary", "big.pcap", 1234567L, 20));
        assertEquals("Port 50000 on lo: 1 connection, 12345 segments",
                text.format("watch.summary", 50000, "lo", 1, 12345));
    }

    @Test
    void noValueSaysConnectionsWithAnS() throws IOException {
        String bundle = Files.readString(Path.of("src/main/resources/org/tcpladder/app/messages.properties"));
        assertFalse(bundle.contains("(s)"), "a plural written as (s)");
        // A count written before a plural noun without a choice: "{2} connections" says "1 connections".
        Matcher m = Pattern.compile("\\{\\d\\} (connections|segments|packets|bytes|frames)").matcher(bundle);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            int line = bundle.lastIndexOf('\n', m.start());
            String value = bundle.substring(line + 1, bundle.indexOf('\n', m.start()));
            if (!value.contains("<" + m.group())) {
                found.add(value);
            }
        }
        assertEquals(List.of(), found);
    }
}
