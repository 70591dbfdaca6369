package org.tcpladder.app;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AppVersionTest {
    private static ByteArrayInputStream properties(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void theBuiltProgramKnowsItsVersion() {
        // The test classpath has the resources as Maven filtered them.
        String v = AppVersion.current();
        assertEquals(System.getProperty("project.version", v), v);
        assertEquals(true, v != null && v.matches("\\d+\\.\\d+.*"), v);
    }

    @Test
    void aVersionMavenFilledInIsRead() {
        assertEquals("1.2.3", AppVersion.read(properties("version=1.2.3\n"), null));
    }

    @Test
    void anUnfilledPlaceholderFallsBackToTheManifest() {
        assertEquals("0.9", AppVersion.read(properties("version=${project.version}\n"), "0.9"));
    }

    @Test
    void withNeitherThereIsNoVersionRatherThanAWrongOne() {
        assertNull(AppVersion.read(properties("version=${project.version}\n"), null));
        assertNull(AppVersion.read(null, " "));
    }
}
