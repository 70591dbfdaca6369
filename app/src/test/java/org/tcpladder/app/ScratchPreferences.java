package org.tcpladder.app;

import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** A preferences node of a test's own (recent files and the like), and removing it afterwards. */
public final class ScratchPreferences {
    private static final String PARENT = "org/tcpladder/test/";

    private ScratchPreferences() {
    }

    public static Preferences make() {
        return Preferences.userRoot().node(PARENT + UUID.randomUUID());
    }

    /** Removes {@code node}, and the tests' parent node once no test has one left. */
    public static void remove(Preferences node) throws BackingStoreException {
        Preferences parent = node.parent();
        node.removeNode();
        if (parent.childrenNames().length == 0) {
            parent.removeNode();
        }
    }
}
