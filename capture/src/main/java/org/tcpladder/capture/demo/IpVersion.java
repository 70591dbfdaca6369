package org.tcpladder.capture.demo;

import java.net.InetAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;

/** Which loopback address a demo session uses. */
public enum IpVersion {
    V4("127.0.0.1", StandardProtocolFamily.INET),
    V6("::1", StandardProtocolFamily.INET6);

    private final String loopbackText;
    private final ProtocolFamily family;

    IpVersion(String loopbackText, ProtocolFamily family) {
        this.loopbackText = loopbackText;
        this.family = family;
    }

    public String loopbackText() {
        return loopbackText;
    }

    public ProtocolFamily family() {
        return family;
    }

    public InetAddress loopback() {
        try {
            return InetAddress.getByName(loopbackText);
        } catch (UnknownHostException e) {
            throw new AssertionError("a literal address always resolves", e);
        }
    }
}
