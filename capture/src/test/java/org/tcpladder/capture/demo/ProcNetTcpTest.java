package org.tcpladder.capture.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ProcNetTcpTest {
    private static final String V4 = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0100007F:9B27 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4242 1 0000000000000000 100 0 0 10 0
               1: 0100007F:B1F3 0100007F:9B27 06 00000000:00000000 03:00001770 00000000     0        0 0 3 0000000000000000
               2: 0A000002:B1F3 0100007F:9B27 01 00000000:00000000 00:00000000 00000000     0        0 99 1 0000000000000000 20 4 30 10 -1
            """;
    private static final String V6 = """
              sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 00000000000000000000000001000000:9B27 00000000000000000000000001000000:D431 08 00000000:00000000 00:00000000 00000000     0        0 777 1 0000000000000000 20 4 1 10 -1
            """;

    @Test
    void findsALoopbackSocketByItsPortsWithItsStateAndInode() {
        ProcNetTcp.Row listener = ProcNetTcp.find(V4, IpVersion.V4, 0x9B27, 0);
        assertEquals(new ProcNetTcp.Row(0x9B27, 0, 10, 4242), listener);
        assertEquals(KernelTcpState.LISTEN, KernelTcpState.ofLinuxCode(listener.state()));
        ProcNetTcp.Row timeWait = ProcNetTcp.find(V4, IpVersion.V4, 0xB1F3, 0x9B27);
        assertEquals(KernelTcpState.TIME_WAIT, KernelTcpState.ofLinuxCode(timeWait.state()));
        assertEquals(0, timeWait.inode(), "a time-wait socket has no inode");
        ProcNetTcp.Row closeWait = ProcNetTcp.find(V6, IpVersion.V6, 0x9B27, 0xD431);
        assertEquals(new ProcNetTcp.Row(0x9B27, 0xD431, 8, 777), closeWait);
    }

    @Test
    void socketsOnOtherAddressesOrPortsAreNotTheDemos() {
        assertNull(ProcNetTcp.find(V4, IpVersion.V4, 0xB1F3, 0x1111));
        assertNull(ProcNetTcp.find(V4, IpVersion.V6, 0x9B27, 0));
        assertNull(ProcNetTcp.find("garbage\n1: x y z\n", IpVersion.V4, 1, 2));
    }
}
