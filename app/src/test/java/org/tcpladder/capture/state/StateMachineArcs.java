package org.tcpladder.capture.state;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every arc the inference's state machine can take, read off {@link StateMachine#next} itself for every
 * state, event and kind of open (so not a second copy of the RFC 9293 diagram that could drift). In the
 * capture module's package, from the app's tests, because the machine is package-private.
 */
public final class StateMachineArcs {
    /** One transition: from a state to a different one. */
    public record Arc(TcpState from, TcpState to) {
    }

    private StateMachineArcs() {
    }

    public static List<Arc> all() {
        Set<Arc> arcs = new LinkedHashSet<>();
        for (TcpState state : TcpState.values()) {
            for (StateMachine.Event event : StateMachine.Event.values()) {
                for (boolean passiveOpen : new boolean[]{false, true}) {
                    StateMachine.Step step = StateMachine.next(state, event, passiveOpen);
                    if (step != null && step.to() != state) {
                        arcs.add(new Arc(state, step.to()));
                    }
                }
            }
        }
        return List.copyOf(arcs);
    }
}
