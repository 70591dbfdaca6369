package org.tcpladder.app.style;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * A look for the whole program: the one place where colours live. Each theme gives every {@link Ink} one
 * colour (as 0xRRGGBB, free of JavaFX so that exporters can draw from the same map), the stylesheet's
 * looked-up colours generated from them ({@link #css()}), whether it is dark, and how heavy the ladder's
 * lines are.
 *
 * <p>The state colours are chosen so that every two states that can follow each other on a lifeline
 * (an arc of the RFC 9293 section 3.3.2 diagram) stay apart under protanopia, deuteranopia and
 * tritanopia, and so that text on them and text in them keeps its contrast; the tests check both.
 * They differ in lightness as well as hue, because a dichromat loses one hue axis.
 */
public enum Theme {
    /** Dark text on white, for screens. */
    LIGHT(false, 1.0),
    /** Light text on near-black, for a dark room. */
    DARK(true, 1.0),
    /**
     * High contrast for a washed-out projector in a lit room: white background, black text, dark
     * saturated colours (7:1 for text) and heavier lines.
     */
    PROJECTOR(false, 1.5);

    private final boolean dark;
    private final double lineWeight;

    Theme(boolean dark, double lineWeight) {
        this.dark = dark;
        this.lineWeight = lineWeight;
    }

    /** Light text on a dark background: the {@code :dark} pseudo-class is set for it. */
    public boolean isDark() {
        return dark;
    }

    /** The factor on every line width of the ladder (lifelines, arrows, marks). */
    public double lineWeight() {
        return lineWeight;
    }

    /** The key of the theme's name in the message bundle: {@code theme.projector}. */
    public String messageKey() {
        return "theme." + name().toLowerCase(Locale.ROOT);
    }

    /** Every ink's colour as 0xRRGGBB. */
    public Map<Ink, Integer> palette() {
        return Palettes.ALL.get(this);
    }

    /** Built once the enum is, on first use, by the JVM's class initialisation (so safe on any thread). */
    private static final class Palettes {
        static final Map<Theme, Map<Ink, Integer>> ALL = new EnumMap<>(Theme.class);

        static {
            for (Theme t : Theme.values()) {
                ALL.put(t, Collections.unmodifiableMap(colours(t)));
            }
        }
    }

    /** One ink's colour as 0xRRGGBB. */
    public int rgb(Ink ink) {
        return palette().get(ink);
    }

    /** One ink's colour as CSS writes it: {@code #0b57a4}. */
    public String hex(Ink ink) {
        return String.format(Locale.ROOT, "#%06x", rgb(ink));
    }

    /**
     * The stylesheet of the theme's colours: every ink as a looked-up colour on {@code .root}, and
     * JavaFX's own base colours (Modena's) derived from them, so that controls and dialogs follow.
     */
    public String css() {
        StringBuilder css = new StringBuilder(".root {\n");
        for (Ink ink : Ink.values()) {
            css.append("    ").append(ink.cssName()).append(": ").append(hex(ink)).append(";\n");
        }
        css.append("    -fx-base: ").append(Ink.CONTROL.cssName()).append(";\n")
                .append("    -fx-background: ").append(Ink.WINDOW.cssName()).append(";\n")
                .append("    -fx-control-inner-background: ").append(Ink.BACKGROUND.cssName()).append(";\n")
                .append("    -fx-text-background-color: ").append(Ink.FOREGROUND.cssName()).append(";\n")
                .append("    -fx-accent: ").append(Ink.LIST_SELECTION.cssName()).append(";\n")
                .append("    -fx-selection-bar-non-focused: ").append(Ink.LIST_SELECTION.cssName()).append(";\n")
                .append("    -fx-selection-bar-text: ").append(Ink.LIST_SELECTION_TEXT.cssName()).append(";\n")
                .append("    -fx-focus-color: ").append(Ink.FOCUS.cssName()).append(";\n")
                .append("}\n");
        return css.toString();
    }

    /** {@link #css()} as a stylesheet URL (a data URI), for a scene's stylesheets. */
    public String stylesheetUri() {
        return "data:text/css;base64,"
                + Base64.getEncoder().encodeToString(css().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<Ink, Integer> colours(Theme theme) {
        Map<Ink, Integer> m = new EnumMap<>(Ink.class);
        switch (theme) {
            case LIGHT -> {
                m.put(Ink.BACKGROUND, 0xffffff);
                m.put(Ink.FOREGROUND, 0x111418);
                m.put(Ink.MUTED, 0x4a5260);
                m.put(Ink.WINDOW, 0xf6f7f9);
                m.put(Ink.CONTROL, 0xeef0f3);
                m.put(Ink.HEADER_BACKGROUND, 0xf1f3f6);
                m.put(Ink.BORDER, 0xd5d9e0);
                m.put(Ink.LIFELINE, 0x8a93a3);
                m.put(Ink.CLIENT, 0x0b57a4);
                m.put(Ink.SERVER, 0xb34700);
                m.put(Ink.PLAYHEAD, 0xc8102e);
                m.put(Ink.SELECTION, 0xfff4c2);
                m.put(Ink.LIST_SELECTION, 0x0b57a4);
                m.put(Ink.LIST_SELECTION_TEXT, 0xffffff);
                m.put(Ink.FOCUS, 0x0b57a4);
                m.put(Ink.CHIP, 0xe3e7ee);
                m.put(Ink.CHIP_TEXT, 0x1f2430);
                m.put(Ink.ANOMALY, 0x8e0b5a);
                m.put(Ink.ANOMALY_TEXT, 0xffffff);
                m.put(Ink.STATE_TEXT, 0xffffff);
                m.put(Ink.NARRATION_BACKGROUND, 0xf6f1dc);
                m.put(Ink.LIVE_BACKGROUND, 0xe8f1fb);
                m.put(Ink.LIVE_BORDER, 0xc3d3e6);
                m.put(Ink.RECORDING_BACKGROUND, 0xfdf1dc);
                m.put(Ink.RECORDING_BORDER, 0xe2c48f);
                m.put(Ink.PLAYING, 0xf6d77a);
                m.put(Ink.BLACKOUT, 0x000000);
                m.put(Ink.WHITEOUT, 0xffffff);
                m.put(Ink.STATE_CLOSED, 0x71696a);
                m.put(Ink.STATE_LISTEN, 0x0f7a9c);
                m.put(Ink.STATE_SYN_SENT, 0x6e3b02);
                m.put(Ink.STATE_SYN_RECEIVED, 0x45305b);
                m.put(Ink.STATE_ESTABLISHED, 0x258442);
                m.put(Ink.STATE_FIN_WAIT_1, 0x893cba);
                m.put(Ink.STATE_FIN_WAIT_2, 0x501f7b);
                m.put(Ink.STATE_CLOSE_WAIT, 0xbd4199);
                m.put(Ink.STATE_CLOSING, 0x750141);
                m.put(Ink.STATE_LAST_ACK, 0xaa2e04);
                m.put(Ink.STATE_TIME_WAIT, 0x5756c1);
                m.put(Ink.STATE_UNKNOWN, 0x6b7280);
            }
            case DARK -> {
                m.put(Ink.BACKGROUND, 0x16181d);
                m.put(Ink.FOREGROUND, 0xe6e8eb);
                m.put(Ink.MUTED, 0xa3abb8);
                m.put(Ink.WINDOW, 0x1f2228);
                m.put(Ink.CONTROL, 0x353a42);
                m.put(Ink.HEADER_BACKGROUND, 0x22262d);
                m.put(Ink.BORDER, 0x3a404a);
                m.put(Ink.LIFELINE, 0x6b7382);
                m.put(Ink.CLIENT, 0x79b8ff);
                m.put(Ink.SERVER, 0xffb070);
                m.put(Ink.PLAYHEAD, 0xff5c6c);
                m.put(Ink.SELECTION, 0x3a3422);
                m.put(Ink.LIST_SELECTION, 0x1f4f8f);
                m.put(Ink.LIST_SELECTION_TEXT, 0xffffff);
                m.put(Ink.FOCUS, 0x79b8ff);
                m.put(Ink.CHIP, 0x30353e);
                m.put(Ink.CHIP_TEXT, 0xdfe3ea);
                m.put(Ink.ANOMALY, 0xff6b8a);
                m.put(Ink.ANOMALY_TEXT, 0x16181d);
                m.put(Ink.STATE_TEXT, 0x16181d);
                m.put(Ink.NARRATION_BACKGROUND, 0x2b2818);
                m.put(Ink.LIVE_BACKGROUND, 0x1b2a3d);
                m.put(Ink.LIVE_BORDER, 0x2e4563);
                m.put(Ink.RECORDING_BACKGROUND, 0x35291a);
                m.put(Ink.RECORDING_BORDER, 0x6b5530);
                m.put(Ink.PLAYING, 0x5c4a12);
                m.put(Ink.BLACKOUT, 0x000000);
                m.put(Ink.WHITEOUT, 0xffffff);
                m.put(Ink.STATE_CLOSED, 0xbac3cb);
                m.put(Ink.STATE_LISTEN, 0x31a493);
                m.put(Ink.STATE_SYN_SENT, 0xebf3b2);
                m.put(Ink.STATE_SYN_RECEIVED, 0xe0be45);
                m.put(Ink.STATE_ESTABLISHED, 0x54b47b);
                m.put(Ink.STATE_FIN_WAIT_1, 0xd183fa);
                m.put(Ink.STATE_FIN_WAIT_2, 0xf8bda0);
                m.put(Ink.STATE_CLOSE_WAIT, 0xcc84d0);
                m.put(Ink.STATE_CLOSING, 0xf7789a);
                m.put(Ink.STATE_LAST_ACK, 0xfe814e);
                m.put(Ink.STATE_TIME_WAIT, 0x8e93f9);
                m.put(Ink.STATE_UNKNOWN, 0x8c93a0);
            }
            case PROJECTOR -> {
                m.put(Ink.BACKGROUND, 0xffffff);
                m.put(Ink.FOREGROUND, 0x000000);
                m.put(Ink.MUTED, 0x30343b);
                m.put(Ink.WINDOW, 0xffffff);
                m.put(Ink.CONTROL, 0xe6e6e6);
                m.put(Ink.HEADER_BACKGROUND, 0xf2f2f2);
                m.put(Ink.BORDER, 0x6e6e6e);
                m.put(Ink.LIFELINE, 0x333333);
                m.put(Ink.CLIENT, 0x0040c0);
                m.put(Ink.SERVER, 0x803c13);
                m.put(Ink.PLAYHEAD, 0xd0001f);
                m.put(Ink.SELECTION, 0xfff0a0);
                m.put(Ink.LIST_SELECTION, 0x002e8a);
                m.put(Ink.LIST_SELECTION_TEXT, 0xffffff);
                m.put(Ink.FOCUS, 0x0040c0);
                m.put(Ink.CHIP, 0xe6e6e6);
                m.put(Ink.CHIP_TEXT, 0x000000);
                m.put(Ink.ANOMALY, 0x4d125a);
                m.put(Ink.ANOMALY_TEXT, 0xffffff);
                m.put(Ink.STATE_TEXT, 0xffffff);
                m.put(Ink.NARRATION_BACKGROUND, 0xfff6d0);
                m.put(Ink.LIVE_BACKGROUND, 0xe0ecff);
                m.put(Ink.LIVE_BORDER, 0x0040c0);
                m.put(Ink.RECORDING_BACKGROUND, 0xffefd0);
                m.put(Ink.RECORDING_BORDER, 0x803c13);
                m.put(Ink.PLAYING, 0xffd24a);
                m.put(Ink.BLACKOUT, 0x000000);
                m.put(Ink.WHITEOUT, 0xffffff);
                m.put(Ink.STATE_CLOSED, 0x535457);
                m.put(Ink.STATE_LISTEN, 0x055c81);
                m.put(Ink.STATE_SYN_SENT, 0x632735);
                m.put(Ink.STATE_SYN_RECEIVED, 0x473a00);
                m.put(Ink.STATE_ESTABLISHED, 0x376032);
                m.put(Ink.STATE_FIN_WAIT_1, 0x7919b7);
                m.put(Ink.STATE_FIN_WAIT_2, 0x670a6c);
                m.put(Ink.STATE_CLOSE_WAIT, 0xa3017a);
                m.put(Ink.STATE_CLOSING, 0x970246);
                m.put(Ink.STATE_LAST_ACK, 0xa91301);
                m.put(Ink.STATE_TIME_WAIT, 0x183db7);
                m.put(Ink.STATE_UNKNOWN, 0x555555);
            }
            default -> throw new IllegalStateException(theme.name());
        }
        return m;
    }
}
