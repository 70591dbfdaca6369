package org.tcpladder.capture.source;

/**
 * What a pcapng Interface Description Block says about one capture interface (pcapng draft section
 * 4.2): its link type, snaplen (0 = unlimited), name ({@code if_name}, or null), timestamp unit
 * ({@code if_tsresol}) and the offset added to every timestamp ({@code if_tsoffset}, whole seconds,
 * here already in nanoseconds).
 */
record PcapngInterface(int linkType, long snaplen, String name, TimestampResolution resolution,
                       long offsetNanos) {
}
