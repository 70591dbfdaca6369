package org.tcpladder.capture.demo;

import java.util.List;

/**
 * What a demo session does, as a list of steps.
 *
 * @param serverListens     false when no server listens (the connection-refused scenario); a
 *                          listening server's {@code listen()} happens when the session starts, before
 *                          the first step, because the capture filter needs its port and listen()
 *                          sends nothing
 * @param steps             the steps, from {@code connect()} on
 * @param crossingAttempts  0 for an ordinary script; for a simultaneous close, how many connections
 *                          to try until the two FINs cross in flight (each repeats all steps)
 */
public record Script(boolean serverListens, List<Step> steps, int crossingAttempts) {
    public Script {
        steps = List.copyOf(steps);
        if (crossingAttempts < 0) {
            throw new IllegalArgumentException("crossingAttempts " + crossingAttempts);
        }
    }

    public static Script of(Step... steps) {
        return new Script(true, List.of(steps), 0);
    }
}
