package org.tcpladder.capture.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tcpladder.capture.state.TcpState;

/** The kernel's states compare with the inferred ones by the RFC's names. */
class KernelTcpStateTest {
    @Test
    void everyKernelStateIsTheInferredStateOfTheSameName() {
        for (KernelTcpState k : KernelTcpState.values()) {
            assertEquals(k.rfcName(), k.tcpState().displayName(), k.name());
        }
        assertEquals(TcpState.SYN_RECEIVED, KernelTcpState.NEW_SYN_RECEIVED.tcpState(),
                "Linux's request socket is a connection in SYN-RECEIVED");
    }
}
