package org.tcpladder.capture.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.tcpladder.capture.analysis.ConnectionAnalysis;
import org.tcpladder.capture.conn.CaptureIndex;
import org.tcpladder.capture.conn.Connection;
import org.tcpladder.capture.export.ExportOptions;
import org.tcpladder.capture.export.ExportWords;
import org.tcpladder.capture.export.LadderExport;
import org.tcpladder.capture.export.SegmentRange;
import org.tcpladder.capture.export.TextFormat;
import org.tcpladder.capture.state.Narration;
import org.tcpladder.capture.state.NumberMode;

/**
 * {@code export --format mermaid|plantuml|text [--stream N] [--segments A-B] [--absolute] [--no-states]
 * [--notes] [-o OUT] FILE}: one connection's ladder as text (see {@link LadderExport}), to a file or to
 * standard output ({@code -o -} or no {@code -o}). The connection is numbered as {@code connections}
 * lists them (0 when none is given); the segments from 1 as the window counts them. The graphical
 * formats (png, svg, pdf, gif) and their {@code --theme} and {@code --scale} are named so that asking
 * for them gets a clear answer: they are not available from the command line yet.
 */
final class ExportCommand implements Command {
    private static final Set<String> GRAPHICAL = Set.of("png", "svg", "pdf", "gif");
    private static final ExportWords WORDS = ExportWords.english();

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String synopsis() {
        return "export --format mermaid|plantuml|text [--stream N] [--segments A-B] [--absolute] [--no-states]"
                + " [--notes] [-o OUT] FILE   one connection's ladder as a Mermaid or PlantUML diagram or as text";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        String format = null;
        String theme = null;
        String scale = null;
        String segments = null;
        String output = null;
        int stream = 0;
        ExportOptions options = ExportOptions.defaults();
        Path file = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--format" -> format = value != null ? value : next(args, ++i, a);
                case "--theme" -> theme = value != null ? value : next(args, ++i, a);
                case "--scale" -> scale = value != null ? value : next(args, ++i, a);
                case "--segments" -> segments = value != null ? value : next(args, ++i, a);
                case "--stream" -> stream = connectionNumber(value != null ? value : next(args, ++i, a));
                case "-o", "--output" -> output = value != null ? value : next(args, ++i, a);
                case "--absolute", "-S" -> options = options.withNumbers(NumberMode.ABSOLUTE);
                case "--no-states" -> options = options.withStates(false);
                case "--notes" -> options = options.withNotes(true);
                default -> {
                    if (a.startsWith("-") && !a.equals("-")) {
                        throw new UsageException(WORDS.format("error.unknownOption", "option", a));
                    }
                    if (file != null) {
                        throw new UsageException(WORDS.format("error.twoFiles", "first", file, "second", a));
                    }
                    file = Path.of(a);
                }
            }
        }
        if (format == null) {
            throw new UsageException(WORDS.format("error.noFormat"));
        }
        if (GRAPHICAL.contains(format)) {
            err.println("tcpladder export: " + WORDS.format("error.graphical", "format", format));
            return 2;
        }
        TextFormat textFormat = TextFormat.named(format);
        if (textFormat == null) {
            throw new UsageException(WORDS.format("error.unknownFormat", "format", format));
        }
        if (theme != null || scale != null) {
            throw new UsageException(WORDS.format("error.graphicalOption", "option", theme != null ? "--theme" : "--scale",
                    "format", format));
        }
        SegmentRange range = null;
        if (segments != null) {
            range = SegmentRange.parse(segments);
            if (range == null) {
                throw new UsageException(WORDS.format("error.badRange", "range", segments));
            }
        }
        if (file == null) {
            throw new UsageException(WORDS.format("error.noFile"));
        }
        try (CaptureIndex index = CaptureIndex.load(file)) {
            if (index.readError() != null) {
                // A part of the connection would be a wrong ladder: say so instead of exporting it.
                throw index.readError();
            }
            List<Connection> connections = index.connections();
            if (connections.isEmpty()) {
                err.println("tcpladder export: " + WORDS.format("error.noConnections"));
                return 1;
            }
            if (stream >= connections.size()) {
                err.println("tcpladder export: " + WORDS.format("error.noConnection", "stream", stream,
                        "count", connections.size(), "last", connections.size() - 1));
                return 1;
            }
            Connection c = connections.get(stream);
            if (range != null && range.last() > c.segmentCount()) {
                err.println("tcpladder export: " + WORDS.format("error.rangeOutside", "first", range.first(),
                        "last", range.last(), "stream", stream, "total", c.segmentCount()));
                return 1;
            }
            ConnectionAnalysis analysis = ConnectionAnalysis.of(c, captureEndNs(index));
            LadderExport export = LadderExport.of(analysis, options.withRange(range), Narration.english(), WORDS);
            if (output == null || output.equals("-")) {
                TextSink sink = new TextSink(out);
                export.writeTo(textFormat.writer(sink, WORDS));
                sink.flush();
            } else {
                try (BufferedWriter w = Files.newBufferedWriter(Path.of(output), StandardCharsets.UTF_8)) {
                    export.writeTo(textFormat.writer(w, WORDS));
                }
            }
        }
        return 0;
    }

    /** The time of the capture's last TCP segment: a TIME-WAIT over by then has ended (2 MSL). */
    private static long captureEndNs(CaptureIndex index) {
        long end = 0;
        for (Connection c : index.connections()) {
            end = Math.max(end, c.endNs());
        }
        return end;
    }

    private static String next(List<String> args, int i, String option) throws UsageException {
        if (i >= args.size()) {
            throw new UsageException(WORDS.format("error.needsValue", "option", option));
        }
        return args.get(i);
    }

    private static int connectionNumber(String s) throws UsageException {
        try {
            int n = Integer.parseInt(s);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // worded below
        }
        throw new UsageException(WORDS.format("error.badStream", "value", s));
    }
}
