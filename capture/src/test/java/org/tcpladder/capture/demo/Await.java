package org.tcpladder.capture.demo;

import java.util.function.BooleanSupplier;

/** Polling for what a session does on its own threads, with a bound so a broken session fails the test. */
final class Await {
    private static final long LIMIT_NANOS = 10_000_000_000L;

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(5);
        }
    }
}
