package org.tcpladder.app;

import javafx.application.Application;
import javafx.stage.Stage;
import org.tcpladder.app.live.DemoRoute;
import org.tcpladder.app.view.ApplicationTheme;
import org.tcpladder.app.view.MainWindow;
import org.tcpladder.app.view.WindowWarmUp;
import org.tcpladder.app.viewmodel.RecentFiles;
import org.tcpladder.app.viewmodel.ThemePreference;

/**
 * The desktop program's entry point. {@code tcpladder [--present] [capture-file]}: opens the file if one
 * is given, otherwise shows the hand-built echo session so that there is a ladder to look at straight away
 * (Start then runs a real one over loopback). While the user looks at it, the program warms up what
 * the first Start needs, in the background ({@link DemoRoute}) and in a copy of the window that is
 * never shown ({@link WindowWarmUp}). {@code --present} starts in presenter mode (full screen, for a
 * projector).
 */
public final class TcpLadderApp extends Application {
    @Override
    public void start(Stage stage) {
        DemoRoute.probeInBackground();
        Messages text = Messages.load();
        ThemePreference.keep(ApplicationTheme.themeProperty(), RecentFiles.userNode());
        MainWindow window = new MainWindow(text, RecentFiles.forUser());
        window.install(stage);
        stage.show();
        begin(window, getParameters().getRaw());
        WindowWarmUp.start(text, window);
    }

    /** What the command line asks of a shown window: a file to open, presenter mode. */
    public static void begin(MainWindow window, java.util.List<String> raw) {
        LaunchArguments args = LaunchArguments.parse(raw);
        window.openFromArguments(args.files());
        if (args.present()) {
            window.present();
        }
    }

    public static void main(String[] args) {
        // Before JavaFX starts, so that the two overlap (start() asks again, in case a launcher calls it
        // without main).
        DemoRoute.probeInBackground();
        launch(args);
    }
}
