package org.tcpladder.app.style;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tcpladder.capture.state.TcpState;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The themes, the stylesheet and the code name the same colours and classes, and colours live in one place. */
class ThemeTest {
    private static final Path MAIN = Path.of("src/main");

    private static String css() throws IOException {
        try (InputStream in = ThemeTest.class.getResourceAsStream(StyleClasses.THEME)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void everyThemeGivesEveryInkOneColourAndTheStylesheetDefinesThemAll(Theme theme) {
        assertEquals(Set.of(Ink.values()), theme.palette().keySet());
        String css = new String(Base64.getDecoder().decode(
                theme.stylesheetUri().substring("data:text/css;base64,".length())), StandardCharsets.UTF_8);
        assertEquals(theme.css(), css);
        for (Ink ink : Ink.values()) {
            assertTrue(css.contains("    " + ink.cssName() + ": " + theme.hex(ink) + ";"), ink + " in " + theme);
        }
    }

    @Test
    void theStylesheetUsesOnlyColoursTheThemesDefine() throws IOException {
        Set<String> defined = new TreeSet<>();
        for (Ink ink : Ink.values()) {
            defined.add(ink.cssName());
        }
        Matcher m = Pattern.compile("-tl-[a-z0-9-]+").matcher(css());
        Set<String> used = new TreeSet<>();
        while (m.find()) {
            used.add(m.group());
        }
        used.removeAll(defined);
        assertEquals(Set.of(), used, "looked-up colours no theme defines");
    }

    @Test
    void noColourIsNamedOutsideTheThemeModel() throws IOException {
        // Hex colours, rgb()/hsb() functions, CSS colour names and JavaFX/AWT colour constants.
        // (Converting a theme colour at the JavaFX or AWT edge, Color.rgb(r, g, b) of variables, is fine.)
        Pattern literal = Pattern.compile("#[0-9a-fA-F]{3,8}\\b|\\b(rgba?|hsba?)\\(\\s*\\d"
                + "|\\bColor\\.(web\\(\\s*\"|(rgb|gray|hsb|color)\\(\\s*\\d|[A-Z_]{3,}\\b)"
                + "|:\\s*(white|black|red|green|blue|gray|grey|yellow|orange)\\b|\\bColor\\(\\s*\\d");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".css")).toList()) {
                if (f.getFileName().toString().equals("Theme.java")) {
                    continue;
                }
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (line.trim().startsWith("*") || line.trim().startsWith("//") || line.trim().startsWith("/*")) {
                        continue;
                    }
                    if (literal.matcher(line).find()) {
                        found.add(f.getFileName() + ":" + (i + 1) + ": " + line.trim());
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void thePaletteIsFreeOfJavaFxSoThatExportersCanUseIt() throws IOException {
        for (String file : List.of("Theme.java", "Ink.java")) {
            List<String> lines = Files.readAllLines(MAIN.resolve("java/org/tcpladder/app/style").resolve(file));
            assertTrue(lines.stream().noneMatch(l -> l.startsWith("import javafx")), file);
        }
    }

    @Test
    void everyStateHasAnInkOfItsOwnAndABadgeRule() throws IOException {
        String css = css();
        Set<Ink> inks = new TreeSet<>();
        for (TcpState state : TcpState.values()) {
            String key = StyleClasses.stateKey(state);
            assertTrue(css.contains(".state-indicator:" + key + " .state-name { -fx-background-color: "
                    + Ink.forState(state).cssName() + "; }"), state + " indicator rule");
            inks.add(Ink.forState(state));
        }
        assertEquals(TcpState.values().length, inks.size(), "one ink per state");
        assertEquals(Ink.STATE_UNKNOWN, Ink.forState(null));
        assertEquals("syn-sent", StyleClasses.stateKey(TcpState.SYN_SENT));
        assertEquals("unknown", StyleClasses.stateKey(null));
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
