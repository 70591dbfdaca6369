package org.tcpladder.app.view;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;
import org.tcpladder.app.TestLadders;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key table and its digits, without a window (the window tests press the keys for real). */
class KeyboardMapTest {
    private final List<String> done = new ArrayList<>();
    private final List<Integer> wentTo = new ArrayList<>();

    private KeyboardMap map(KeyboardMap.Action... actions) {
        Map<KeyboardMap.Action, Runnable> m = new EnumMap<>(KeyboardMap.Action.class);
        for (KeyboardMap.Action a : actions) {
            m.put(a, () -> done.add(a.name()));
        }
        return new KeyboardMap(m, wentTo::add);
    }

    private static KeyEvent press(KeyCode code, String text, boolean control) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, text, text, code, false, control, false, false);
    }

    private static KeyEvent press(KeyCode code) {
        return press(code, "", false);
    }

    @Test
    void everyClickerKeyStepsAndSpaceIsNextNotPlay() {
        KeyboardMap keys = map(KeyboardMap.Action.NEXT, KeyboardMap.Action.PREVIOUS, KeyboardMap.Action.PLAY_PAUSE);
        for (KeyCode k : List.of(KeyCode.RIGHT, KeyCode.DOWN, KeyCode.PAGE_DOWN, KeyCode.SPACE, KeyCode.ENTER)) {
            assertTrue(keys.handle(press(k), null), k.toString());
        }
        for (KeyCode k : List.of(KeyCode.LEFT, KeyCode.UP, KeyCode.PAGE_UP, KeyCode.BACK_SPACE)) {
            assertTrue(keys.handle(press(k), null), k.toString());
        }
        assertTrue(keys.handle(press(KeyCode.P, "p", false), null));
        assertEquals(List.of("NEXT", "NEXT", "NEXT", "NEXT", "NEXT", "PREVIOUS", "PREVIOUS", "PREVIOUS", "PREVIOUS",
                "PLAY_PAUSE"), done);
    }

    @Test
    void digitsThenEnterGoToThatSegmentAndEscForgetsThem() {
        KeyboardMap keys = map(KeyboardMap.Action.NEXT, KeyboardMap.Action.GO_TO);
        keys.handle(press(KeyCode.DIGIT1, "1", false), null);
        keys.handle(press(KeyCode.NUMPAD2, "2", false), null);
        assertEquals("12", keys.pendingDigitsProperty().get());
        keys.handle(press(KeyCode.ENTER), null);
        assertEquals(List.of(12), wentTo);
        assertTrue(done.isEmpty(), "Enter after digits goes there, it does not also step");
        keys.handle(press(KeyCode.DIGIT4, "4", false), null);
        keys.handle(press(KeyCode.ESCAPE), null);
        assertEquals("", keys.pendingDigitsProperty().get());
        keys.handle(press(KeyCode.ENTER), null);
        assertEquals(List.of(12), wentTo);
        assertEquals(List.of("NEXT"), done, "Enter alone is next");
    }

    @Test
    void keysOfActionsAWindowDoesNotHaveAndShortcutsGoOnToTheControls() {
        KeyboardMap keys = map(KeyboardMap.Action.NEXT, KeyboardMap.Action.GO_TO);
        assertFalse(keys.handle(press(KeyCode.B, "b", false), null), "no black screen here: B goes on");
        assertFalse(keys.handle(press(KeyCode.DIGIT0, "0", true), null), "Ctrl+0 is the zoom's");
        assertFalse(keys.handle(press(KeyCode.ESCAPE), null), "Esc with nothing typed and nothing to leave");
    }

    @Test
    void noKeyDoesTwoThingsInOneWindowAndEveryActionIsDescribed() {
        Set<KeyCodeCombination> window = new HashSet<>();
        Set<KeyCodeCombination> presenter = new HashSet<>();
        for (KeyboardMap.Binding b : KeyboardMap.BINDINGS) {
            assertTrue(TestLadders.TEXT.has(b.action().descriptionKey()), b.action().descriptionKey());
            for (KeyCodeCombination k : b.keys()) {
                // PRESENT is the window's, LEAVE and DIAGRAM the presenter's; the rest are both's.
                if (b.action() != KeyboardMap.Action.LEAVE && b.action() != KeyboardMap.Action.DIAGRAM) {
                    assertTrue(window.add(k), "window: " + k);
                }
                if (b.action() != KeyboardMap.Action.PRESENT) {
                    assertTrue(presenter.add(k), "presenter: " + k);
                }
            }
        }
        assertEquals(KeyboardMap.Action.values().length, KeyboardMap.BINDINGS.size(), "one line per action");
    }
}
