package org.tcpladder.capture.state;

import org.tcpladder.capture.tcp.Side;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.tcpladder.capture.tcp.TcpSegment;

/** Test glue: a StateInference over a {@link Flow}, fed segment by segment, with short assertions. */
final class Observer {
    final Flow flow;
    final StateInference inference;
    final List<SegmentAnalysis> results = new ArrayList<>();

    Observer(Flow flow) {
        this(flow, false);
    }

    Observer(Flow flow, boolean midStream) {
        this.flow = flow;
        this.inference = new StateInference(flow.client, flow.server, midStream);
    }

    SegmentAnalysis see(TcpSegment s) {
        SegmentAnalysis a = inference.observe(s);
        results.add(a);
        return a;
    }

    /** Asserts both states now. */
    void states(TcpState client, TcpState server) {
        assertEquals(client, inference.clientState(), "client");
        assertEquals(server, inference.serverState(), "server");
    }

    /** The states one side went through, starting with its initial one. */
    List<TcpState> path(Side side, TcpState initial) {
        List<TcpState> out = new ArrayList<>();
        out.add(initial);
        for (StateTransition t : inference.transitions()) {
            if (t.side() == side) {
                assertEquals(out.get(out.size() - 1), t.from(), "transitions chain for " + side);
                out.add(t.to());
            }
        }
        return out;
    }

    List<StateTransition> of(Side side) {
        List<StateTransition> out = new ArrayList<>();
        for (StateTransition t : inference.transitions()) {
            if (t.side() == side) {
                out.add(t);
            }
        }
        return out;
    }
}
