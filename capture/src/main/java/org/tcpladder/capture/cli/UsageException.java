package org.tcpladder.capture.cli;

/** A mistake in the command-line arguments: shown to the user as is, with the usage text. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
