package org.tcpladder.capture.cli;

import java.io.PrintStream;
import java.util.List;

/** One sub-command of the headless command line. */
interface Command {
    /** The word that selects it: {@code print}, {@code connections}, ... */
    String name();

    /** One line for the usage text. */
    String synopsis();

    /**
     * Runs the command.
     *
     * @return the process exit code
     * @throws UsageException for a mistake in the arguments (printed with the usage, exit 2)
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
