package org.tcpladder.app.tools;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.tcpladder.app.Messages;
import org.tcpladder.app.view.MainWindow;
import org.tcpladder.app.viewmodel.RecentFiles;

import java.nio.file.Path;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Regenerates {@code screenshots/*.png} from the real window:
 * {@code DISPLAY=:99 mvn -B -o -q -pl app -am compile javafx:run@screenshots} (any X display, e.g.
 * Xvfb; live capture needs root or CAP_NET_RAW), or headless under Monocle with the test classpath.
 * Arguments: the output directory, then optionally a capture file with several connections, then
 * optionally a capture of a connection that lost a segment.
 */
public final class Screenshots {
    private static final String PREFS_NODE = "org/tcpladder/app/screenshots";

    private Screenshots() {
    }

    /**
     * A plain main class (not an Application) so that it also starts from a plain classpath, e.g.
     * headless under Monocle: {@code java -cp ... -Dglass.platform=Monocle -Dmonocle.platform=Headless
     * -Dprism.order=sw org.tcpladder.app.tools.Screenshots DIR}.
     */
    public static void main(String[] args) {
        Application.launch(Tour.class, args);
    }

    /** The JavaFX application that shows the window and runs the tour. */
    public static final class Tour extends Application {
        @Override
        public void start(Stage stage) throws BackingStoreException {
            List<String> args = getParameters().getUnnamed();
            Path dir = Path.of(args.isEmpty() ? "screenshots" : args.get(0)).toAbsolutePath().normalize();
            // Its own recent-files node, so that taking screenshots leaves the user's list alone.
            Preferences prefs = Preferences.userRoot().node(PREFS_NODE);
            prefs.clear();
            MainWindow window = new MainWindow(Messages.load(), new RecentFiles(prefs, 8));
            window.install(stage);
            stage.show();
            Path capture = args.size() > 1 ? Path.of(args.get(1)) : null;
            Path loss = args.size() > 2 ? Path.of(args.get(2)) : null;
            new ScreenshotTour(window, stage.getScene(), dir, capture, loss).run(files -> {
                files.forEach(f -> System.out.println("wrote " + f));
                Platform.exit();
            }, error -> {
                error.printStackTrace();
                Platform.exit();
                System.exit(1);
            });
        }
    }
}
