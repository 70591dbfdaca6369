package org.tcpladder.capture.cli;

/**
 * The reader of our output went away (e.g. {@code print FILE | head}): stop quietly instead of
 * reading the rest of a large capture for nobody.
 */
final class OutputClosedException extends RuntimeException {
    OutputClosedException() {
        super("output closed", null, false, false);
    }
}
