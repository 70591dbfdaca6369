package org.tcpladder.capture.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The link-type and encapsulation fixtures in {@code src/test/resources/linktypes} (classic
 * little-endian pcap files written by its make-fixtures.py), frame by frame.
 */
public final class LinkTypeFixtures {
    public static final List<String> NAMES = List.of("ppp.pcap", "ppp-hdlc.pcap", "pppoe.pcap", "ppp-ether.pcap",
            "ieee802-11.pcap", "ieee802-11-radiotap.pcap", "ppi.pcap", "ipoib.pcap", "arcnet.pcap",
            "arcnet-linux.pcap", "nflog.pcap", "mpls.pcap", "gre.pcap", "ip-in-ip.pcap", "vxlan.pcap",
            "geneve.pcap", "ipsec-ah.pcap", "ipv6-jumbo.pcap");

    /** One frame: the file's link type, the captured bytes and the length on the wire. */
    public record Frame(String file, int linkType, byte[] bytes, int originalLength) {
    }

    private LinkTypeFixtures() {
    }

    public static List<Frame> frames(String name) {
        byte[] file;
        try (InputStream in = LinkTypeFixtures.class.getResourceAsStream("/linktypes/" + name)) {
            if (in == null) {
                throw new IOException("no fixture " + name);
            }
            file = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int linkType = b.getInt(20);
        List<Frame> out = new ArrayList<>();
        for (int at = 24; at + 16 <= file.length; ) {
            int captured = b.getInt(at + 8);
            int original = b.getInt(at + 12);
            byte[] bytes = java.util.Arrays.copyOfRange(file, at + 16, at + 16 + captured);
            out.add(new Frame(name, linkType, bytes, original));
            at += 16 + captured;
        }
        return out;
    }

    public static List<Frame> allFrames() {
        List<Frame> out = new ArrayList<>();
        for (String name : NAMES) {
            out.addAll(frames(name));
        }
        return out;
    }
}
