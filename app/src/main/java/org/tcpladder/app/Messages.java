package org.tcpladder.app;

import java.text.ChoiceFormat;
import java.text.FieldPosition;
import java.text.Format;
import java.text.MessageFormat;
import java.text.ParsePosition;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The program's user-visible text, all from {@code org/tcpladder/app/messages.properties}. Plain Java
 * (no JavaFX) so that layouts and view models that produce text are testable without a toolkit.
 *
 * <p>{@link #text} returns a value as written; {@link #format} runs it through {@link MessageFormat}
 * (so in those values a literal apostrophe is written twice). Numbers are written as their plain
 * {@code toString()}: MessageFormat would group digits ("2,954,132,071"), and a sequence number
 * must read exactly as tcpdump prints it. A count that decides a word is a choice,
 * {@code {0,choice,1#1 connection|1<{0} connections}}: the choice sees the number, and the
 * {@code {0}} inside the chosen text is written plain too.
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
        return format(text(key), bundle.getLocale(), args);
    }

    /**
     * {@code pattern} with {@code args}: a plain {@code {n}} writes a number as {@code toString()}, a
     * {@code {n,choice,...}} chooses by the number and formats the chosen text the same way.
     */
    static String format(String pattern, Locale locale, Object[] args) {
        MessageFormat f = new MessageFormat(pattern, locale);
        Format[] formats = f.getFormats();
        for (int i = 0; i < formats.length; i++) {
            if (formats[i] == null) {
                formats[i] = PLAIN;
            } else if (formats[i] instanceof ChoiceFormat choice) {
                formats[i] = new PlainChoice(choice, locale, args);
            }
        }
        f.setFormats(formats);
        return f.format(args);
    }

    /** Writes a value as its {@code toString()}: no digit grouping. */
    private static final Format PLAIN = new Format() {
        @Override
        public StringBuffer format(Object obj, StringBuffer to, FieldPosition pos) {
            return to.append(obj);
        }

        @Override
        public Object parseObject(String source, ParsePosition pos) {
            throw new UnsupportedOperationException();
        }
    };

    /** A choice whose chosen text is itself formatted as {@link #format(String, Locale, Object[])} does. */
    private static final class PlainChoice extends Format {
        private final ChoiceFormat choice;
        private final Locale locale;
        private final Object[] args;

        PlainChoice(ChoiceFormat choice, Locale locale, Object[] args) {
            this.choice = choice;
            this.locale = locale;
            this.args = args;
        }

        @Override
        public StringBuffer format(Object obj, StringBuffer to, FieldPosition pos) {
            if (!(obj instanceof Number n)) {
                // A pattern bug (a choice given text): show the text rather than fail the lesson.
                return to.append(obj);
            }
            String chosen = choice.format(n.doubleValue());
            return to.append(chosen.indexOf('{') >= 0 ? Messages.format(chosen, locale, args) : chosen);
        }

        @Override
        public Object parseObject(String source, ParsePosition pos) {
            throw new UnsupportedOperationException();
        }
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public ResourceBundle bundle() {
        return bundle;
    }
}
