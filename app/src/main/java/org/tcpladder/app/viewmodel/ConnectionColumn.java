package org.tcpladder.app.viewmodel;

import org.tcpladder.app.Messages;
import org.tcpladder.app.layout.Durations;
import org.tcpladder.app.load.ConnectionEntry;
import org.tcpladder.capture.state.TcpState;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.function.Function;

/**
 * The columns of the connection table: what each shows of a connection, and how it sorts. The filter
 * box searches the same texts the cells show, so whatever a user reads in a row finds that row.
 *
 * <p>The order puts what tells connections apart in a narrow pane first: who, how it ended, in which
 * states, how odd; then the counts and times. Numbers sort as numbers and times as times, not as their text; connections not analysed yet (their
 * anomalies and final states still being counted) sort before every analysed one.
 */
public enum ConnectionColumn {
    INDEX("connections.column.index", Comparator.comparingInt(ConnectionEntry::index)),
    CLIENT("connections.column.client", Comparator.comparing(e -> e.client().toString())),
    SERVER("connections.column.server", Comparator.comparing(e -> e.server().toString())),
    END("connections.column.end", Comparator.comparing((ConnectionEntry e) -> e.end())
            .thenComparing(ConnectionEntry::midStream)),
    CLIENT_STATE("connections.column.clientState", byState(ConnectionEntry::clientFinal)),
    SERVER_STATE("connections.column.serverState", byState(ConnectionEntry::serverFinal)),
    ANOMALIES("connections.column.anomalies", Comparator.comparingInt(ConnectionEntry::anomalies)),
    PACKETS("connections.column.packets", Comparator.comparingInt(ConnectionEntry::segmentCount)),
    CLIENT_BYTES("connections.column.clientBytes", Comparator.comparingLong(ConnectionEntry::clientBytes)),
    SERVER_BYTES("connections.column.serverBytes", Comparator.comparingLong(ConnectionEntry::serverBytes)),
    START("connections.column.start", Comparator.comparingLong(ConnectionEntry::startNs)),
    DURATION("connections.column.duration", Comparator.comparingLong(ConnectionEntry::durationNs));

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final String headerKey;
    private final Comparator<ConnectionEntry> order;

    ConnectionColumn(String headerKey, Comparator<ConnectionEntry> order) {
        this.headerKey = headerKey;
        this.order = order;
    }

    public String header(Messages text) {
        return text.text(headerKey);
    }

    /** How the column sorts its rows, ascending. */
    public Comparator<ConnectionEntry> order() {
        return order;
    }

    /** What the cell shows for {@code e}; empty while the value is not known yet. */
    public String text(ConnectionEntry e, Messages text, ZoneId zone) {
        return switch (this) {
            case INDEX -> e.index() == ConnectionEntry.NO_INDEX ? (e.name() == null ? "" : e.name())
                    : Integer.toString(e.index());
            case CLIENT -> e.client().toString();
            case SERVER -> e.server().toString();
            case PACKETS -> Integer.toString(e.segmentCount());
            case CLIENT_BYTES -> Long.toString(e.clientBytes());
            case SERVER_BYTES -> Long.toString(e.serverBytes());
            case START -> CLOCK.format(Instant.ofEpochSecond(0, e.startNs()).atZone(zone));
            case DURATION -> Durations.format(e.durationNs());
            case END -> ending(e, text);
            case CLIENT_STATE -> state(e.clientFinal());
            case SERVER_STATE -> state(e.serverFinal());
            case ANOMALIES -> !e.analysed() ? "" : Integer.toString(e.anomalies());
        };
    }

    /**
     * Everything a row shows, lower case, for the filter: every column's text, the demo session's name,
     * and the anomaly column's name where a connection has anomalies (so "anomal" finds them).
     */
    public static String searchText(ConnectionEntry e, Messages text, ZoneId zone) {
        StringBuilder b = new StringBuilder();
        if (e.name() != null) {
            b.append(e.name()).append(' ');
        }
        for (ConnectionColumn c : values()) {
            b.append(c.text(e, text, zone)).append(' ');
        }
        if (e.analysed() && e.anomalies() > 0) {
            b.append(ANOMALIES.header(text));
        }
        return b.toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static String ending(ConnectionEntry e, Messages text) {
        String end = text.text(switch (e.end()) {
            case FIN_BOTH -> "connections.endFin";
            case RST -> "connections.endReset";
            case HALF_CLOSED -> "connections.endHalfClosed";
            case OPEN -> "connections.endOpen";
        });
        return e.midStream() ? text.format("connections.midStream", end) : end;
    }

    private static String state(TcpState s) {
        return s == null ? "" : s.displayName();
    }

    private static Comparator<ConnectionEntry> byState(Function<ConnectionEntry, TcpState> state) {
        return Comparator.comparing(state, Comparator.nullsFirst(Comparator.naturalOrder()));
    }
}
