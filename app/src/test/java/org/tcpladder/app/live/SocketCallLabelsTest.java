package org.tcpladder.app.live;

import org.junit.jupiter.api.Test;
import org.tcpladder.capture.demo.KernelView;
import org.tcpladder.capture.tcp.Side;
import org.tcpladder.capture.demo.SocketCall;
import org.tcpladder.capture.demo.SocketEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SocketCallLabelsTest {
    private static SocketEvent event(Side side, SocketCall call, String detail, String result, boolean ok) {
        return new SocketEvent(side, call, detail, result, 0, 1, KernelView.UNKNOWN, KernelView.UNKNOWN, ok);
    }

    @Test
    void callsReadAsTheCWouldWriteThem() {
        assertEquals("listen()", SocketCallLabels.of(event(Side.SERVER, SocketCall.LISTEN, "::1 port 9000", "ok", true)));
        assertEquals("connect()", SocketCallLabels.of(event(Side.CLIENT, SocketCall.CONNECT, "", "connected from port 5", true)));
        assertEquals("accept()", SocketCallLabels.of(event(Side.SERVER, SocketCall.ACCEPT, "", "connection from port 5", true)));
        assertEquals("shutdown(SHUT_WR)", SocketCallLabels.of(event(Side.CLIENT, SocketCall.SHUTDOWN_OUTPUT, "", "ok", true)));
        assertEquals("close()", SocketCallLabels.of(event(Side.CLIENT, SocketCall.CLOSE, "", "ok", true)));
    }

    @Test
    void writesAndReadsShowTheirByteCounts() {
        assertEquals("write(11)", SocketCallLabels.of(event(Side.CLIENT, SocketCall.WRITE,
                "11 bytes \"hello, TCP!\"", "11 bytes written", true)));
        assertEquals("read() = 11", SocketCallLabels.of(event(Side.SERVER, SocketCall.READ,
                "up to 11 bytes", "11 bytes \"hello, TCP!\"", true)));
        assertEquals("read() = 4096", SocketCallLabels.of(event(Side.CLIENT, SocketCall.READ,
                "until end of stream", "4096 bytes hello, TCP! hello…, then end of stream", true)));
    }

    @Test
    void theEndOfTheStreamIsAReadOfZero() {
        assertEquals("read() = 0", SocketCallLabels.of(event(Side.SERVER, SocketCall.READ,
                "until end of stream", "end of stream", true)));
    }

    @Test
    void anAbortiveCloseSaysSo() {
        assertEquals("close() [SO_LINGER 0]", SocketCallLabels.of(event(Side.CLIENT, SocketCall.CLOSE,
                "with SO_LINGER 0 (abortive: RST)", "ok", true)));
    }

    @Test
    void aFailedCallEndsWithItsError() {
        assertEquals("connect() = ECONNREFUSED", SocketCallLabels.of(event(Side.CLIENT, SocketCall.CONNECT, "",
                "connection refused (ECONNREFUSED)", false)));
        assertEquals("read() = ECONNRESET", SocketCallLabels.of(event(Side.SERVER, SocketCall.READ, "",
                "connection reset by peer (ECONNRESET)", false)));
    }
}
