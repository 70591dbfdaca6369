package org.tcpladder.app.viewmodel;

import org.junit.jupiter.api.Test;
import org.tcpladder.app.TestLadders;
import org.tcpladder.app.demo.SyntheticEchoSession;
import org.tcpladder.app.load.ConnectionEntry;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
