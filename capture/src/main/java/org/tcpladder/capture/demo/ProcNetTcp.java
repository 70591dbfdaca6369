package org.tcpladder.capture.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kernel's table of TCP sockets in this network namespace, /proc/net/tcp and /proc/net/tcp6
 * (proc(5)). Unlike TCP_INFO it also lists sockets the program has already closed (FIN-WAIT, CLOSING,
 * TIME-WAIT, LAST-ACK), and it gives each socket's inode, which finds its file descriptor. Lines look
 * like {@code 0: 0100007F:A0D2 0100007F:1F90 01 ... 0 0 123456 ...}: local and remote address:port in
 * hex, the state (Linux numbering), and, as the tenth field, the inode.
 */
final class ProcNetTcp {
    /** One socket; ports are numbers, the state is Linux's code. */
    record Row(int localPort, int remotePort, int state, long inode) {
    }

    private ProcNetTcp() {
    }

    static Path table(IpVersion v) {
        return Path.of(v == IpVersion.V4 ? "/proc/net/tcp" : "/proc/net/tcp6");
    }

    /**
     * The loopback socket with these ports, or null. Only loopback sockets are considered: the demo's
     * sockets all live on 127.0.0.1 or ::1.
     */
    static Row find(IpVersion v, int localPort, int remotePort) {
        String text;
        try {
            text = Files.readString(table(v), StandardCharsets.US_ASCII);
        } catch (IOException | SecurityException e) {
            return null;
        }
        return find(text, v, localPort, remotePort);
    }

    static Row find(String table, IpVersion v, int localPort, int remotePort) {
        String loopback = v == IpVersion.V4 ? "0100007F" : "00000000000000000000000001000000";
        for (String line : table.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 10 || !f[0].endsWith(":")) {
                continue;
            }
            int lc = f[1].indexOf(':');
            int rc = f[2].indexOf(':');
            if (lc < 0 || rc < 0) {
                continue;
            }
            try {
                int lport = Integer.parseInt(f[1].substring(lc + 1), 16);
                int rport = Integer.parseInt(f[2].substring(rc + 1), 16);
                if (lport != localPort || rport != remotePort || !f[1].substring(0, lc).equals(loopback)) {
                    continue;
                }
                return new Row(lport, rport, Integer.parseInt(f[3], 16), Long.parseLong(f[9]));
            } catch (NumberFormatException e) {
                // Not a socket line (the header): skip.
            }
        }
        return null;
    }
}
