package org.tcpladder.app.viewmodel;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The most recently opened capture files, newest first, kept in {@link Preferences} so that they
 * survive a restart. Tests pass a throwaway preferences node.
 */
public final class RecentFiles {
    public static final int DEFAULT_LIMIT = 8;
    private static final String KEY = "recent.";

    private final Preferences node;
    private final int limit;
    private final ObservableList<Path> files = FXCollections.observableArrayList();

    public RecentFiles(Preferences node, int limit) {
        this.node = node;
        this.limit = limit;
        for (int i = 0; i < limit; i++) {
            String p = node.get(KEY + i, null);
            if (p != null) {
                files.add(Path.of(p));
            }
        }
    }

    /** The user's own list, under this program's preferences. */
    public static RecentFiles forUser() {
        return new RecentFiles(userNode(), DEFAULT_LIMIT);
    }

    /** The program's preferences node for this user (recent files, the theme). */
    public static Preferences userNode() {
        return Preferences.userRoot().node("org/tcpladder/app");
    }

    /** Moves {@code file} to the top of the list. */
    public void add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(files);
        next.remove(abs);
        next.add(0, abs);
        while (next.size() > limit) {
            next.remove(next.size() - 1);
        }
        files.setAll(next);
        save();
    }

    public void remove(Path file) {
        if (files.remove(file.toAbsolutePath().normalize())) {
            save();
        }
    }

    /** The preferences node the list lives in; the window keeps its other settings beside it. */
    public Preferences preferences() {
        return node;
    }

    public ObservableList<Path> files() {
        return FXCollections.unmodifiableObservableList(files);
    }

    private void save() {
        for (int i = 0; i < limit; i++) {
            if (i < files.size()) {
                node.put(KEY + i, files.get(i).toString());
            } else {
                node.remove(KEY + i);
            }
        }
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // The list is a convenience: losing it must not stop anyone opening a file.
        }
    }
}
