package org.tcpladder.capture.cli;

import java.io.PrintStream;

/**
 * An {@link Appendable} onto a {@link PrintStream} that sends its text on every 64 KiB, so a long
 * export leaves as it is written, and that stops the command quietly when the reader has gone
 * ({@code export ... | head}).
 */
final class TextSink implements Appendable {
    private static final int CHUNK = 1 << 16;

    private final PrintStream out;
    private final StringBuilder pending = new StringBuilder(CHUNK + 256);

    TextSink(PrintStream out) {
        this.out = out;
    }

    @Override
    public Appendable append(CharSequence s) {
        pending.append(s);
        if (pending.length() >= CHUNK) {
            flush();
        }
        return this;
    }

    @Override
    public Appendable append(CharSequence s, int start, int end) {
        return append(s.subSequence(start, end));
    }

    @Override
    public Appendable append(char c) {
        pending.append(c);
        if (pending.length() >= CHUNK) {
            flush();
        }
        return this;
    }

    void flush() {
        out.append(pending);
        pending.setLength(0);
        out.flush();
        if (out.checkError()) {
            throw new OutputClosedException();
        }
    }
}
