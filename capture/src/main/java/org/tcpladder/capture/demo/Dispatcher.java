package org.tcpladder.capture.demo;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that calls a session's {@link DemoListener}, in the order things were posted, so that
 * listeners see frames (from the capture thread) and socket events (from the socket threads) as one
 * ordered stream and need no locking.
 */
final class Dispatcher {
    private static final Runnable END = () -> { };

    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Throwable listenerFailure;

    Dispatcher(String name) {
        Thread t = new Thread(this::run, name);
        t.setDaemon(true);
        t.start();
    }

    void post(Runnable r) {
        queue.add(r);
    }

    /** Posts the last notification; nothing posted after it runs. */
    void finish(Runnable last) {
        queue.add(last);
        queue.add(END);
    }

    boolean awaitDone(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit);
    }

    Throwable listenerFailure() {
        return listenerFailure;
    }

    private void run() {
        try {
            while (true) {
                Runnable r = queue.take();
                if (r == END) {
                    return;
                }
                try {
                    r.run();
                } catch (RuntimeException | Error e) {
                    // A failing listener must not end the session or starve the others.
                    if (listenerFailure == null) {
                        listenerFailure = e;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            done.countDown();
        }
    }
}
