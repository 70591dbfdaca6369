package org.tcpladder.capture.demo;

import org.tcpladder.capture.tcp.Side;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.tcpladder.capture.tcp.Side.CLIENT;
import static org.tcpladder.capture.tcp.Side.SERVER;

/**
 * The demo sessions: short scripts of socket calls, each showing one part of TCP's life cycle
 * (RFC 9293 sections 3.5 and 3.6). Titles and descriptions come from the resource bundle
 * {@code org.tcpladder.capture.demo.scenarios}.
 */
public enum Scenario {
    /** The usual echo: the client closes first, so the client passes through TIME-WAIT. */
    ECHO_CLIENT_CLOSES_FIRST("echo") {
        @Override
        List<Step> steps(DemoSettings s) {
            byte[] p = s.payloadBytes();
            return List.of(Call.connect(), Call.accept(), Call.write(CLIENT, p), Call.read(SERVER, p.length),
                    Call.write(SERVER, p), Call.read(CLIENT, p.length), Call.close(CLIENT),
                    Call.readToEnd(SERVER), Call.close(SERVER));
        }
    },
    /** The server answers and closes first, so TIME-WAIT is on the server's side. */
    SERVER_CLOSES_FIRST("server-closes") {
        @Override
        List<Step> steps(DemoSettings s) {
            byte[] p = s.payloadBytes();
            return List.of(Call.connect(), Call.accept(), Call.write(CLIENT, p), Call.read(SERVER, p.length),
                    Call.write(SERVER, p), Call.close(SERVER), Call.readToEnd(CLIENT), Call.close(CLIENT));
        }
    },
    /** The server sends a fixed block as soon as it accepts, then closes (like a daytime service). */
    SERVER_SENDS_BLOCK("block") {
        @Override
        List<Step> steps(DemoSettings s) {
            return List.of(Call.connect(), Call.accept(), Call.write(SERVER, s.block()), Call.close(SERVER),
                    Call.readToEnd(CLIENT), Call.close(CLIENT));
        }
    },
    /** The client half-closes after its request; the server keeps sending until it closes too. */
    HALF_CLOSE("half-close") {
        @Override
        List<Step> steps(DemoSettings s) {
            byte[] p = s.payloadBytes();
            return List.of(Call.connect(), Call.accept(), Call.write(CLIENT, p), Call.shutdownOutput(CLIENT),
                    Call.readToEnd(SERVER), Call.write(SERVER, p), Call.write(SERVER, p), Call.write(SERVER, p),
                    Call.close(SERVER), Call.readToEnd(CLIENT), Call.close(CLIENT));
        }
    },
    /** A SYN to a port where nothing listens is answered by RST (RFC 9293 section 3.10.7.1). */
    CONNECTION_REFUSED("refused") {
        @Override
        List<Step> steps(DemoSettings s) {
            return List.of(Call.connect(), Call.close(CLIENT));
        }

        @Override
        boolean serverListens() {
            return false;
        }
    },
    /** The client aborts with SO_LINGER 0: one RST instead of the FIN exchange. */
    ABORTIVE_CLOSE("abort") {
        @Override
        List<Step> steps(DemoSettings s) {
            byte[] p = s.payloadBytes();
            return List.of(Call.connect(), Call.accept(), Call.write(CLIENT, p), Call.read(SERVER, p.length),
                    Call.write(SERVER, p), Call.read(CLIENT, p.length), Call.abort(CLIENT),
                    Call.readToEnd(SERVER), Call.close(SERVER));
        }
    },
    /** Both sides close at the same instant; when the FINs cross, both pass through CLOSING. */
    SIMULTANEOUS_CLOSE("simultaneous-close") {
        @Override
        List<Step> steps(DemoSettings s) {
            byte[] p = s.payloadBytes();
            return List.of(Call.connect(), Call.accept(), Call.write(CLIENT, p), Call.read(SERVER, p.length),
                    Call.write(SERVER, p), Call.read(CLIENT, p.length),
                    Together.of(Call.close(CLIENT), Call.close(SERVER)));
        }

        @Override
        int crossingAttempts(DemoSettings s) {
            return s.crossingAttempts();
        }
    },
    /** The server sends a large block: many full-size segments, window updates, window scaling. */
    BULK_TRANSFER("bulk") {
        @Override
        List<Step> steps(DemoSettings s) {
            byte[] p = s.payloadBytes();
            byte[] bulk = s.bulk();
            return List.of(Call.connect(), Call.accept(), Call.write(CLIENT, p), Call.read(SERVER, p.length),
                    Together.of(Call.write(SERVER, bulk), Call.read(CLIENT, bulk.length)),
                    Call.close(SERVER), Call.readToEnd(CLIENT), Call.close(CLIENT));
        }
    };

    static final String BUNDLE = "org.tcpladder.capture.demo.scenarios";

    private final String id;

    Scenario(String id) {
        this.id = id;
    }

    /** Short stable name for the command line and file names, e.g. {@code half-close}. */
    public String id() {
        return id;
    }

    public static Scenario byId(String id) {
        for (Scenario s : values()) {
            if (s.id.equals(id) || s.name().equalsIgnoreCase(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no demo scenario '" + id + "'");
    }

    public String title() {
        return title(Locale.getDefault());
    }

    public String title(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale).getString(id + ".title");
    }

    /** A paragraph for the learner: what the session does and what to look for in the ladder. */
    public String description() {
        return description(Locale.getDefault());
    }

    public String description(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale).getString(id + ".description");
    }

    /** The script this scenario runs with these settings. */
    public Script script(DemoSettings settings) {
        return new Script(serverListens(), steps(settings), crossingAttempts(settings));
    }

    abstract List<Step> steps(DemoSettings s);

    boolean serverListens() {
        return true;
    }

    int crossingAttempts(DemoSettings s) {
        return 0;
    }

    static byte[] repeatToLength(String text, int length) {
        byte[] unit = text.isEmpty() ? new byte[] {'.'} : text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = unit[i % unit.length];
        }
        return out;
    }
}
