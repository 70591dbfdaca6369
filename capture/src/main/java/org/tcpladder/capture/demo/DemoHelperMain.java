package org.tcpladder.capture.demo;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.tcpladder.capture.live.LiveCaptureException;
import org.tcpladder.capture.live.LoopbackDevice;
import org.tcpladder.capture.source.RawPacket;

/**
 * The helper process of the user-namespace route: started by {@link NamespacedDemoSession} inside
 * {@code unshare -Urn}, it runs the session and its capture on the namespace's own loopback interface
 * and streams everything back over standard output ({@link DemoWire}). Not for people to run.
 */
public final class DemoHelperMain {
    private DemoHelperMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        // Standard output carries the protocol: anything else printed goes to standard error.
        System.setOut(System.err);
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        DemoSettings settings = DemoWire.readSettings(in);
        WireListener listener = new WireListener(out);
        DemoSession session;
        try {
            session = LocalDemoSession.start(settings, listener, LoopbackDevice.name());
        } catch (LiveCaptureException e) {
            synchronized (out) {
                DemoWire.writeFailure(out, e.problem(), e.getMessage());
                out.flush();
            }
            System.exit(3);
            return;
        } catch (IOException | RuntimeException e) {
            synchronized (out) {
                DemoWire.writeFailure(out, LiveCaptureException.Problem.HELPER_FAILED, "the session could not start: " + e);
                out.flush();
            }
            System.exit(3);
            return;
        }
        Thread commands = new Thread(() -> readCommands(in, session), "demo-helper-commands");
        commands.setDaemon(true);
        commands.start();
        while (session.awaitOutcome(Duration.ofSeconds(60)) == null) {
            // Step mode may wait for the user for a long time.
        }
        synchronized (out) {
            out.flush();
        }
        System.exit(0);
    }

    private static void readCommands(DataInputStream in, DemoSession session) {
        try {
            int c;
            while ((c = in.read()) >= 0) {
                switch (c) {
                    case DemoWire.PROCEED -> session.proceed();
                    case DemoWire.RUN -> session.runToEnd();
                    case DemoWire.STOP -> session.stop();
                    default -> { }
                }
            }
        } catch (IOException e) {
            // The program is gone: fall through and stop.
        }
        session.stop();
    }

    /** Writes every notification as a record and flushes it at once (live means now). */
    private static final class WireListener implements DemoListener {
        private final DataOutputStream out;

        WireListener(DataOutputStream out) {
            this.out = out;
        }

        private interface Write {
            void to(DataOutputStream out) throws IOException;
        }

        private void send(Write w) {
            synchronized (out) {
                try {
                    w.to(out);
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public void ready(DemoReady ready) {
            send(o -> DemoWire.writeReady(o, ready));
        }

        @Override
        public void frame(RawPacket packet) {
            send(o -> DemoWire.writeFrame(o, packet));
        }

        @Override
        public void socketEvent(SocketEvent event) {
            send(o -> DemoWire.writeEvent(o, event));
        }

        @Override
        public void awaitingProceed(PendingStep next) {
            send(o -> DemoWire.writeAwaiting(o, next));
        }

        @Override
        public void note(String text) {
            send(o -> DemoWire.writeNote(o, text));
        }

        @Override
        public void finished(DemoOutcome outcome) {
            send(o -> DemoWire.writeOutcome(o, outcome));
        }
    }
}
