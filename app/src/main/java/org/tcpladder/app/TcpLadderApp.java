package org.tcpladder.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

import java.util.ResourceBundle;

/** The desktop program's entry point. */
public final class TcpLadderApp extends Application {
    @Override
    public void start(Stage stage) {
        ResourceBundle text = ResourceBundle.getBundle("org.tcpladder.app.messages");
        BorderPane root = new BorderPane(new Label(text.getString("app.placeholder")));
        stage.setTitle(text.getString("app.title"));
        stage.setScene(new Scene(root, 1280, 800));
        stage.show();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
