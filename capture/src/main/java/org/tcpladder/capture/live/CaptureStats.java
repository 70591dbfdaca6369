package org.tcpladder.capture.live;

/**
 * What a live capture saw, as the kernel and libpcap count it (pcap_stats(3PCAP)).
 *
 * @param delivered          frames handed to the listener
 * @param receivedByFilter   packets that passed the filter in the kernel. On Linux's loopback each
 *                           packet passes twice (once leaving, once arriving) and libpcap discards
 *                           the leaving copy, so this is about twice {@code delivered} there
 * @param droppedByKernel    packets lost because the capture buffer was full
 * @param droppedByInterface packets the interface or its driver dropped (0 where not reported)
 * @param notKept            frames refused because the in-memory store reached its limit
 */
public record CaptureStats(long delivered, long receivedByFilter, long droppedByKernel,
                           long droppedByInterface, long notKept) {

    public static final CaptureStats NONE = new CaptureStats(0, 0, 0, 0, 0);

    /** True when nothing was lost anywhere. */
    public boolean complete() {
        return droppedByKernel == 0 && droppedByInterface == 0 && notKept == 0;
    }

    @Override
    public String toString() {
        return delivered + " frames captured; " + receivedByFilter + " received by filter, "
                + droppedByKernel + " dropped by kernel, " + droppedByInterface + " dropped by interface"
                + (notKept > 0 ? ", " + notKept + " not kept (memory limit)" : "");
    }
}
