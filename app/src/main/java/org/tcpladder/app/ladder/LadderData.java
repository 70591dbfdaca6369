package org.tcpladder.app.ladder;

import org.tcpladder.capture.tcp.Endpoint;

import java.util.List;
import java.util.Objects;

/**
 * Everything the ladder view shows about one connection: the view's only input. The integration fills
 * it from the capture core (connections, state inference, narration); until then the demo factory
 * builds a synthetic one.
 *
 * @param client              the client's endpoint (the side that sent the first SYN, or the
 *                            connection tracker's best guess for a mid-stream capture)
 * @param server              the server's endpoint
 * @param clientInitialState  the client's state before the first segment (e.g. CLOSED), or null
 * @param serverInitialState  the server's state before the first segment (e.g. LISTEN), or null
 * @param segments            the connection's segments in capture order, both directions
 * @param socketCalls         socket calls, if known (live sessions), in timeline order
 * @param payloads            reads a segment's payload bytes on demand
 */
public record LadderData(
        Endpoint client,
        Endpoint server,
        String clientInitialState,
        String serverInitialState,
        List<LadderSegment> segments,
        List<SocketCall> socketCalls,
        PayloadReader payloads) {

    public LadderData {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(server, "server");
        segments = List.copyOf(segments);
        socketCalls = socketCalls == null ? List.of() : List.copyOf(socketCalls);
        payloads = payloads == null ? PayloadReader.NONE : payloads;
        for (LadderSegment s : segments) {
            boolean forward = s.tcp().src().equals(client) && s.tcp().dst().equals(server);
            boolean backward = s.tcp().src().equals(server) && s.tcp().dst().equals(client);
            if (!forward && !backward) {
                throw new IllegalArgumentException("segment " + s.tcp().index() + " " + s.tcp().src()
                        + " > " + s.tcp().dst() + " is not between " + client + " and " + server);
            }
        }
        for (SocketCall c : socketCalls) {
            if (c.position() > segments.size()) {
                throw new IllegalArgumentException("socket call " + c + " after the last segment");
            }
        }
    }

    public int size() {
        return segments.size();
    }

    public LadderSegment segment(int i) {
        return segments.get(i);
    }

    /** Who sent segment {@code i}. */
    public Side senderOf(int i) {
        return segments.get(i).tcp().src().equals(client) ? Side.CLIENT : Side.SERVER;
    }

    public Endpoint endpoint(Side side) {
        return side == Side.CLIENT ? client : server;
    }

    public String initialState(Side side) {
        return side == Side.CLIENT ? clientInitialState : serverInitialState;
    }
}
