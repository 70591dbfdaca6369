package org.tcpladder.app.view;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.tcpladder.app.Messages;
import org.tcpladder.app.style.StyleClasses;
import org.tcpladder.capture.live.LiveCaptureException;

/**
 * Why a live session or port watch cannot start, as the capture core words it (it says what to do:
 * install libpcap, grant the capture capability…), with the command to run in a field it can be
 * copied from. When a demo session cannot capture at all (no privilege and no user namespace, or no
 * libpcap) it also offers to play the recording of the same session instead (the third route).
 * Shown without blocking: the window stays usable behind it.
 */
final class LiveProblemDialog {
    private LiveProblemDialog() {
    }

    static Alert show(Messages text, Window owner, String headerKey, Exception problem) {
        return show(text, owner, headerKey, problem, null);
    }

    /**
     * @param playRecording run when the user chooses to play the recording instead; null offers none. It
     *                      is offered only for the problems a recording helps with
     */
    static Alert show(Messages text, Window owner, String headerKey, Exception problem, Runnable playRecording) {
        String message = problem.getMessage() == null || problem.getMessage().isBlank()
                ? problem.getClass().getSimpleName() : problem.getMessage();
        Label explanation = new Label(message);
        explanation.setWrapText(true);
        explanation.setMinHeight(Region.USE_PREF_SIZE);
        explanation.setMaxWidth(34 * 16);
        VBox content = new VBox(10, explanation);
        String remedy = remedy(message);
        if (remedy != null) {
            TextField command = new TextField(remedy);
            command.setEditable(false);
            // wide enough to show the whole command, so that what is copied is what is seen
            command.setPrefColumnCount(remedy.length());
            command.getStyleClass().add(StyleClasses.PROBLEM_REMEDY);
            content.getChildren().addAll(new Label(text.text("live.remedy")), command);
        }
        boolean offer = playRecording != null && recordingHelps(problem);
        // The recording is what can be done now (the remedy needs a terminal and a restart): it is the default.
        ButtonType play = new ButtonType(text.text("recording.play"), ButtonBar.ButtonData.OK_DONE);
        if (offer) {
            Label alternative = new Label(text.text("recording.offer"));
            alternative.setWrapText(true);
            alternative.setMinHeight(Region.USE_PREF_SIZE);
            alternative.setMaxWidth(34 * 16);
            content.getChildren().add(alternative);
        }
        Alert alert = offer ? new Alert(Alert.AlertType.ERROR, "", play, ButtonType.CLOSE)
                : new Alert(Alert.AlertType.ERROR, "", ButtonType.OK);
        alert.setTitle(text.text("live.errorTitle"));
        alert.setHeaderText(text.text(headerKey));
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setId(NodeIds.LIVE_ERROR);
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        if (offer) {
            Node button = alert.getDialogPane().lookupButton(play);
            button.setId(NodeIds.PLAY_RECORDING);
            alert.setOnHidden(e -> {
                if (alert.getResult() == play) {
                    playRecording.run();
                }
            });
        }
        if (owner != null) {
            alert.initOwner(owner);
            alert.getDialogPane().getStylesheets().setAll(owner.getScene().getRoot().getStylesheets());
            alert.getDialogPane().setStyle(owner.getScene().getRoot().getStyle());
        }
        alert.show();
        return alert;
    }

    /** Whether playing a recording is the way round this problem: capture is impossible here, not misused. */
    static boolean recordingHelps(Exception problem) {
        return problem instanceof LiveCaptureException e
                && (e.problem() == LiveCaptureException.Problem.NO_PERMISSION
                || e.problem() == LiveCaptureException.Problem.NO_LIBPCAP);
    }

    /** The command the message tells the user to run, if it is one the capture core gives. */
    static String remedy(String message) {
        for (String command : new String[]{LiveCaptureException.SETCAP_REMEDY, LiveCaptureException.LIBPCAP_REMEDY}) {
            if (message.contains(command)) {
                return command;
            }
        }
        return null;
    }
}
