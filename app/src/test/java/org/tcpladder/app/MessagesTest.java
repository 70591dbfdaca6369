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
}
