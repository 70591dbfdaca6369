package org.tcpladder.app.live;

import org.tcpladder.capture.demo.SocketEvent;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short text a socket call gets beside its lifeline, as a C programmer would write it:
 * {@code listen()}, {@code connect()}, {@code write(11)}, {@code read() = 11}, {@code read() = 0} at the
 * end of the stream, {@code close()}; a failed call ends with its error, e.g.
 * {@code connect() = ECONNREFUSED}.
 */
public final class SocketCallLabels {
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+) bytes");
    private static final Pattern ERRNO = Pattern.compile("\\((E[A-Z]+)\\)");

    private SocketCallLabels() {
    }

    public static String of(SocketEvent e) {
        if (!e.ok()) {
            Matcher m = ERRNO.matcher(e.result());
            return e.call().text() + " = " + (m.find() ? m.group(1) : "-1");
        }
        return switch (e.call()) {
            case WRITE -> "write(" + leadingNumber(e.detail(), "…") + ")";
            case READ -> "read() = " + leadingNumber(e.result(), "0");
            case CLOSE -> e.detail().isEmpty() ? "close()" : "close() [SO_LINGER 0]";
            default -> e.call().text();
        };
    }

    private static String leadingNumber(String s, String otherwise) {
        Matcher m = LEADING_NUMBER.matcher(s);
        return m.find() ? m.group(1) : otherwise;
    }
}
