package org.tcpladder.capture.testing;

import static org.tcpladder.capture.testing.Frames.ethernet;
import static org.tcpladder.capture.testing.Frames.ipv4;
import static org.tcpladder.capture.testing.Frames.tcp;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the frames of made-up TCP conversations between two IPv4 endpoints, one frame per call, with
 * timestamps 1 ms apart: {@code c.client(SYN, seq, ack)} and so on.
 */
public final class Conversation {
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;

    private final byte[] clientAddress;
    private final byte[] serverAddress;
    private final int clientPort;
    private final int serverPort;
    private final List<byte[]> frames;

    public Conversation(List<byte[]> frames, byte[] clientAddress, int clientPort, byte[] serverAddress, int serverPort) {
        this.frames = frames;
        this.clientAddress = clientAddress;
        this.clientPort = clientPort;
        this.serverAddress = serverAddress;
        this.serverPort = serverPort;
    }

    public static Conversation of(List<byte[]> frames, int clientPort, int serverPort) {
        return new Conversation(frames, Frames.V4_A, clientPort, Frames.V4_B, serverPort);
    }

    public static List<byte[]> frames() {
        return new ArrayList<>();
    }

    public Conversation client(int flags, long seq, long ack, String payload) {
        frames.add(ethernet(ipv4(tcp().ports(clientPort, serverPort).flags(flags).seq(seq).ack(ack)
                .options(1, 1, 8, 10, 0, 0, 0, 1, 0, 0, 0, 2).payload(payload).build())
                .addresses(clientAddress, serverAddress).build()));
        return this;
    }

    public Conversation server(int flags, long seq, long ack, String payload) {
        frames.add(ethernet(ipv4(tcp().ports(serverPort, clientPort).flags(flags).seq(seq).ack(ack)
                .payload(payload).build()).addresses(serverAddress, clientAddress).build()));
        return this;
    }

    public Conversation client(int flags, long seq, long ack) {
        return client(flags, seq, ack, "");
    }

    public Conversation server(int flags, long seq, long ack) {
        return server(flags, seq, ack, "");
    }

    /** SYN, SYN,ACK, ACK with the given initial sequence numbers. */
    public Conversation handshake(long clientIsn, long serverIsn) {
        return client(SYN, clientIsn, 0).server(SYN | ACK, serverIsn, clientIsn + 1).client(ACK, clientIsn + 1, serverIsn + 1);
    }
}
