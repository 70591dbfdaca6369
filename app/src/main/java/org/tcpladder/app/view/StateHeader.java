package org.tcpladder.app.view;

import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.tcpladder.app.Messages;
import org.tcpladder.capture.tcp.Side;
import org.tcpladder.app.style.StyleClasses;
import org.tcpladder.app.viewmodel.PlaybackViewModel;

/** The two state indicators above the ladder: client's over its lifeline on the left, server's on the right. */
final class StateHeader extends HBox {
    StateHeader(Messages text, PlaybackViewModel playback) {
        getStyleClass().add(StyleClasses.STATE_HEADER);
        StateIndicator client = new StateIndicator(text, Side.CLIENT, playback.clientProperty());
        StateIndicator server = new StateIndicator(text, Side.SERVER, playback.serverProperty());
        HBox.setHgrow(client, Priority.ALWAYS);
        HBox.setHgrow(server, Priority.ALWAYS);
        client.setMaxWidth(Double.MAX_VALUE);
        server.setMaxWidth(Double.MAX_VALUE);
        client.setPrefWidth(0);
        server.setPrefWidth(0);
        getChildren().addAll(client, server);
    }
}
