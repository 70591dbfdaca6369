package org.tcpladder.capture.demo;

/**
 * Holds the session before each step: in step mode until {@link #proceed()}, in run mode for the pause
 * that lets the ladder animate. {@link #stop()} releases every wait for good.
 */
final class StepGate {
    private boolean stepMode;
    private boolean waiting;
    private boolean go;
    private boolean stopped;

    StepGate(boolean stepMode) {
        this.stepMode = stepMode;
    }

    /**
     * Waits for the turn of the next step.
     *
     * @param beforeWait called (with the lock released) when the wait for the user begins, in step
     *                   mode only; it announces the pending step
     * @param pauseMillis run mode's pause
     * @return false if the session was stopped
     */
    boolean awaitTurn(Runnable beforeWait, long pauseMillis) throws InterruptedException {
        boolean announce;
        synchronized (this) {
            if (stopped) {
                return false;
            }
            announce = stepMode;
            if (announce) {
                waiting = true;
                go = false;
            }
        }
        if (announce) {
            beforeWait.run();
        }
        synchronized (this) {
            if (announce) {
                while (stepMode && !go && !stopped) {
                    wait();
                }
                waiting = false;
            }
            if (!announce || !stepMode) {
                long until = System.nanoTime() + pauseMillis * 1_000_000L;
                long left;
                while (!stopped && (left = until - System.nanoTime()) > 0) {
                    wait(Math.max(1, left / 1_000_000L));
                }
            }
            return !stopped;
        }
    }

    synchronized void proceed() {
        if (waiting) {
            go = true;
            notifyAll();
        }
    }

    synchronized void runToEnd() {
        stepMode = false;
        notifyAll();
    }

    synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    synchronized boolean stepMode() {
        return stepMode;
    }
}
