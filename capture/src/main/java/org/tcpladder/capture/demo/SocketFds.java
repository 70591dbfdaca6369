package org.tcpladder.capture.demo;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.channels.Channel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the file descriptor behind a socket channel, for TCP_INFO. The JDK keeps it private: the first
 * way asks the channel's implementation ({@code sun.nio.ch.SelChImpl.getFDVal()}), which works when the
 * package is exported to us ({@code --add-exports java.base/sun.nio.ch=ALL-UNNAMED}); the second needs no
 * flag: the socket's inode from /proc/net/tcp, matched against the links in /proc/self/fd, which read
 * {@code socket:[inode]}.
 */
final class SocketFds {
    private static final Method GET_FD_VAL = fdMethod();

    private SocketFds() {
    }

    private static Method fdMethod() {
        try {
            Method m = Class.forName("sun.nio.ch.SelChImpl").getMethod("getFDVal");
            return m;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /**
     * The descriptor of {@code channel}, a loopback socket with the given ports, or -1 if it cannot be
     * found.
     */
    static int fdOf(Channel channel, IpVersion v, int localPort, int remotePort) {
        if (GET_FD_VAL != null) {
            try {
                return (Integer) GET_FD_VAL.invoke(channel);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Not exported to us: fall back to /proc.
            }
        }
        ProcNetTcp.Row row = ProcNetTcp.find(v, localPort, remotePort);
        if (row == null || row.inode() == 0) {
            return -1;
        }
        return fdWithInode(row.inode());
    }

    static int fdWithInode(long inode) {
        String wanted = "socket:[" + inode + "]";
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).toString().equals(wanted)) {
                        return Integer.parseInt(fd.getFileName().toString());
                    }
                } catch (IOException | NumberFormatException e) {
                    // A descriptor closed while we looked, or not a link: not ours.
                }
            }
        } catch (IOException | SecurityException e) {
            return -1;
        }
        return -1;
    }
}
