package org.tcpladder.capture.live;

import java.nio.file.Path;

/**
 * What a watch has captured, lost and kept where, at one moment: for a status line that neither stops
 * silently nor pretends.
 *
 * @param stats        frames delivered and every drop (the kernel's, the interface's, our own)
 * @param snaplen      bytes kept per frame
 * @param memoryBudget the most memory the frames may take
 * @param inMemory     memory the frames take now
 * @param spilled      bytes of frames written to the spill file
 * @param spillFile    the spill file (null when everything stays in memory)
 * @param fileKept     whether the spill file stays after the watch (it was saved)
 * @param endReason    why the capture ended by itself, or null
 */
public record WatchFigures(CaptureStats stats, int snaplen, long memoryBudget, long inMemory, long spilled,
                           Path spillFile, boolean fileKept, String endReason) {

    /** The figures of {@code capture} now (kernel counters read with pcap_stats while it runs). */
    public static WatchFigures of(LiveCapture capture) {
        FrameStore s = capture.store();
        return new WatchFigures(capture.stats(), capture.snaplen(), s.limit(), s.inMemoryBytes(), s.spilledBytes(),
                s.spillFile(), s.saved(), capture.endReason());
    }

    /** Frames lost anywhere: dropped by the kernel or the interface, or not kept by us. */
    public long lost() {
        return stats.droppedByKernel() + stats.droppedByInterface() + stats.notKept();
    }
}
