package org.tcpladder.capture.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The export's words: named arguments, in whatever order a language puts them. */
class ExportWordsTest {
    @Test
    void aTranslationMayReorderTheNamedArguments() {
        ExportWords xx = ExportWords.forLocale(Locale.forLanguageTag("xx"));
        assertEquals("11 segments, of which 3 up to 8", xx.format("scope", "first", 3, "last", 8, "total", 11));
        assertEquals("#5 again", xx.format("mark.repeats", "original", 5));
        assertEquals("lost", xx.format("mark.lost"), "keys it does not translate come from the base bundle");
        assertEquals("segments 3\u20138 of 11", ExportWords.english().format("scope", "first", 3, "last", 8, "total", 11));
    }

    @Test
    void numbersAreNeverGrouped() {
        assertEquals("seq 3839247522", ExportWords.english().format("label.seq", "seq", 3839247522L));
    }

    @Test
    void aPatternNamingAnArgumentNotGivenIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ExportWords.english().format("scope", "first", 1, "last", 2));
        assertTrue(e.getMessage().contains("{total}"), e.getMessage());
    }

    @Test
    void everyPatternIsAValidMessageFormatOnceItsNamesAreNumbered() {
        ExportWords en = ExportWords.english();
        for (String key : en.keys()) {
            String pattern = java.util.ResourceBundle.getBundle(ExportWords.BUNDLE, Locale.ROOT).getString(key);
            java.util.List<String> names = new java.util.ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([a-zA-Z]+)").matcher(pattern);
            while (m.find()) {
                if (!names.contains(m.group(1))) {
                    names.add(m.group(1));
                }
            }
            new MessageFormat(ExportWords.numbered(pattern, names.toArray(String[]::new), key));
        }
    }
}
