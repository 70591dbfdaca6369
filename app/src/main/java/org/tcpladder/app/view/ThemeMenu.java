package org.tcpladder.app.view;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import org.tcpladder.app.Messages;
import org.tcpladder.app.style.Theme;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** View ▸ Theme: one radio item per {@link Theme}, in step with {@link ApplicationTheme}. */
final class ThemeMenu extends Menu {
    private final Map<Theme, RadioMenuItem> items = new EnumMap<>(Theme.class);
    /** Held here, weakly listened to: the theme lives as long as the program, a window's menu need not. */
    private final InvalidationListener follow = o -> items.get(ApplicationTheme.get()).setSelected(true);

    ThemeMenu(Messages text) {
        super(text.text("menu.theme"));
        setId(NodeIds.THEME_MENU);
        ToggleGroup group = new ToggleGroup();
        for (Theme theme : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(text.text(theme.messageKey()));
            item.setMnemonicParsing(false);
            item.setId(NodeIds.THEME_ITEM_PREFIX + theme.name().toLowerCase(Locale.ROOT));
            item.setToggleGroup(group);
            item.setOnAction(e -> ApplicationTheme.set(theme));
            items.put(theme, item);
            getItems().add(item);
        }
        follow.invalidated(null);
        ApplicationTheme.themeProperty().addListener(new WeakInvalidationListener(follow));
    }
}
