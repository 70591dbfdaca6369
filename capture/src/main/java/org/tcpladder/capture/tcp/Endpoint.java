package org.tcpladder.capture.tcp;

import java.util.Arrays;

/**
 * One end of a TCP connection: an IPv4 or IPv6 address and a port. Written {@code 127.0.0.1:54018}
 * and {@code [::1]:9000} (the form of the command line's JSON contract).
 */
public final class Endpoint {
    private final byte[] address;
    private final int port;
    private final int hash;

    public Endpoint(byte[] address, int port) {
        if (address.length != 4 && address.length != 16) {
            throw new IllegalArgumentException("address length " + address.length);
        }
        this.address = address.clone();
        this.port = port;
        this.hash = Arrays.hashCode(address) * 31 + port;
    }

    public static Endpoint of(byte[] buf, int off, int len, int port) {
        return new Endpoint(Arrays.copyOfRange(buf, off, off + len), port);
    }

    public byte[] address() {
        return address.clone();
    }

    public boolean isIpv6() {
        return address.length == 16;
    }

    public int port() {
        return port;
    }

    /** The address alone as tcpdump writes it. */
    public String addressText() {
        return IpText.format(address);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Endpoint e && e.port == port && Arrays.equals(e.address, address);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return isIpv6() ? "[" + addressText() + "]:" + port : addressText() + ":" + port;
    }
}
