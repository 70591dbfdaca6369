package org.tcpladder.capture.demo;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Calls the two sides make at the same moment, each on its own thread: a simultaneous close, or a
 * bulk transfer where one side writes while the other reads (neither could finish alone once the
 * socket buffers are full).
 */
public record Together(List<Call> calls) implements Step {
    public Together {
        calls = List.copyOf(calls);
        if (calls.size() < 2) {
            throw new IllegalArgumentException("together needs at least two calls");
        }
    }

    public static Together of(Call... calls) {
        return new Together(List.of(calls));
    }

    @Override
    public String describe() {
        return calls.stream().map(Call::describe).collect(Collectors.joining(" | ")) + " (at the same time)";
    }
}
