package org.tcpladder.app.view;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.tcpladder.app.Messages;
import org.tcpladder.app.load.CaptureLoader;
import org.tcpladder.app.load.LoadCaptureTask;
import org.tcpladder.app.load.LoadedCapture;
import org.tcpladder.app.viewmodel.RecentFiles;
import org.tcpladder.capture.source.CaptureFileException;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Opens capture files: reads them in a background {@link LoadCaptureTask} (the window stays live, a
 * progress bar and Cancel show in the status bar), records them in the recent files, and reports a
 * file that cannot be read in a dialog naming the file and what is wrong with it.
 */
final class CaptureOpener {
    private final Messages text;
    private final CaptureLoader loader;
    private final RecentFiles recent;
    private final StatusBar status;
    private final Supplier<Window> owner;
    private final Consumer<LoadedCapture> onLoaded;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "capture-loader");
        t.setDaemon(true);
        return t;
    });
    private LoadCaptureTask current;
    private Alert lastError;

    CaptureOpener(Messages text, CaptureLoader loader, RecentFiles recent, StatusBar status,
                  Supplier<Window> owner, Consumer<LoadedCapture> onLoaded) {
        this.text = text;
        this.loader = loader;
        this.recent = recent;
        this.status = status;
        this.owner = owner;
        this.onLoaded = onLoaded;
        status.cancel.setOnAction(e -> cancel());
    }

    void open(Path file) {
        cancel();
        LoadCaptureTask task = new LoadCaptureTask(loader, file);
        current = task;
        status.progress.progressProperty().bind(task.progressProperty());
        status.message.setText(text.format("status.loading", file.getFileName()));
        status.setLoading(true);
        loading.set(true);
        task.setOnSucceeded(e -> {
            finished(task);
            LoadedCapture capture = task.getValue();
            recent.add(file);
            String loaded = text.format("status.loaded", file.getFileName(), capture.packetCount(),
                    capture.connections().size());
            if (capture.malformed() > 0) {
                loaded = loaded + " " + text.format("status.malformed", capture.malformed());
            }
            // A damaged tail: what came before it is shown, and the status bar says where it broke.
            status.message.setText(capture.readError() == null ? loaded
                    : loaded + " " + text.format("status.damaged", capture.readError()));
            onLoaded.accept(capture);
        });
        task.setOnFailed(e -> {
            finished(task);
            status.message.setText(text.format("status.failed", file.getFileName()));
            showError(file, task.getException());
        });
        task.setOnCancelled(e -> {
            finished(task);
            status.message.setText(text.format("status.cancelled", file.getFileName()));
        });
        worker.submit(task);
    }

    void cancel() {
        if (current != null && current.isRunning()) {
            current.cancel(true);
        }
    }

    private void finished(LoadCaptureTask task) {
        if (current == task) {
            status.progress.progressProperty().unbind();
            status.setLoading(false);
            loading.set(false);
            current = null;
        }
    }

    /** One sentence a teacher can act on: which file, and what is wrong with it. */
    static String problem(Messages text, Path file, Throwable error) {
        if (error instanceof CaptureFileException) {
            return error.getMessage();
        }
        String message = error == null ? null : error.getMessage();
        if (message == null || message.isBlank()) {
            message = error == null ? text.text("error.unknown") : error.getClass().getSimpleName();
        }
        return message.contains(file.toString()) ? message : file + ": " + message;
    }

    private void showError(Path file, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR, problem(text, file, error), ButtonType.OK);
        alert.setTitle(text.text("error.openTitle"));
        alert.setHeaderText(text.format("error.openHeader", file.getFileName()));
        alert.getDialogPane().setId(NodeIds.OPEN_ERROR);
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        Window w = owner.get();
        if (w != null) {
            alert.initOwner(w);
            // The dialog shares the window's stylesheet and zoom so it is as readable as the rest.
            alert.getDialogPane().getStylesheets().setAll(w.getScene().getRoot().getStylesheets());
            alert.getDialogPane().setStyle(w.getScene().getRoot().getStyle());
        }
        lastError = alert;
        // show(), not showAndWait(): no nested event loop inside the task's completion handler.
        alert.show();
    }

    Alert lastError() {
        return lastError;
    }

    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
