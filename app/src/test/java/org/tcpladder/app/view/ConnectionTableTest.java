package org.tcpladder.app.view;

import javafx.scene.Node;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tcpladder.app.Captures;
import org.tcpladder.app.ScratchPreferences;
import org.tcpladder.app.TestLadders;
import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.app.load.ConnectionEntry;
import org.tcpladder.app.viewmodel.RecentFiles;
import org.tcpladder.capture.conn.EndKind;
import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.tcp.Endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connection table in the real window: sorting, filtering with its count, the keyboard, 200,000 rows. */
@ExtendWith(ApplicationExtension.class)
class ConnectionTableTest {
    private final Preferences prefs = ScratchPreferences.make();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(TestLadders.TEXT, new RecentFiles(prefs, 8));
        window.install(stage);
        window.playback().flightSecondsProperty().set(0);
        stage.show();
    }

    @AfterEach
    void cleanUp() throws BackingStoreException {
        ScratchPreferences.remove(prefs);
    }

    @SuppressWarnings("unchecked")
    private TableView<ConnectionEntry> table(FxRobot robot) {
        return robot.lookup("#" + NodeIds.CONNECTIONS).queryAs(TableView.class);
    }

    private void openTwenty(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(Captures.TWENTY));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.loadingProperty().get()
                && window.connections().all().size() == 20
                && window.connections().all().stream().allMatch(ConnectionEntry::analysed));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void clickingAColumnHeaderSortsByItAndAgainReversesIt(FxRobot robot) throws Exception {
        openTwenty(robot);
        TableView<ConnectionEntry> table = table(robot);
        robot.interact(() -> table.scrollToColumn(table.getColumns().stream()
                .filter(c -> c.getId().equals(NodeIds.CONNECTION_COLUMN_PREFIX + "packets")).findFirst().orElseThrow()));
        Node header = robot.lookup(".column-header").match(n -> n.getId() != null
                && n.getId().equals(NodeIds.CONNECTION_COLUMN_PREFIX + "packets")).query();
        robot.clickOn(header);
        WaitForAsyncUtils.waitForFxEvents();
        List<Integer> packets = table.getItems().stream().map(ConnectionEntry::segmentCount).toList();
        assertEquals(2, packets.get(0), "connection 13: a SYN and its reset");
        for (int i = 1; i < packets.size(); i++) {
            assertTrue(packets.get(i - 1) <= packets.get(i), "ascending: " + packets);
        }
        robot.clickOn(header);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(34, table.getItems().get(0).segmentCount(), "descending: connection 0 first");
        assertEquals(0, table.getItems().get(0).index());
    }

    @Test
    void theFilterMatchesAnyColumnAndSaysHowManyOfHowMany(FxRobot robot) throws Exception {
        openTwenty(robot);
        robot.clickOn("#" + NodeIds.FILTER).write("reset");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(7, 13, 18), table(robot).getItems().stream().map(ConnectionEntry::index).toList());
        assertEquals("3 of 20", ShownText.of(robot, NodeIds.FILTER_COUNT));

        robot.eraseText(5).write("TIME-WAIT");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("17 of 20", ShownText.of(robot, NodeIds.FILTER_COUNT), "one side ends in TIME-WAIT");

        robot.eraseText(9).write("anomal");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(0, 1, 11), table(robot).getItems().stream().map(ConnectionEntry::index).toList());

        robot.eraseText(6).write("zzz");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0 of 20", ShownText.of(robot, NodeIds.FILTER_COUNT));
        assertTrue(ShownText.of(robot, NodeIds.CONNECTIONS_PLACEHOLDER).equals("No connection matches \u201czzz\u201d."),
                "an empty result says the filter matched nothing, not that the file has none");
    }

    @Test
    void theKeyboardChoosesConnectionsInTheTableAndEnterHandsItToTheLadder(FxRobot robot) throws Exception {
        openTwenty(robot);
        TableView<ConnectionEntry> table = table(robot);
        robot.clickOn("#" + NodeIds.FILTER);
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.isFocused(), "Down in the filter box moves into the table");
        int before = table.getSelectionModel().getSelectedIndex();
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 2, table.getSelectionModel().getSelectedIndex());
        assertTrue(table.isFocused(), "the keyboard stays in the table while choosing");
        ConnectionEntry chosen = table.getSelectionModel().getSelectedItem();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.playback().getData() != null
                && window.playback().getData().size() == chosen.segmentCount());
        assertSame(chosen, window.connections().selectedProperty().get());

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.ladder().isFocused(), "Enter hands the keyboard to the ladder");
    }

    @Test
    void twoHundredThousandConnectionsAreShownWithAFewRowsAndFilterAndSortAtOnce(FxRobot robot) throws Exception {
        LadderData tiny = TestLadders.alternating(2);
        int n = 200_000;
        List<ConnectionEntry> many = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            many.add(new ConnectionEntry(new Object(), i, null, new Endpoint(new byte[]{10, (byte) (i >> 16), (byte) (i >> 8), (byte) i}, 1024 + i % 60000),
                    new Endpoint(new byte[]{10, 9, 9, 9}, 443), 2 + i % 50, i % 1000, i % 700, 1_700_000_000_000_000_000L + i * 1000L,
                    1000L * (i % 97), i % 3 == 0 ? EndKind.RST : EndKind.FIN_BOTH, false, i % 11 == 0 ? 1 : 0,
                    TcpState.TIME_WAIT, TcpState.CLOSED, () -> tiny));
        }
        robot.interact(() -> window.connections().setConnections(many, "many.pcap"));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<ConnectionEntry> table = table(robot);
        assertEquals(n, table.getItems().size());
        int rows = robot.from(table).lookup(".table-row-cell").queryAllAs(TableRow.class).size();
        assertTrue(rows < 100, "virtualised: rows for what is on screen only, " + rows);

        robot.interact(() -> table.scrollTo(150_000));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.from(table).lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .anyMatch(r -> r.getItem() != null && ((ConnectionEntry) r.getItem()).index() == 150_000));

        robot.clickOn("#" + NodeIds.FILTER).write("10.0.117.48:");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(30_000), table.getItems().stream().map(ConnectionEntry::index).toList(),
                "10.0.117.48 is connection 30000 (117 * 256 + 48)");
        assertEquals("1 of 200000", ShownText.of(robot, NodeIds.FILTER_COUNT));

        robot.interact(() -> window.connections().filterProperty().set(""));
        TableColumn<ConnectionEntry, ?> duration = table.getColumns().stream()
                .filter(c -> c.getId().equals(NodeIds.CONNECTION_COLUMN_PREFIX + "duration")).findFirst().orElseThrow();
        robot.interact(() -> {
            duration.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(duration);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(96_000L, table.getItems().get(0).durationNs());
    }
}
