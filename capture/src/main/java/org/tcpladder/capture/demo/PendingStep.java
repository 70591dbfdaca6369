package org.tcpladder.capture.demo;

/**
 * The step a session in step mode will do on the next {@link DemoSession#proceed()}, so that a class
 * can predict the segment it will cause before seeing it.
 *
 * @param index       0-based index in the script
 * @param count       steps in the script
 * @param attempt     1 for the first connection; higher when a simultaneous close is retried
 * @param description e.g. {@code client: close()}
 */
public record PendingStep(int index, int count, int attempt, String description) {
}
