package org.tcpladder.app.viewmodel;

import org.junit.jupiter.api.Test;
import org.tcpladder.app.TestLadders;
import org.tcpladder.app.demo.SyntheticEchoSession;
import org.tcpladder.app.load.ConnectionEntry;

import org.tcpladder.capture.state.TcpState;

import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

class ConnectionListViewModelTest {
    private final ConnectionListViewModel model = new ConnectionListViewModel();
    private final ConnectionEntry v4 = ConnectionEntry.of(null, TestLadders.echo());
    private final ConnectionEntry v6 = ConnectionEntry.of("demo", SyntheticEchoSession.build(TestLadders.TEXT, true));

    @Test
    void newConnectionsSelectTheFirst() {
        model.setConnections(List.of(v4, v6), "x.pcap");
        assertEquals(v4, model.selectedProperty().get());
        assertEquals("x.pcap", model.summaryProperty().get());
        model.setConnections(List.of(), "empty.pcap");
        assertNull(model.selectedProperty().get());
    }

    @Test
    void filterKeepsConnectionsMatchingEveryWord() {
        model.setConnections(List.of(v4, v6), "");
        model.filterProperty().set("::1");
        assertEquals(List.of(v6), model.visible());
        model.filterProperty().set("9000 127.0.0.1");
        assertEquals(List.of(v4), model.visible());
        model.filterProperty().set("DEMO");
        assertEquals(List.of(v6), model.visible());
        model.filterProperty().set("  ");
        assertEquals(2, model.visible().size());
        model.filterProperty().set("8080");
        assertEquals(0, model.visible().size());
    }

    @Test
    void entriesCountSegmentsAndPayloadBytes() {
        assertEquals(11, v4.segmentCount());
        assertEquals(12, v4.payloadBytes());
    }

    @Test
    void aPreferredConnectionIsSelectedInsteadOfTheFirst() {
        model.setConnections(List.of(v4, v6), "x.pcap", v6);
        assertEquals(v6, model.selectedProperty().get());
    }

    @Test
    void newerVersionsReplaceTheirConnectionAndKeepItSelected() {
        model.setConnections(List.of(v4, v6), "live");
        model.selectedProperty().set(v6);
        ConnectionEntry v6Counted = v6.withAnomalies(3);
        ConnectionEntry added = ConnectionEntry.of("third", TestLadders.alternating(4));
        model.update(List.of(v6Counted, added));
        assertEquals(List.of(v4, v6Counted, added), model.all());
        assertEquals(v6Counted, model.selectedProperty().get());
        model.selectKey(added.key());
        assertEquals(added, model.selectedProperty().get());
    }

    @Test
    void withColumnTextsTheFilterMatchesAnyColumnAndCountsWhatItKeeps() {
        ConnectionListViewModel table = new ConnectionListViewModel(TestLadders.TEXT, ZoneOffset.UTC);
        ConnectionEntry reset = ConnectionEntry.of("reset one", TestLadders.alternating(4))
                .withAnalysis(2, TcpState.CLOSED, TcpState.CLOSED);
        table.setConnections(List.of(v4, v6, reset), "x.pcap");
        assertEquals(3, table.totalProperty().get());
        assertEquals(3, table.shownProperty().get());
        assertFalse(table.filtering());

        table.filterProperty().set("TIME-WAIT");
        assertEquals(List.of(v4, v6), table.visible(), "the client's final state");
        table.filterProperty().set("anomal");
        assertEquals(List.of(reset), table.visible());
        assertEquals(1, table.shownProperty().get());
        assertTrue(table.filtering());
        table.filterProperty().set("fin both ::1");
        assertEquals(List.of(v6), table.visible(), "every word, any column");
        table.filterProperty().set("no such thing");
        assertEquals(0, table.shownProperty().get());
        assertEquals(3, table.totalProperty().get());
    }

    @Test
    void aNewerVersionOfAConnectionIsFoundByItsNewText() {
        ConnectionListViewModel table = new ConnectionListViewModel(TestLadders.TEXT, ZoneOffset.UTC);
        ConnectionEntry counting = v4.withAnalysis(ConnectionEntry.NOT_COUNTED, null, null);
        table.setConnections(List.of(counting), "live");
        table.filterProperty().set("anomal");
        assertEquals(0, table.visible().size());
        table.update(List.of(counting.withAnalysis(1, TcpState.TIME_WAIT, TcpState.CLOSED)));
        assertEquals(1, table.visible().size(), "the filter sees the count that arrived");
    }
}
