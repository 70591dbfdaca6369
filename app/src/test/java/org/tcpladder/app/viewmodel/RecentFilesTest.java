package org.tcpladder.app.viewmodel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tcpladder.app.ScratchPreferences;

import java.nio.file.Path;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RecentFilesTest {
    private final Preferences node = ScratchPreferences.make();

    @AfterEach
    void removeNode() throws BackingStoreException {
        ScratchPreferences.remove(node);
    }

    @Test
    void newestFirstWithoutDuplicatesAndAtMostTheLimit() {
        RecentFiles recent = new RecentFiles(node, 3);
        recent.add(Path.of("/a.pcap"));
        recent.add(Path.of("/b.pcap"));
        recent.add(Path.of("/a.pcap"));
        assertEquals(List.of(Path.of("/a.pcap"), Path.of("/b.pcap")), recent.files());
        recent.add(Path.of("/c.pcap"));
        recent.add(Path.of("/d.pcap"));
        assertEquals(List.of(Path.of("/d.pcap"), Path.of("/c.pcap"), Path.of("/a.pcap")), recent.files());
    }

    @Test
    void survivesARestart() {
        new RecentFiles(node, 3).add(Path.of("/lesson.pcapng"));
        assertEquals(List.of(Path.of("/lesson.pcapng")), new RecentFiles(node, 3).files());
    }

    @Test
    void removedFilesAreForgotten() {
        RecentFiles recent = new RecentFiles(node, 3);
        recent.add(Path.of("/gone.pcap"));
        recent.remove(Path.of("/gone.pcap"));
        assertEquals(List.of(), new RecentFiles(node, 3).files());
    }
}
