package org.tcpladder.capture.demo;

import org.tcpladder.capture.tcp.Side;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.tcpladder.capture.live.CaptureStats;

class DemoWireTest {

    private static DataInputStream in(ByteArrayOutputStream bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    }

    @Test
    void settingsWithACustomScriptSurviveTheTrip() throws IOException {
        Script script = new Script(false, java.util.List.of(Call.connect(), Call.write(Side.CLIENT, new byte[] {1, 2}),
                Together.of(Call.readToEnd(Side.SERVER), Call.abort(Side.CLIENT)), Call.read(Side.CLIENT, 7),
                Call.shutdownOutput(Side.SERVER), Call.accept(), Call.close(Side.SERVER)), 3);
        DemoSettings s = DemoSettings.of(Scenario.HALF_CLOSE, IpVersion.V6).withPayload("x\u00e9y")
                .withMode(DemoSettings.Mode.STEP).withPause(Duration.ofMillis(123))
                .withTimeouts(Duration.ofMillis(456), Duration.ofMillis(789)).withPreferredPort(4242)
                .withSizes(11, 22).withCrossingAttempts(5).withScript(script);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DemoWire.writeSettings(new DataOutputStream(bytes), s);
        DemoSettings back = DemoWire.readSettings(in(bytes));
        assertEquals(s, back);
        assertEquals(script, back.customScript());
    }

    @Test
    void eventsAndOutcomesSurviveTheTrip() throws IOException {
        SocketEvent e = new SocketEvent(Side.SERVER, SocketCall.SHUTDOWN_OUTPUT, "", "ok", 1, 2,
                new KernelView(KernelTcpState.FIN_WAIT_2, KernelView.TCP_INFO), KernelView.UNKNOWN, true);
        DemoOutcome o = new DemoOutcome(DemoOutcome.Status.NOT_ENDED, "m", new CaptureStats(1, 2, 3, 4, 5), 6, false, 7);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        DemoWire.writeEvent(out, e);
        DemoWire.writeOutcome(out, o);
        DataInputStream in = in(bytes);
        assertEquals(DemoWire.EVENT, in.readUnsignedByte());
        assertEquals(e, DemoWire.readEvent(in));
        assertEquals(DemoWire.OUTCOME, in.readUnsignedByte());
        assertEquals(o, DemoWire.readOutcome(in));
    }

    @Test
    void aCutStreamOrAnAbsurdLengthIsAnIoErrorNotAnAllocation() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DemoWire.writeNote(new DataOutputStream(bytes), "a note that will be cut");
        byte[] cut = Arrays.copyOf(bytes.toByteArray(), 10);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(cut));
        in.readUnsignedByte();
        assertThrows(EOFException.class, () -> DemoWire.readString(in));

        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(frame);
        out.writeLong(1);
        out.writeLong(2);
        out.writeInt(1);
        out.writeInt(100);
        out.writeInt(Integer.MAX_VALUE);
        IOException e = assertThrows(IOException.class, () -> DemoWire.readFrame(in(frame)));
        assertEquals("helper protocol: frame of 2147483647 bytes", e.getMessage());
    }
}
