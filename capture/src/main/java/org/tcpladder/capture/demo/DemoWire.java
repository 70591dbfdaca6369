package org.tcpladder.capture.demo;

import org.tcpladder.capture.tcp.Side;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.tcpladder.capture.live.CaptureStats;
import org.tcpladder.capture.live.LiveCaptureException;
import org.tcpladder.capture.source.RawPacket;
import org.tcpladder.capture.source.TimePrecision;

/**
 * The framed binary protocol between the program and the helper process that runs a demo session in
 * a user namespace. The program writes the settings, then one-byte commands ({@link #PROCEED},
 * {@link #RUN}, {@link #STOP}) on the helper's standard input; the helper writes records on its standard
 * output, each a type byte and its fields (big-endian, strings as length and UTF-8). Lengths read are
 * bounded before anything is allocated.
 */
final class DemoWire {
    static final int VERSION = 1;

    // Commands, program to helper.
    static final int PROCEED = 'P';
    static final int RUN = 'R';
    static final int STOP = 'S';

    // Records, helper to program.
    static final int READY = 'r';
    static final int FRAME = 'f';
    static final int EVENT = 'e';
    static final int AWAITING = 'a';
    static final int NOTE = 'n';
    static final int OUTCOME = 'o';
    static final int FAILED = 'x';

    static final int MAX_STRING = 1 << 20;
    static final int MAX_FRAME = 1 << 20;
    static final int MAX_DATA = 1 << 30;
    static final int MAX_STEPS = 10_000;

    private DemoWire() {
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in, MAX_STRING), StandardCharsets.UTF_8);
    }

    static byte[] readBytes(DataInputStream in, int max) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > max) {
            throw new IOException("helper protocol: length " + n + " out of range");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    static <E extends Enum<E>> E readEnum(DataInputStream in, Class<E> type) throws IOException {
        String name = readString(in);
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IOException("helper protocol: unknown " + type.getSimpleName() + " '" + name + "'");
        }
    }

    // --- settings (program to helper) ---

    static void writeSettings(DataOutputStream out, DemoSettings s) throws IOException {
        out.writeInt(VERSION);
        writeString(out, s.scenario().name());
        writeString(out, s.ipVersion().name());
        writeString(out, s.payload());
        writeString(out, s.mode().name());
        out.writeLong(s.pause().toMillis());
        out.writeLong(s.callTimeout().toMillis());
        out.writeLong(s.endTimeout().toMillis());
        out.writeInt(s.preferredPort());
        out.writeInt(s.blockBytes());
        out.writeInt(s.bulkBytes());
        out.writeInt(s.crossingAttempts());
        out.writeBoolean(s.customScript() != null);
        if (s.customScript() != null) {
            writeScript(out, s.customScript());
        }
        out.flush();
    }

    static DemoSettings readSettings(DataInputStream in) throws IOException {
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("helper protocol version " + version + ", expected " + VERSION);
        }
        Scenario scenario = readEnum(in, Scenario.class);
        IpVersion ip = readEnum(in, IpVersion.class);
        String payload = readString(in);
        DemoSettings.Mode mode = readEnum(in, DemoSettings.Mode.class);
        Duration pause = Duration.ofMillis(in.readLong());
        Duration call = Duration.ofMillis(in.readLong());
        Duration end = Duration.ofMillis(in.readLong());
        int port = in.readInt();
        int block = in.readInt();
        int bulk = in.readInt();
        int crossing = in.readInt();
        Script script = in.readBoolean() ? readScript(in) : null;
        return DemoSettings.of(scenario, ip).withPayload(payload).withMode(mode).withPause(pause)
                .withTimeouts(call, end).withPreferredPort(port).withSizes(block, bulk)
                .withCrossingAttempts(crossing).withScript(script);
    }

    private static void writeScript(DataOutputStream out, Script script) throws IOException {
        out.writeBoolean(script.serverListens());
        out.writeInt(script.crossingAttempts());
        out.writeInt(script.steps().size());
        for (Step step : script.steps()) {
            List<Call> calls = step instanceof Together t ? t.calls() : List.of((Call) step);
            out.writeInt(calls.size());
            for (Call c : calls) {
                writeString(out, c.side().name());
                writeString(out, c.call().name());
                out.writeInt(c.readLength());
                out.writeBoolean(c.abortive());
                byte[] data = c.dataUnsafe();
                out.writeInt(data == null ? -1 : data.length);
                if (data != null) {
                    out.write(data);
                }
            }
        }
    }

    private static Script readScript(DataInputStream in) throws IOException {
        boolean listens = in.readBoolean();
        int crossing = in.readInt();
        int count = in.readInt();
        if (count < 0 || count > MAX_STEPS) {
            throw new IOException("helper protocol: " + count + " steps");
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = in.readInt();
            if (n < 1 || n > 16) {
                throw new IOException("helper protocol: " + n + " calls in a step");
            }
            List<Call> calls = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                Side side = readEnum(in, Side.class);
                SocketCall call = readEnum(in, SocketCall.class);
                int readLength = in.readInt();
                boolean abortive = in.readBoolean();
                int dataLength = in.readInt();
                byte[] data = null;
                if (dataLength >= 0) {
                    if (dataLength > MAX_DATA) {
                        throw new IOException("helper protocol: " + dataLength + " bytes of data");
                    }
                    data = new byte[dataLength];
                    in.readFully(data);
                }
                calls.add(callOf(side, call, readLength, abortive, data));
            }
            steps.add(calls.size() == 1 ? calls.get(0) : new Together(calls));
        }
        return new Script(listens, steps, crossing);
    }

    private static Call callOf(Side side, SocketCall call, int readLength, boolean abortive, byte[] data)
            throws IOException {
        return switch (call) {
            case CONNECT -> Call.connect();
            case ACCEPT -> Call.accept();
            case WRITE -> Call.write(side, data == null ? new byte[0] : data);
            case READ -> readLength == Call.TO_END ? Call.readToEnd(side) : Call.read(side, Math.max(0, readLength));
            case SHUTDOWN_OUTPUT -> Call.shutdownOutput(side);
            case CLOSE -> abortive ? Call.abort(side) : Call.close(side);
            case LISTEN -> throw new IOException("helper protocol: listen() is not a script step");
        };
    }

    // --- records (helper to program) ---

    static void writeReady(DataOutputStream out, DemoReady r) throws IOException {
        out.writeByte(READY);
        writeString(out, r.scenario().name());
        writeString(out, r.ipVersion().name());
        out.writeInt(r.serverPort());
        writeString(out, r.device());
        writeString(out, r.filter());
        out.writeInt(r.linkType());
        writeString(out, r.precision().name());
        out.writeLong(r.readyNs());
    }

    static DemoReady readReady(DataInputStream in, org.tcpladder.capture.live.CaptureRoute route) throws IOException {
        return new DemoReady(route, readEnum(in, Scenario.class), readEnum(in, IpVersion.class), in.readInt(),
                readString(in), readString(in), in.readInt(), readEnum(in, TimePrecision.class), in.readLong());
    }

    static void writeFrame(DataOutputStream out, RawPacket p) throws IOException {
        out.writeByte(FRAME);
        out.writeLong(p.number);
        out.writeLong(p.timeNs);
        out.writeInt(p.linkType);
        out.writeInt(p.originalLength);
        out.writeInt(p.capturedLength);
        if (p.buffer.hasArray()) {
            out.write(p.buffer.array(), p.buffer.arrayOffset() + p.position, p.capturedLength);
        } else {
            byte[] copy = new byte[p.capturedLength];
            p.buffer.duplicate().position(p.position).get(copy);
            out.write(copy);
        }
    }

    /** A frame as sent: the header fields and the bytes. */
    record Frame(long number, long timeNs, int linkType, int originalLength, byte[] data) {
    }

    static Frame readFrame(DataInputStream in) throws IOException {
        long number = in.readLong();
        long time = in.readLong();
        int linkType = in.readInt();
        int original = in.readInt();
        int captured = in.readInt();
        if (captured < 0 || captured > MAX_FRAME) {
            throw new IOException("helper protocol: frame of " + captured + " bytes");
        }
        byte[] data = new byte[captured];
        in.readFully(data);
        return new Frame(number, time, linkType, original, data);
    }

    static void writeEvent(DataOutputStream out, SocketEvent e) throws IOException {
        out.writeByte(EVENT);
        writeString(out, e.side().name());
        writeString(out, e.call().name());
        writeString(out, e.detail());
        writeString(out, e.result());
        out.writeLong(e.startNs());
        out.writeLong(e.endNs());
        writeView(out, e.client());
        writeView(out, e.server());
        out.writeBoolean(e.ok());
    }

    static SocketEvent readEvent(DataInputStream in) throws IOException {
        return new SocketEvent(readEnum(in, Side.class), readEnum(in, SocketCall.class), readString(in),
                readString(in), in.readLong(), in.readLong(), readView(in), readView(in), in.readBoolean());
    }

    private static void writeView(DataOutputStream out, KernelView v) throws IOException {
        writeString(out, v.state() == null ? "" : v.state().name());
        writeString(out, v.source());
    }

    private static KernelView readView(DataInputStream in) throws IOException {
        String state = readString(in);
        String source = readString(in);
        KernelTcpState s = null;
        if (!state.isEmpty()) {
            try {
                s = KernelTcpState.valueOf(state);
            } catch (IllegalArgumentException e) {
                throw new IOException("helper protocol: unknown state '" + state + "'");
            }
        }
        return new KernelView(s, source);
    }

    static void writeAwaiting(DataOutputStream out, PendingStep p) throws IOException {
        out.writeByte(AWAITING);
        out.writeInt(p.index());
        out.writeInt(p.count());
        out.writeInt(p.attempt());
        writeString(out, p.description());
    }

    static PendingStep readAwaiting(DataInputStream in) throws IOException {
        return new PendingStep(in.readInt(), in.readInt(), in.readInt(), readString(in));
    }

    static void writeNote(DataOutputStream out, String text) throws IOException {
        out.writeByte(NOTE);
        writeString(out, text);
    }

    static void writeOutcome(DataOutputStream out, DemoOutcome o) throws IOException {
        out.writeByte(OUTCOME);
        writeString(out, o.status().name());
        writeString(out, o.message());
        CaptureStats s = o.stats();
        out.writeLong(s.delivered());
        out.writeLong(s.receivedByFilter());
        out.writeLong(s.droppedByKernel());
        out.writeLong(s.droppedByInterface());
        out.writeLong(s.notKept());
        out.writeInt(o.attempts());
        out.writeByte(o.finsCrossed() == null ? -1 : o.finsCrossed() ? 1 : 0);
        out.writeInt(o.clientPort());
    }

    static DemoOutcome readOutcome(DataInputStream in) throws IOException {
        DemoOutcome.Status status = readEnum(in, DemoOutcome.Status.class);
        String message = readString(in);
        CaptureStats stats = new CaptureStats(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong());
        int attempts = in.readInt();
        int crossed = in.readByte();
        int clientPort = in.readInt();
        return new DemoOutcome(status, message, stats, attempts, crossed < 0 ? null : crossed == 1, clientPort);
    }

    static void writeFailure(DataOutputStream out, LiveCaptureException.Problem problem, String message)
            throws IOException {
        out.writeByte(FAILED);
        writeString(out, problem.name());
        writeString(out, message);
    }
}
