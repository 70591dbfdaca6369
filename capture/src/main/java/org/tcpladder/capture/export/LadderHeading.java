package org.tcpladder.capture.export;

import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.tcp.Endpoint;
import org.tcpladder.capture.tcp.Side;

/**
 * What an export says before its first segment.
 *
 * @param client        the client's endpoint (the sender of the first SYN: the left lifeline)
 * @param server        the server's endpoint
 * @param clientName    the client's participant text, e.g. {@code client 127.0.0.1:44137}
 * @param serverName    the server's
 * @param clientSide    the client's side in a word ({@code client}), for column heads
 * @param serverSide    the server's
 * @param title         the connection in words
 * @param scope         which segments, in words
 * @param numbers       which numbers, in words
 * @param assumed       null, or the words saying that the states are assumed (capture began mid-stream)
 * @param first         the number of the first exported segment (from 1); 0 when there are none
 * @param last          the number of the last
 * @param total         the connection's segment count
 * @param clientState   the client's state before the first exported segment
 * @param serverState   the server's
 * @param labelWidth    the longest segment label of the export, in characters (for column layouts)
 * @param options       what the export shows
 */
public record LadderHeading(Endpoint client, Endpoint server, String clientName, String serverName,
                            String clientSide, String serverSide, String title,
                            String scope, String numbers, String assumed, int first, int last, int total,
                            TcpState clientState, TcpState serverState, int labelWidth, ExportOptions options) {

    public TcpState state(Side side) {
        return side == Side.CLIENT ? clientState : serverState;
    }

    public String name(Side side) {
        return side == Side.CLIENT ? clientName : serverName;
    }
}
