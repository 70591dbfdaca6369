package org.tcpladder.capture.export;

import org.tcpladder.capture.text.NamedArguments;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of the text exports, from the bundle {@code org.tcpladder.capture.export.export}: MessageFormat
 * patterns whose arguments have names ({@code {first,number,#}}), so a translation can reorder them. The
 * base bundle is English; like the narration it never falls back to the machine's locale, so an export
 * does not depend on where it runs. Thread-safe.
 */
public final class ExportWords {
    static final String BUNDLE = "org.tcpladder.capture.export.export";
    private static final ExportWords ENGLISH = forLocale(Locale.ROOT);

    private final ResourceBundle bundle;
    private final Locale locale;
    /** Per key and argument names: the pattern with its names turned into MessageFormat's numbers. */
    private final ConcurrentHashMap<String, MessageFormat> formats = new ConcurrentHashMap<>();

    private ExportWords(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    public static ExportWords english() {
        return ENGLISH;
    }

    public static ExportWords forLocale(Locale locale) {
        ResourceBundle b = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Locale l = b.getLocale() == null || b.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : b.getLocale();
        return new ExportWords(b, l);
    }

    /** The keys of the bundle, for the test that every pattern names only arguments it is given. */
    List<String> keys() {
        return new ArrayList<>(bundle.keySet());
    }

    /** A segment's label with its marks (lost, repeats, anomalies) after it, for the diagram formats. */
    String markedLabel(LadderStep s) {
        return s.marks().isEmpty() ? s.label()
                : format("label.marked", "label", s.label(), "marks", String.join(format("mark.separator"), s.marks()));
    }

    /**
     * The pattern {@code key} with its arguments given by name: {@code format("scope", "first", 1, "last",
     * 11, "total", 11)}.
     *
     * @throws IllegalStateException when the pattern names an argument not given
     */
    public String format(String key, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs: " + key);
        }
        String[] names = new String[namesAndValues.length / 2];
        Object[] values = new Object[names.length];
        StringBuilder cacheKey = new StringBuilder(key);
        for (int i = 0; i < names.length; i++) {
            names[i] = (String) namesAndValues[2 * i];
            values[i] = namesAndValues[2 * i + 1];
            cacheKey.append('\u0000').append(names[i]);
        }
        MessageFormat prototype = formats.computeIfAbsent(cacheKey.toString(),
                k -> new MessageFormat(numbered(bundle.getString(key), names, key), locale));
        // MessageFormat is not thread-safe: format with a copy.
        return ((MessageFormat) prototype.clone()).format(values);
    }

    /**
     * {@code pattern} with each named argument replaced by its place in {@code names}, quoted text left
     * alone (MessageFormat's quoting: an apostrophe starts and ends it).
     */
    static String numbered(String pattern, String[] names, String key) {
        return NamedArguments.numbered(pattern, names, key);
    }
}
