package org.tcpladder.app.live;

import org.tcpladder.capture.conn.CaptureIndex;
import org.tcpladder.capture.source.RawPacket;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Frames of a live capture into a growing {@link CaptureIndex}, on the capture's delivery thread. The
 * capture starts delivering before the call that started it has returned the store the index needs,
 * so frames that come that early wait here (a live capture never refills a packet it handed out)
 * until {@link #attach} makes the index.
 */
final class FrameBuffer {
    private final List<RawPacket> early = new ArrayList<>();
    private CaptureIndex index;

    /** From the capture's delivery thread. */
    synchronized void frame(RawPacket p) {
        if (index == null) {
            early.add(p);
        } else {
            index.append(p);
        }
    }

    /** Makes the index once the capture's store is known, and indexes what came before. */
    synchronized CaptureIndex attach(Supplier<CaptureIndex> make) {
        if (index == null) {
            index = make.get();
            for (RawPacket p : early) {
                index.append(p);
            }
            early.clear();
        }
        return index;
    }

    synchronized CaptureIndex index() {
        return index;
    }
}
