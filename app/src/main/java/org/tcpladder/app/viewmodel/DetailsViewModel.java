package org.tcpladder.app.viewmodel;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.tcpladder.app.Messages;
import org.tcpladder.app.ladder.LadderData;
import org.tcpladder.app.ladder.StateTimeline;
import org.tcpladder.capture.tcp.Side;
import org.tcpladder.app.ladder.LadderSegment;
import org.tcpladder.app.layout.NumberMode;

import java.io.IOException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * The details pane's content for the selected segment: field sections, the narration and the payload
 * as hex and ASCII. The selection follows the playhead, and a click on an arrow selects that segment.
 */
public final class DetailsViewModel {
    static final int HEX_BYTES_PER_LINE = 8;
    /** The pane shows the start of large payloads only; the rest stays in the capture. */
    static final int MAX_PAYLOAD_SHOWN = 4096;

    private final Messages text;
    private final SegmentDetails details;
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(this, "selected", -1);
    private final ReadOnlyObjectWrapper<List<DetailSection>> sections =
            new ReadOnlyObjectWrapper<>(this, "sections", List.of());
    private final ReadOnlyStringWrapper narration = new ReadOnlyStringWrapper(this, "narration", "");
    private final ReadOnlyStringWrapper payload = new ReadOnlyStringWrapper(this, "payload", "");
    private LadderData data;
    private NumberMode mode = NumberMode.RELATIVE;
    private StateTimeline clientStates;
    private StateTimeline serverStates;

    public DetailsViewModel(Messages text, ZoneId zone) {
        this.text = text;
        this.details = new SegmentDetails(text, zone);
    }

    public void setData(LadderData ladder) {
        this.data = ladder;
        // Each side's states at its own events, as the playback's badges show them.
        clientStates = ladder == null ? null : StateTimeline.of(ladder, Side.CLIENT);
        serverStates = ladder == null ? null : StateTimeline.of(ladder, Side.SERVER);
        selected.set(-1);
        refresh();
    }

    public void setNumberMode(NumberMode m) {
        this.mode = m;
        refresh();
    }

    /** Selects segment {@code index}; -1 or out of range clears the pane. */
    public void select(int index) {
        selected.set(data == null || index < 0 || index >= data.size() ? -1 : index);
        refresh();
    }

    private void refresh() {
        int i = selected.get();
        if (data == null || i < 0) {
            sections.set(List.of());
            narration.set(text.text(data == null ? "details.noConnection" : "details.noSegment"));
            payload.set("");
            return;
        }
        LadderSegment s = data.segment(i);
        sections.set(details.describe(data, i, mode, clientStates, serverStates));
        String said = data.narrationOf(i, mode);
        narration.set(said == null ? "" : said);
        payload.set(payloadText(s));
    }

    private String payloadText(LadderSegment s) {
        if (s.tcp().payloadLength() == 0) {
            return text.text("details.noPayload");
        }
        if (s.tcp().capturedPayloadLength() == 0) {
            return text.text("details.payloadNotCaptured");
        }
        try {
            byte[] bytes = data.payloads().read(s.tcp());
            if (bytes.length > MAX_PAYLOAD_SHOWN) {
                byte[] head = Arrays.copyOf(bytes, MAX_PAYLOAD_SHOWN);
                return HexDump.format(head, HEX_BYTES_PER_LINE) + "\n"
                        + text.format("details.payloadMore", bytes.length - MAX_PAYLOAD_SHOWN);
            }
            return HexDump.format(bytes, HEX_BYTES_PER_LINE);
        } catch (IOException e) {
            return text.format("details.payloadUnreadable", e.getMessage());
        }
    }

    public ReadOnlyIntegerProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<DetailSection>> sectionsProperty() {
        return sections.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty narrationProperty() {
        return narration.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty payloadProperty() {
        return payload.getReadOnlyProperty();
    }
}
