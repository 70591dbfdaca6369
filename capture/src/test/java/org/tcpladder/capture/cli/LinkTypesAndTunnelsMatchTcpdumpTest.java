package org.tcpladder.capture.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpladder.capture.testing.Cli;
import org.tcpladder.capture.testing.Tcpdump;

/**
 * The captures people have: one fixture per link type and encapsulation (made by
 * {@code src/test/resources/linktypes/make-fixtures.py}), each a handshake, a request, a reply and
 * FIN both ways. {@code print} must write tcpdump's text for every packet, outer headers included,
 * with and without -S; {@code connections} must find each connection inside, complete, with its
 * bytes, and end both sides in the states a clean close leaves.
 */
class LinkTypesAndTunnelsMatchTcpdumpTest {
    static final String V4 = "10.1.0.1:40000 > 10.1.0.2:9000";
    static final String V6 = "[2001:db8:1::1]:40000 > [2001:db8:1::2]:9000";

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- link types

    @Test
    void pppWithAndWithoutHdlcFramingPrintsAsTcpdump() throws Exception {
        assertSameAsTcpdump("ppp.pcap", V4, V6);
    }

    @Test
    void pppInHdlcFramingAndCiscoHdlcPrintAsTcpdump() throws Exception {
        assertSameAsTcpdump("ppp-hdlc.pcap", V4, V6);
    }

    @Test
    void pppoeSessionFramesOnEthernetPrintAsTcpdump() throws Exception {
        assertSameAsTcpdump("pppoe.pcap", V4, V6);
    }

    @Test
    void pppoeLinkTypeFiftyOnePrintsAsTcpdump() throws Exception {
        assertSameAsTcpdump("ppp-ether.pcap", V4);
    }

    @Test
    void ieee80211DataAndQosDataFramesPrintAsTcpdump() throws Exception {
        assertSameAsTcpdump("ieee802-11.pcap", V4, V6);
    }

    @Test
    void radiotapFieldsAntennasAndFcsPrintAsTcpdump() throws Exception {
        assertSameAsTcpdump("ieee802-11-radiotap.pcap", V4, V6);
    }

    @Test
    void ppiBefore80211PrintsAsTcpdump() throws Exception {
        assertSameAsTcpdump("ppi.pcap", V4, V6);
    }

    @Test
    void ipOverInfinibandPrintsAsTcpdump() throws Exception {
        assertSameAsTcpdump("ipoib.pcap", V4, V6);
    }

    @Test
    void arcnetPrintsAsTcpdump() throws Exception {
        assertSameAsTcpdump("arcnet.pcap", V4, V6);
    }

    @Test
    void linuxArcnetPrintsAsTcpdump() throws Exception {
        assertSameAsTcpdump("arcnet-linux.pcap", V4, V6);
    }

    @Test
    void nflogPrintsAsTcpdump() throws Exception {
        assertSameAsTcpdump("nflog.pcap", V4, V6);
    }

    // ---------------------------------------------------------------- encapsulations

    @Test
    void mplsLabelStacksUnicastAndMulticastPrintAsTcpdump() throws Exception {
        assertSameAsTcpdump("mpls.pcap", V4, V6);
    }

    @Test
    void greWithAndWithoutKeySequenceAndChecksumOverIpv4AndIpv6BridgingAndMplsPrintsAsTcpdump() throws Exception {
        assertSameAsTcpdump("gre.pcap", V4, "10.1.0.1:40001 > 10.1.0.2:9000", V6, "10.1.0.1:40002 > 10.1.0.2:9000",
                "10.1.0.1:40003 > 10.1.0.2:9000", "10.1.0.1:40004 > 10.1.0.2:9000");
    }

    @Test
    void ipInIpBothVersionsEachWayPrintsAsTcpdump() throws Exception {
        assertSameAsTcpdump("ip-in-ip.pcap", V4, V6, "10.1.0.1:40001 > 10.1.0.2:9000",
                "[2001:db8:1::1]:40001 > [2001:db8:1::2]:9000");
    }

    @Test
    void vxlanPrintsAsTcpdumpIncludingItsLineBreak() throws Exception {
        assertSameAsTcpdump("vxlan.pcap", V4, V6);
    }

    @Test
    void genevePrintsAsTcpdump() throws Exception {
        assertSameAsTcpdump("geneve.pcap", V4, V6);
    }

    @Test
    void ipsecAuthenticationHeaderInTunnelModePrintsAsTcpdump() throws Exception {
        assertSameAsTcpdump("ipsec-ah.pcap", V4, V6);
    }

    @Test
    void ipv6JumbogramsAndBigTcpPrintAsTcpdumpAndCountTheirWholeLength() throws Exception {
        Path file = fixture("ipv6-jumbo.pcap");
        assertPrintsAsTcpdump(file, 16);
        // tcpdump 4.99 prints "[|tcp]" for a BIG TCP packet (payload length 0, no jumbo option);
        // the connection still counts its 70,000 bytes, taken from the frame's length on the wire.
        assertConnections(file, "70000", "69000", V6, "[2001:db8:1::1]:40001 > [2001:db8:1::2]:9000");
    }

    // ---------------------------------------------------------------- checks

    private void assertSameAsTcpdump(String name, String... connections) throws Exception {
        Path file = fixture(name);
        assertPrintsAsTcpdump(file, 8 * connections.length);
        assertConnections(file, "6", "6", connections);
    }

    private static void assertPrintsAsTcpdump(Path file, int packets) throws Exception {
        for (String[] flags : new String[][] {{}, {"-S"}}) {
            List<String> theirs = records(Tcpdump.print(file, flags));
            List<String> args = new ArrayList<>(List.of("print"));
            args.addAll(List.of(flags));
            args.add(file.toString());
            Cli ours = Cli.run(args.toArray(String[]::new));
            assertEquals(0, ours.exitCode(), ours.err());
            assertEquals(packets, theirs.size(), "tcpdump's packets in " + file.getFileName());
            assertEquals(String.join("\n", theirs), String.join("\n", records(ours.lines())),
                    file.getFileName() + " " + List.of(flags));
        }
    }

    private static void assertConnections(Path file, String requestBytes, String replyBytes, String... connections) {
        Cli r = Cli.run("connections", "--states", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.lines();
        assertEquals(connections.length, lines.size(), file.getFileName() + ": " + lines);
        for (int i = 0; i < connections.length; i++) {
            String line = lines.get(i);
            assertTrue(line.startsWith(i + " " + connections[i] + " client>server 5 packets " + requestBytes
                    + " bytes server>client 3 packets " + replyBytes + " bytes "), line);
            assertTrue(line.contains(" end FIN_BOTH final client=TIME-WAIT server=CLOSED anomalies 0"), line);
        }
    }

    /** Lines grouped per packet: tcpdump breaks the line after a VXLAN header. */
    private static List<String> records(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (!line.isEmpty() && Character.isDigit(line.charAt(0)) || out.isEmpty()) {
                out.add(line);
            } else {
                out.set(out.size() - 1, out.get(out.size() - 1) + "\n" + line);
            }
        }
        return out;
    }

    private Path fixture(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/linktypes/" + name)) {
            if (in == null) {
                throw new IOException("no fixture " + name);
            }
            Files.copy(in, file);
        }
        return file;
    }
}
