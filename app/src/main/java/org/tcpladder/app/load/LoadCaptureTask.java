package org.tcpladder.app.load;

import javafx.concurrent.Task;

import java.nio.file.Path;

/**
 * Runs a {@link CaptureLoader} off the JavaFX thread, so the window never freezes; its progress and
 * message drive the status bar, and cancel() stops the loader at its next check.
 */
public final class LoadCaptureTask extends Task<LoadedCapture> {
    private final CaptureLoader loader;
    private final Path file;

    public LoadCaptureTask(CaptureLoader loader, Path file) {
        this.loader = loader;
        this.file = file;
    }

    public Path file() {
        return file;
    }

    @Override
    protected LoadedCapture call() throws Exception {
        updateProgress(-1, 1);
        return loader.load(file, new LoadProgress() {
            @Override
            public void update(long done, long total) {
                if (total > 0) {
                    updateProgress(done, total);
                } else {
                    updateProgress(-1, 1);
                }
            }

            @Override
            public boolean isCancelled() {
                return LoadCaptureTask.this.isCancelled();
            }
        });
    }
}
