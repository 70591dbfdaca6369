package org.tcpladder.app.viewmodel;

import org.junit.jupiter.api.Test;
import org.tcpladder.app.TestLadders;
import org.tcpladder.app.load.ConnectionEntry;
import org.tcpladder.capture.state.TcpState;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionColumnTest {
    private final ConnectionEntry echo = ConnectionEntry.of(null, TestLadders.echo());

    private String cell(ConnectionColumn c, ConnectionEntry e) {
        return c.text(e, TestLadders.TEXT, ZoneOffset.UTC);
    }

    @Test
    void eachColumnShowsItsPartOfTheConnection() {
        assertEquals("127.0.0.1:54018", cell(ConnectionColumn.CLIENT, echo));
        assertEquals("127.0.0.1:9000", cell(ConnectionColumn.SERVER, echo));
        assertEquals("11", cell(ConnectionColumn.PACKETS, echo));
        assertEquals(echo.payloadBytes(), echo.clientBytes() + echo.serverBytes());
        assertEquals(Long.toString(echo.clientBytes()), cell(ConnectionColumn.CLIENT_BYTES, echo));
        assertEquals("closed (FIN both ways)", cell(ConnectionColumn.END, echo));
        assertEquals("TIME-WAIT", cell(ConnectionColumn.CLIENT_STATE, echo));
        assertEquals("CLOSED", cell(ConnectionColumn.SERVER_STATE, echo));
        assertEquals("0", cell(ConnectionColumn.ANOMALIES, echo));
    }

    @Test
    void valuesNotKnownYetAreEmptyAndSortFirst() {
        ConnectionEntry counting = echo.withAnalysis(ConnectionEntry.NOT_COUNTED, null, null);
        assertEquals("", cell(ConnectionColumn.ANOMALIES, counting));
        assertEquals("", cell(ConnectionColumn.CLIENT_STATE, counting));
        assertTrue(ConnectionColumn.CLIENT_STATE.order().compare(counting, echo) < 0);
        assertTrue(ConnectionColumn.ANOMALIES.order().compare(counting, echo) < 0);
    }

    @Test
    void numbersSortAsNumbersNotAsText() {
        ConnectionEntry nine = ConnectionEntry.of("nine", TestLadders.alternating(9));
        ConnectionEntry ten = ConnectionEntry.of("ten", TestLadders.alternating(10));
        ConnectionEntry hundred = ConnectionEntry.of("hundred", TestLadders.alternating(100));
        List<ConnectionEntry> rows = new ArrayList<>(List.of(hundred, ten, nine));
        rows.sort(ConnectionColumn.PACKETS.order());
        assertEquals(List.of(nine, ten, hundred), rows);
    }

    @Test
    void statesSortInTheOrderOfTheStateDiagram() {
        ConnectionEntry established = echo.withAnalysis(0, TcpState.ESTABLISHED, TcpState.ESTABLISHED);
        ConnectionEntry timeWait = echo.withAnalysis(0, TcpState.TIME_WAIT, TcpState.CLOSED);
        List<ConnectionEntry> rows = new ArrayList<>(List.of(timeWait, established));
        rows.sort(ConnectionColumn.CLIENT_STATE.order());
        assertEquals(List.of(established, timeWait), rows);
    }

    @Test
    void theSearchTextHoldsWhatEveryColumnShowsAndNamesAnomaliesOnlyWhereThereAreSome() {
        String clean = ConnectionColumn.searchText(echo, TestLadders.TEXT, ZoneOffset.UTC);
        assertTrue(clean.contains("time-wait"), clean);
        assertTrue(clean.contains("closed (fin both ways)"), clean);
        assertTrue(clean.contains("127.0.0.1:9000"), clean);
        assertFalse(clean.contains("anomal"), clean);
        String odd = ConnectionColumn.searchText(echo.withAnomalies(3), TestLadders.TEXT, ZoneOffset.UTC);
        assertTrue(odd.contains("anomalies"), odd);
    }
}
