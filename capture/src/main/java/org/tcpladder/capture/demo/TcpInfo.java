package org.tcpladder.capture.demo;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.ptr.IntByReference;

/**
 * The kernel's own state of an open TCP socket: {@code getsockopt(fd, IPPROTO_TCP, TCP_INFO)}, whose
 * first byte is {@code tcpi_state} (Linux, linux/tcp.h). Unavailable elsewhere.
 */
final class TcpInfo {
    private static final int IPPROTO_TCP = 6;
    private static final int TCP_INFO = 11;
    /** Large enough for any kernel's struct tcp_info; the kernel copies at most what we offer. */
    private static final int BUFFER = 256;

    interface LibC extends Library {
        int getsockopt(int fd, int level, int optname, byte[] optval, IntByReference optlen);
    }

    private static final LibC LIBC = load();

    private TcpInfo() {
    }

    private static LibC load() {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return null;
        }
        try {
            return Native.load("c", LibC.class);
        } catch (LinkageError | RuntimeException e) {
            return null;
        }
    }

    static boolean available() {
        return LIBC != null;
    }

    /** The state of the socket with descriptor {@code fd}, or null if the kernel will not say. */
    static KernelTcpState state(int fd) {
        if (LIBC == null || fd < 0) {
            return null;
        }
        byte[] info = new byte[BUFFER];
        IntByReference length = new IntByReference(BUFFER);
        if (LIBC.getsockopt(fd, IPPROTO_TCP, TCP_INFO, info, length) != 0 || length.getValue() < 1) {
            return null;
        }
        return KernelTcpState.ofLinuxCode(info[0] & 0xFF);
    }
}
