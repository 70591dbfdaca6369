package org.tcpladder.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The program's version, as Maven wrote it into {@code version.properties} when it built the program
 * (from the jar's manifest if that has one), or null when neither says (the classes run unbuilt, e.g.
 * from an IDE that does not filter resources).
 */
public final class AppVersion {
    private static final String RESOURCE = "/org/tcpladder/app/version.properties";

    private AppVersion() {
    }

    public static String current() {
        return read(AppVersion.class.getResourceAsStream(RESOURCE),
                AppVersion.class.getPackage().getImplementationVersion());
    }

    /** The version in {@code properties} if it was filled in, else {@code manifest}, else null. */
    static String read(InputStream properties, String manifest) {
        if (properties != null) {
            try (InputStream in = properties) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank() && !v.contains("${")) {
                    return v.trim();
                }
            } catch (IOException e) {
                // Unreadable: the manifest may still say.
            }
        }
        return manifest == null || manifest.isBlank() ? null : manifest;
    }
}
