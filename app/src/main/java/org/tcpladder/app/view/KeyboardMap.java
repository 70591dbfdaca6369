package org.tcpladder.app.view;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * The program's keys, as presentation programs use them, in one table for the normal window and the
 * presenter alike; Help ▸ Keyboard lists this same table, so the list cannot drift from the keys.
 *
 * <p>A presentation clicker sends PageDown and PageUp (some Right/Left, or B for a black screen), so
 * these keys are taken before the focused control sees them: a clicker must step the ladder even when
 * a toolbar button was clicked last. Two exceptions keep controls usable: a text field keeps every key
 * but the function keys (typing a port number or a filter must not move the playhead), and the
 * connection table keeps its navigation keys (Up, Down, PageUp, PageDown, Home, End) and Enter.
 *
 * <p>Digits then Enter go to that segment ("7 Enter": the seventh segment has arrived); Esc forgets
 * digits typed so far.
 */
public final class KeyboardMap {
    /** What a key does; its description is the bundle key {@code keys.<name>}. */
    public enum Action {
        NEXT, PREVIOUS, FIRST, LAST, GO_TO, NEXT_ANOMALY, PREVIOUS_ANOMALY, PLAY_PAUSE, BLACK, WHITE, PRESENT, LEAVE, DIAGRAM, KEYS;

        public String descriptionKey() {
            return "keys." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** One action and the keys that do it, the first being the one menus show. */
    public record Binding(Action action, List<KeyCodeCombination> keys) {
    }

    public static final List<Binding> BINDINGS = List.of(
            binding(Action.NEXT, KeyCode.RIGHT, KeyCode.DOWN, KeyCode.PAGE_DOWN, KeyCode.SPACE, KeyCode.ENTER),
            binding(Action.PREVIOUS, KeyCode.LEFT, KeyCode.UP, KeyCode.PAGE_UP, KeyCode.BACK_SPACE),
            binding(Action.FIRST, KeyCode.HOME),
            binding(Action.LAST, KeyCode.END),
            binding(Action.GO_TO),
            binding(Action.NEXT_ANOMALY, KeyCode.N),
            new Binding(Action.PREVIOUS_ANOMALY,
                    List.of(new KeyCodeCombination(KeyCode.N, javafx.scene.input.KeyCombination.SHIFT_DOWN))),
            binding(Action.PLAY_PAUSE, KeyCode.P),
            binding(Action.BLACK, KeyCode.B, KeyCode.PERIOD),
            binding(Action.WHITE, KeyCode.W),
            binding(Action.PRESENT, KeyCode.F5),
            binding(Action.LEAVE, KeyCode.ESCAPE, KeyCode.F5),
            binding(Action.DIAGRAM, KeyCode.D),
            binding(Action.KEYS, KeyCode.F1));

    /**
     * Keys a focused list or table (the connections) uses to move its selection, left to it; Enter
     * there hands the keyboard to the ladder.
     */
    private static final Set<KeyCode> LIST_KEYS = Set.of(KeyCode.UP, KeyCode.DOWN, KeyCode.PAGE_UP,
            KeyCode.PAGE_DOWN, KeyCode.HOME, KeyCode.END, KeyCode.ENTER);

    private final Map<Action, Runnable> actions = new EnumMap<>(Action.class);
    private final IntConsumer goTo;
    private final StringBuilder digits = new StringBuilder();
    private final ReadOnlyStringWrapper pending = new ReadOnlyStringWrapper(this, "pending", "");

    /**
     * @param actions what this window does for each action; actions left out are not taken (their keys
     *                go on to the focused control)
     * @param goTo    called with the number typed before Enter
     */
    public KeyboardMap(Map<Action, Runnable> actions, IntConsumer goTo) {
        this.actions.putAll(actions);
        this.goTo = goTo;
    }

    private static Binding binding(Action action, KeyCode... codes) {
        return new Binding(action, java.util.Arrays.stream(codes).map(KeyCodeCombination::new).toList());
    }

    /** The first key of an action, as menus show it; null if it has none. */
    public static KeyCodeCombination primary(Action action) {
        for (Binding b : BINDINGS) {
            if (b.action() == action && !b.keys().isEmpty()) {
                return b.keys().get(0);
            }
        }
        return null;
    }

    /** Takes this window's keys from {@code scene} before its focused control does. */
    public void install(Scene scene) {
        EventHandler<KeyEvent> filter = e -> {
            if (handle(e, scene.getFocusOwner())) {
                e.consume();
            }
        };
        scene.addEventFilter(KeyEvent.KEY_PRESSED, filter);
    }

    /** Whether the key was taken (it then goes no further). */
    boolean handle(KeyEvent e, Node focus) {
        try {
            return take(e, focus);
        } finally {
            pending.set(digits.toString());
        }
    }

    private boolean take(KeyEvent e, Node focus) {
        if (focus instanceof TextInputControl && !e.getCode().isFunctionKey()) {
            // Typing keeps its keys; F5 (present) and F1 (keys) mean nothing to a text field.
            return false;
        }
        if ((focus instanceof ListView || focus instanceof TableView) && LIST_KEYS.contains(e.getCode())) {
            return false;
        }
        if (e.isShortcutDown() || e.isAltDown() || e.isControlDown() || e.isMetaDown()) {
            return false;
        }
        if (e.getCode().isDigitKey() && actions.containsKey(Action.GO_TO)) {
            digits.append(e.getText().isEmpty() ? digitOf(e.getCode()) : e.getText());
            return true;
        }
        if (e.getCode() == KeyCode.ENTER && digits.length() > 0) {
            int n = Integer.parseInt(digits.toString().replaceAll("\\D", "0"));
            digits.setLength(0);
            goTo.accept(n);
            return true;
        }
        if (e.getCode() == KeyCode.ESCAPE && digits.length() > 0) {
            digits.setLength(0);
            return true;
        }
        for (Binding b : BINDINGS) {
            Runnable action = actions.get(b.action());
            if (action == null) {
                continue;
            }
            for (KeyCodeCombination k : b.keys()) {
                if (k.match(e)) {
                    digits.setLength(0);
                    action.run();
                    return true;
                }
            }
        }
        return false;
    }

    private static String digitOf(KeyCode code) {
        String name = code.getName();
        return name.substring(name.length() - 1);
    }

    /** The digits typed so far (shown while a number is being typed); empty when none. */
    public ReadOnlyStringProperty pendingDigitsProperty() {
        return pending.getReadOnlyProperty();
    }
}
