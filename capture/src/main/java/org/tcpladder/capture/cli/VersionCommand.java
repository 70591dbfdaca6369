package org.tcpladder.capture.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code version}: prints the program's version. */
final class VersionCommand implements Command {
    @Override
    public String name() {
        return "version";
    }

    @Override
    public String synopsis() {
        return "version                      print the version";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String v = Main.class.getPackage().getImplementationVersion();
        out.println("tcpladder " + (v == null ? "dev" : v));
        return 0;
    }
}
