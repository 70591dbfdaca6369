package org.tcpladder.capture.cli;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar tcpladder-cli.jar COMMAND ...}: the headless command line. User mistakes and bad
 * files end with a one-line message on stderr and a non-zero exit, never a stack trace.
 */
public final class Main {
    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        register(new VersionCommand());
        register(new PrintCommand());
        register(new ConnectionsCommand());
        register(new DemoCommand());
        register(new WatchCommand());
        register(new ExportCommand());
    }

    private static void register(Command c) {
        COMMANDS.put(c.name(), c);
    }

    private Main() {
    }

    public static void main(String[] args) {
        if (SizedJvm.wanted(args)) {
            int code = SizedJvm.run(args);
            if (code >= 0) {
                System.exit(code);
            }
            // no child could be started: watch here, with the JVM as it is
        }
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        int code = run(List.of(args), out, System.err);
        out.flush();
        System.exit(code);
    }

    /** Runs one command line; the exit code is returned, never thrown (used by tests too). */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            usage(args.isEmpty() ? err : out);
            return args.isEmpty() ? 2 : 0;
        }
        Command c = COMMANDS.get(args.get(0));
        if (c == null) {
            err.println("tcpladder: unknown command '" + args.get(0) + "'");
            usage(err);
            return 2;
        }
        try {
            return c.run(new ArrayList<>(args.subList(1, args.size())), out, err);
        } catch (OutputClosedException e) {
            return 0;
        } catch (UsageException e) {
            err.println("tcpladder " + c.name() + ": " + e.getMessage());
            err.println("usage: tcpladder " + c.synopsis());
            return 2;
        } catch (IOException e) {
            out.flush();
            err.println("tcpladder " + c.name() + ": " + e.getMessage());
            return 1;
        } catch (Exception e) {
            out.flush();
            err.println("tcpladder " + c.name() + ": internal error: " + e);
            return 70;
        }
    }

    private static void usage(PrintStream s) {
        s.println("usage: java -jar tcpladder-cli.jar COMMAND [OPTIONS]");
        s.println("commands:");
        for (Command c : COMMANDS.values()) {
            s.println("  " + c.synopsis());
        }
    }
}
