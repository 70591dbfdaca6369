package org.tcpladder.app.style;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stylesheet and the code name the same colours and classes. */
class ThemeTest {
    private static String css() throws IOException {
        try (InputStream in = ThemeTest.class.getResourceAsStream(StyleClasses.THEME)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyInkOfTheCanvasIsSetFromASemanticColour() throws IOException {
        String css = css();
        for (Ink ink : Ink.values()) {
            Matcher m = Pattern.compile(Pattern.quote(ink.cssProperty()) + ":\\s*(-tl-[a-z0-9-]+);").matcher(css);
            assertTrue(m.find(), ink + " is set in theme.css");
            assertTrue(css.contains("    " + m.group(1) + ":"), m.group(1) + " is defined on .root");
        }
    }

    @Test
    void everyStateHasAColourAPseudoClassRuleAndAnInk() throws IOException {
        String css = css();
        for (String state : StyleClasses.KNOWN_STATES) {
            String key = StyleClasses.stateKey(state);
            assertTrue(css.contains("-tl-state-" + key + ":"), state + " colour");
            assertTrue(css.contains(".state-indicator:" + key + " .state-name"), state + " indicator rule");
            assertNotEquals(Ink.STATE_UNKNOWN, Ink.forState(state), state + " ink");
        }
        assertEquals(Ink.STATE_UNKNOWN, Ink.forState(null));
        assertEquals(Ink.STATE_UNKNOWN, Ink.forState("NOT-A-STATE"));
    }

    @Test
    void allTextSizesAreRelativeToTheRootSize() throws IOException {
        Matcher m = Pattern.compile("-fx-font-size:\\s*([^;]+);").matcher(css());
        int absolute = 0;
        while (m.find()) {
            if (m.group(1).trim().endsWith("px")) {
                absolute++;
            } else {
                assertTrue(m.group(1).trim().endsWith("em"), "font size " + m.group(1));
            }
        }
        assertEquals(1, absolute, "only .root has a size in pixels");
    }
}
