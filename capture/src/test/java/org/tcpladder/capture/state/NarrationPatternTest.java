package org.tcpladder.capture.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The quick pattern says exactly what MessageFormat says, for every pattern of the bundle. */
class NarrationPatternTest {
    private static final long[] NUMBERS = {0, 1, 2, 5, 999, 1000, 65_535, 4_294_967_295L};

    @Test
    void everyBundlePatternFormatsAsMessageFormatDoes() {
        Narration en = Narration.english();
        int nested = 0;
        for (String key : en.keys()) {
            java.util.List<String> names = Narration.NAMED_KEYS.get(key);
            String text = names == null ? en.text(key)
                    : NarrationPattern.numbered(en.text(key), names.toArray(String[]::new), key);
            NarrationPattern quick = new NarrationPattern(text, Locale.ENGLISH);
            nested += text.matches(".*choice,[^}]*\\{.*") ? 1 : 0;
            for (long n : NUMBERS) {
                for (long m : NUMBERS) {
                    Object[] args = {n, m, n + m, 3L, m, 7L, n};
                    assertEquals(reference(text, args), quick.format(args), key + " with " + n + ", " + m);
                }
            }
        }
        assertTrue(nested >= 3, "the bundle has choices with arguments in their branches: " + nested);
    }

    /** MessageFormat itself, with the one rule added: a number at a bare argument is never grouped. */
    private static String reference(String text, Object[] args) {
        MessageFormat f = new MessageFormat(text, Locale.ENGLISH);
        java.text.Format[] formats = f.getFormatsByArgumentIndex();
        for (int i = 0; i < formats.length; i++) {
            if (formats[i] == null) {
                f.setFormatByArgumentIndex(i, NarrationPattern.plainDigits(Locale.ENGLISH));
            }
        }
        return f.format(args);
    }

    @Test
    void aBareNumberIsNeverGrouped() {
        assertEquals("seq 4294967295 of 1,000 bytes",
                new NarrationPattern("seq {0} of {1,number,integer} bytes", Locale.ENGLISH).format(
                        new Object[] {4_294_967_295L, 1000L}));
    }

    @Test
    void namedArgumentsBecomeTheirPlacesAndAnUnknownNameIsNamedInTheError() {
        assertEquals("{1} asks for byte {0,number,#}; '{'x'}' stays",
                NarrationPattern.numbered("{receiver} asks for byte {asked,number,#}; '{'x'}' stays",
                        new String[] {"asked", "receiver"}, "k"));
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> NarrationPattern.numbered("{nobody}", new String[] {"asked"}, "loss.X"));
        assertTrue(e.getMessage().contains("loss.X names {nobody}"), e.getMessage());
    }

    @Test
    void quotesInAPlainBranchStayPlainText() {
        String text = "{0,choice,0#it''s none|1<{0,number,integer} of them} and '{'braces'}'";
        NarrationPattern quick = new NarrationPattern(text, Locale.ENGLISH);
        for (long n : NUMBERS) {
            Object[] args = {n};
            assertEquals(reference(text, args), quick.format(args));
        }
    }
}
