package org.tcpladder.app;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The program's user-visible text, all from {@code org/tcpladder/app/messages.properties}. Plain Java
 * (no JavaFX) so that layouts and view models that produce text are testable without a toolkit.
 *
 * <p>{@link #text} returns a value as written; {@link #format} runs it through {@link MessageFormat}
 * (so in those values a literal apostrophe is written twice). Numbers are passed as their plain
 * {@code toString()}: MessageFormat would group digits ("2,954,132,071"), and a sequence number
 * must read exactly as tcpdump prints it.
 */
public final class Messages {
    public static final String BUNDLE = "org.tcpladder.app.messages";

    private final ResourceBundle bundle;

    public Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public static Messages load() {
        return new Messages(ResourceBundle.getBundle(BUNDLE, Locale.getDefault()));
    }

    public String text(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            // A missing key is a bug, but showing the key beats crashing a lesson.
            return "!" + key + "!";
        }
    }

    public String format(String key, Object... args) {
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            plain[i] = args[i] instanceof Number ? args[i].toString() : args[i];
        }
        return new MessageFormat(text(key), bundle.getLocale()).format(plain);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public ResourceBundle bundle() {
        return bundle;
    }
}
