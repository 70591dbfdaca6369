package org.tcpladder.capture.demo;

import org.tcpladder.capture.tcp.Side;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.tcpladder.capture.decode.DecodedPacket;
import org.tcpladder.capture.decode.PacketDecoder;
import org.tcpladder.capture.decode.PacketKind;
import org.tcpladder.capture.source.RawPacket;
import org.tcpladder.capture.tcp.TcpFlags;

/** Keeps everything a session reports, for assertions. */
final class RecordingListener implements DemoListener {
    final List<RawPacket> frames = new CopyOnWriteArrayList<>();
    final List<SocketEvent> events = new CopyOnWriteArrayList<>();
    final List<PendingStep> pending = new CopyOnWriteArrayList<>();
    final List<String> notes = new CopyOnWriteArrayList<>();
    volatile DemoReady ready;
    volatile DemoOutcome finished;
    volatile long firstFrameNanoTime;

    @Override
    public void ready(DemoReady r) {
        ready = r;
    }

    @Override
    public void frame(RawPacket p) {
        if (firstFrameNanoTime == 0) {
            firstFrameNanoTime = System.nanoTime();
        }
        frames.add(p);
    }

    @Override
    public void socketEvent(SocketEvent e) {
        events.add(e);
    }

    @Override
    public void awaitingProceed(PendingStep next) {
        pending.add(next);
    }

    @Override
    public void note(String text) {
        notes.add(text);
    }

    @Override
    public void finished(DemoOutcome outcome) {
        finished = outcome;
    }

    /** What the assertions read of a segment's TCP header; seq and ack unsigned. */
    record Seen(int srcPort, int dstPort, long seq, long ack, int flags, int payloadLength) {
    }

    /** The frames' TCP headers, in capture order, read by the program's decoder. */
    List<Seen> segments() {
        List<Seen> out = new ArrayList<>();
        PacketDecoder decoder = new PacketDecoder();
        for (RawPacket p : frames) {
            DecodedPacket g = decoder.decode(p);
            if (g.kind() != PacketKind.TCP) {
                throw new AssertionError("frame " + p.number + " is not a TCP segment: " + g.kind() + " " + g.problem());
            }
            out.add(new Seen(g.srcPort(), g.dstPort(), g.seq() & 0xFFFF_FFFFL, g.ack() & 0xFFFF_FFFFL, g.flags(),
                    g.payloadLength()));
        }
        return out;
    }

    /** tcpdump's flag letters of the segments one side sent, e.g. [S, ., P., F.]. */
    List<String> flagsFrom(Side side) {
        int serverPort = ready.serverPort();
        return segments().stream()
                .filter(g -> side == Side.SERVER ? g.srcPort() == serverPort : g.dstPort() == serverPort)
                .map(g -> TcpFlags.letters(g.flags()))
                .collect(Collectors.toList());
    }

    /**
     * The segments that carry something besides an acknowledgment (SYN, FIN, RST, data), both directions
     * in capture order, as "client S", "server S.", ... Pure ACKs are left out because whether an
     * acknowledgment goes alone or rides on the next segment (delayed ACK) depends on timing.
     */
    List<String> significant() {
        int serverPort = ready.serverPort();
        return segments().stream()
                .filter(g -> g.flags() != TcpFlags.ACK || g.payloadLength() > 0)
                .map(g -> (g.srcPort() == serverPort ? "server " : "client ") + TcpFlags.letters(g.flags()))
                .collect(Collectors.toList());
    }

    /** "client ." or "server ." for the last frame: who acknowledged last. */
    String lastFrame() {
        Seen g = segments().get(segments().size() - 1);
        return (g.srcPort() == ready.serverPort() ? "server " : "client ") + TcpFlags.letters(g.flags());
    }

    List<SocketEvent> eventsOf(Side side, SocketCall call) {
        return events.stream().filter(e -> e.side() == side && e.call() == call).collect(Collectors.toList());
    }

    SocketEvent last() {
        return events.get(events.size() - 1);
    }
}
