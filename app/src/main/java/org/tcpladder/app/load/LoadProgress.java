package org.tcpladder.app.load;

/** Where a loader reports how far it is and learns whether the user cancelled. */
public interface LoadProgress {
    LoadProgress NONE = new LoadProgress() {
        @Override
        public void update(long done, long total) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** {@code total} is -1 when unknown. */
    void update(long done, long total);

    boolean isCancelled();
}
