package org.tcpladder.app;

import javafx.application.Application;
import javafx.stage.Stage;
import org.tcpladder.app.live.DemoRoute;
import org.tcpladder.app.view.MainWindow;
import org.tcpladder.app.viewmodel.RecentFiles;

/**
 * The desktop program's entry point. {@code tcpladder [capture-file]}: opens the file if one is given,
 * otherwise shows the hand-built echo session so that there is a ladder to look at straight away
 * (Start then runs a real one over loopback).
 */
public final class TcpLadderApp extends Application {
    @Override
    public void start(Stage stage) {
        DemoRoute.probeInBackground();
        Messages text = Messages.load();
        MainWindow window = new MainWindow(text, RecentFiles.forUser());
        window.install(stage);
        stage.show();
        window.openFromArguments(getParameters().getUnnamed());
    }

    public static void main(String[] args) {
        launch(args);
    }
}
