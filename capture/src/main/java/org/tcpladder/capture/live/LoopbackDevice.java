package org.tcpladder.capture.live;

import java.util.List;

import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;

/** The name of the loopback interface, where demo sessions run. */
public final class LoopbackDevice {
    private LoopbackDevice() {
    }

    /** {@code lo} on Linux; elsewhere the interface libpcap marks as loopback ({@code lo0} on macOS). */
    public static String name() {
        String os = System.getProperty("os.name", "").toLowerCase();
        if (os.contains("linux")) {
            return "lo";
        }
        try {
            List<PcapNetworkInterface> all = Pcaps.findAllDevs();
            for (PcapNetworkInterface nif : all) {
                if (nif.isLoopBack()) {
                    return nif.getName();
                }
            }
        } catch (PcapNativeException | RuntimeException | LinkageError e) {
            // Fall through to the common name; opening it will report the real problem.
        }
        return "lo0";
    }
}
