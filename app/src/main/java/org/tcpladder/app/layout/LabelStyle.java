package org.tcpladder.app.layout;

/**
 * How an arrow is labelled.
 *
 * <p>{@link #TCPDUMP} writes tcpdump's vocabulary in stacked lines above the arrow ({@code S.  SYN, ACK
 * · len 0}, {@code seq 0  ack 1  win 65483}, option chips), so that the ladder reads beside a tcpdump
 * listing. {@link #TEXTBOOK} writes one line along the arrow, as textbooks draw a handshake
 * ({@code SYN, ACK  seq 0 ack 1}), large enough for a projector; tcpdump's letters, the length, the
 * window and the option chips are each optional there.
 *
 * @param textbook one line along the arrow and the compact rows that projection needs
 * @param letters  textbook only: tcpdump's flag letters before the names ({@code S.  SYN, ACK})
 * @param length   textbook only: {@code len N} for segments that carry data
 * @param window   textbook only: {@code win N}
 * @param options  textbook only: the option chips under the arrow
 */
public record LabelStyle(boolean textbook, boolean letters, boolean length, boolean window, boolean options) {
    public static final LabelStyle TCPDUMP = new LabelStyle(false, true, true, true, true);
    public static final LabelStyle TEXTBOOK = new LabelStyle(true, false, true, false, false);

    public LabelStyle withLetters(boolean on) {
        return new LabelStyle(textbook, on, length, window, options);
    }

    public LabelStyle withLength(boolean on) {
        return new LabelStyle(textbook, letters, on, window, options);
    }

    public LabelStyle withWindow(boolean on) {
        return new LabelStyle(textbook, letters, length, on, options);
    }

    public LabelStyle withOptions(boolean on) {
        return new LabelStyle(textbook, letters, length, window, on);
    }
}
