package org.tcpladder.capture.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** The arguments of {@code print} and {@code connections}: flags, {@code --stream N}, one file. */
final class CommandLine {
    boolean absolute;
    boolean json;
    boolean states;
    int stream = -1;
    Path file;

    static CommandLine parse(List<String> args, Set<String> allowed) throws UsageException {
        CommandLine c = new CommandLine();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("-") && !a.equals("-") && !allowed.contains(a.startsWith("--stream=") ? "--stream" : a)) {
                throw new UsageException("unknown option " + a);
            }
            switch (a) {
                case "-S" -> c.absolute = true;
                case "--json" -> c.json = true;
                case "--states" -> c.states = true;
                case "--stream" -> {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("--stream needs a connection number");
                    }
                    c.stream = connectionNumber(args.get(++i));
                }
                default -> {
                    if (a.startsWith("--stream=")) {
                        c.stream = connectionNumber(a.substring("--stream=".length()));
                    } else if (c.file != null) {
                        throw new UsageException("only one capture file, got " + c.file + " and " + a);
                    } else {
                        c.file = Path.of(a);
                    }
                }
            }
        }
        if (c.file == null) {
            throw new UsageException("no capture file given");
        }
        return c;
    }

    private static int connectionNumber(String s) throws UsageException {
        try {
            int n = Integer.parseInt(s);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--stream needs a connection number (0, 1, ...), not '" + s + "'");
        }
    }
}
