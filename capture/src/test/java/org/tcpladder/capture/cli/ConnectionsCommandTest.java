package org.tcpladder.capture.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tcpladder.capture.testing.Conversation.ACK;
import static org.tcpladder.capture.testing.Conversation.FIN;
import static org.tcpladder.capture.testing.Conversation.PSH;
import static org.tcpladder.capture.testing.Conversation.RST;
import static org.tcpladder.capture.testing.Conversation.SYN;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcpladder.capture.decode.LinkTypes;
import org.tcpladder.capture.testing.Cli;
import org.tcpladder.capture.testing.Conversation;
import org.tcpladder.capture.testing.Json;
import org.tcpladder.capture.testing.LoopbackSession;
import org.tcpladder.capture.testing.PcapWriter;

class ConnectionsCommandTest {
    static final List<String> CONNECTION_KEYS = List.of("index", "client", "server", "packets",
            "bytes_client_to_server", "bytes_server_to_client", "start_ns", "duration_ns", "end");

    @TempDir
    Path dir;

    private Path capture() throws Exception {
        List<byte[]> f = Conversation.frames();
        Conversation a = Conversation.of(f, 40000, 80);
        Conversation b = Conversation.of(f, 40001, 80);
        a.handshake(100, 900);
        b.handshake(5000, 7000);
        a.client(PSH | ACK, 101, 901, "hello").server(PSH | ACK, 901, 106, "greetings");
        b.client(RST, 5001, 0);
        a.client(FIN | ACK, 106, 910).server(FIN | ACK, 910, 107).client(ACK, 107, 911);
        Conversation.of(f, 40002, 80).server(ACK, 1, 1);
        return PcapWriter.write(dir.resolve("c.pcap"), LinkTypes.ETHERNET, f);
    }

    @Test
    void oneLinePerConnection() throws Exception {
        Cli r = Cli.run("connections", capture().toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of(
                "0 10.0.0.1:40000 > 10.0.0.2:80 client>server 5 packets 5 bytes server>client 3 packets 9 bytes"
                        + " start 1700000000.123456 duration 11.000000 end FIN_BOTH",
                "1 10.0.0.1:40001 > 10.0.0.2:80 client>server 3 packets 0 bytes server>client 1 packets 0 bytes"
                        + " start 1700000003.123456 duration 5.000000 end RST",
                "2 10.0.0.1:40002 > 10.0.0.2:80 client>server 0 packets 0 bytes server>client 1 packets 0 bytes"
                        + " start 1700000012.123456 duration 0.000000 end OPEN mid-stream"), r.lines());
    }

    @Test
    void statesAddEachSidesFinalStateAndTheAnomalyCount() throws Exception {
        Cli r = Cli.run("connections", "--states", capture().toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of(
                "0 10.0.0.1:40000 > 10.0.0.2:80 client>server 5 packets 5 bytes server>client 3 packets 9 bytes"
                        + " start 1700000000.123456 duration 11.000000 end FIN_BOTH final client=TIME-WAIT server=CLOSED"
                        + " anomalies 0",
                "1 10.0.0.1:40001 > 10.0.0.2:80 client>server 3 packets 0 bytes server>client 1 packets 0 bytes"
                        + " start 1700000003.123456 duration 5.000000 end RST final client=CLOSED server=CLOSED anomalies 0",
                "2 10.0.0.1:40002 > 10.0.0.2:80 client>server 0 packets 0 bytes server>client 1 packets 0 bytes"
                        + " start 1700000012.123456 duration 0.000000 end OPEN final client=ESTABLISHED"
                        + " server=ESTABLISHED anomalies 0 mid-stream"), r.lines());
    }

    @Test
    void jsonHasTheContractKeys() throws Exception {
        Cli r = Cli.run("connections", "--json", capture().toString());
        assertEquals(0, r.exitCode(), r.err());
        List<Map<String, Object>> objects = new ArrayList<>();
        for (String line : r.lines()) {
            objects.add(Json.object(line));
        }
        assertEquals(3, objects.size());
        Map<String, Object> first = objects.get(0);
        assertEquals(CONNECTION_KEYS, new ArrayList<>(first.keySet()).subList(0, CONNECTION_KEYS.size()));
        assertEquals(0L, first.get("index"));
        assertEquals("10.0.0.1:40000", first.get("client"));
        assertEquals("10.0.0.2:80", first.get("server"));
        assertEquals(8L, first.get("packets"));
        assertEquals(5L, first.get("bytes_client_to_server"));
        assertEquals(9L, first.get("bytes_server_to_client"));
        assertEquals(PcapWriter.BASE_TIME_NS, first.get("start_ns"));
        assertEquals(11_000_000_000L, first.get("duration_ns"));
        assertEquals("FIN_BOTH", first.get("end"));
        assertEquals("TIME-WAIT", first.get("client_final_state"), "the client closed first, 1 s before the end");
        assertEquals("CLOSED", first.get("server_final_state"));
        assertEquals(0L, first.get("anomaly_count"));
        assertEquals(Boolean.TRUE, objects.get(2).get("mid_stream"));
        assertEquals("CLOSED", objects.get(1).get("client_final_state"), "reset");
    }

    @Test
    void finalStatesLetTimeWaitRunOutAndAnomaliesAreCounted() throws Exception {
        List<byte[]> f = Conversation.frames();
        Conversation a = Conversation.of(f, 40000, 80);
        a.handshake(100, 900);
        a.client(PSH | ACK, 101, 901, "hello").client(PSH | ACK, 101, 901, "hello").server(ACK, 901, 106);
        a.client(FIN | ACK, 106, 901).server(FIN | ACK, 901, 107).client(ACK, 107, 902);
        for (int i = 0; i < 60; i++) {
            // other traffic, a frame a second, until the client's 2 MSL (60 s on Linux) are over
            Conversation.of(f, 41000 + i, 80).client(SYN, 1, 0);
        }
        Cli r = Cli.run("connections", "--json", PcapWriter.write(dir.resolve("tw.pcap"), LinkTypes.ETHERNET, f).toString());
        Map<String, Object> first = Json.object(r.lines().get(0));
        assertEquals("CLOSED", first.get("client_final_state"), r.out());
        assertEquals("CLOSED", first.get("server_final_state"));
        assertEquals(1L, first.get("anomaly_count"), "the retransmitted hello");
        Map<String, Object> unanswered = Json.object(r.lines().get(60));
        assertEquals("SYN-SENT", unanswered.get("client_final_state"));
        assertEquals("CLOSED", unanswered.get("server_final_state"), "nothing shows that the server listens");
    }

    @Test
    void realIpv6SessionIsOneConnectionWithTheClientFirst() throws Exception {
        Path file = LoopbackSession.captureEcho(dir.resolve("v6.pcap"), InetAddress.getByName("::1"), "lo",
                LoopbackSession.Ending.CLIENT_CLOSES);
        Cli r = Cli.run("connections", "--json", file.toString());
        assertEquals(1, r.lines().size(), r.out());
        Map<String, Object> c = Json.object(r.lines().get(0));
        assertTrue((Long) c.get("bytes_client_to_server") >= 150_000L + 6 + 13 + 4, r.out());
        assertTrue((Long) c.get("bytes_server_to_client") >= 150_000L + 6 + 13 + 4, "an echo: " + r.out());
        assertEquals("FIN_BOTH", c.get("end"));
        assertEquals(Boolean.FALSE, c.get("mid_stream"));
        assertEquals(true, ((String) c.get("client")).startsWith("[::1]:"));
        assertEquals("TIME-WAIT", c.get("client_final_state"), "the client closed first");
        assertEquals("CLOSED", c.get("server_final_state"));
    }
}
