package org.tcpladder.capture.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds packet bytes for tests: TCP segments, IPv4/IPv6 packets and link-layer frames. */
public final class Frames {
    public static final byte[] V4_A = {10, 0, 0, 1};
    public static final byte[] V4_B = {10, 0, 0, 2};
    public static final byte[] V6_A = ipv6Address("2001:db8::1");
    public static final byte[] V6_B = ipv6Address("2001:db8::2");

    private Frames() {
    }

    public static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    public static byte[] cut(byte[] b, int length) {
        return java.util.Arrays.copyOf(b, length);
    }

    public static byte[] ipv6Address(String text) {
        try {
            return java.net.InetAddress.getByName(text).getAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    // ---------------------------------------------------------------- TCP

    public static Tcp tcp() {
        return new Tcp();
    }

    public static final class Tcp {
        private int sport = 1234;
        private int dport = 80;
        private long seq = 1000;
        private long ack;
        private int flags = 0x02;
        private int window = 65535;
        private int urgent;
        private byte[] options = new byte[0];
        private byte[] payload = new byte[0];
        private int dataOffset = -1;

        public Tcp ports(int s, int d) {
            sport = s;
            dport = d;
            return this;
        }

        public Tcp seq(long v) {
            seq = v;
            return this;
        }

        public Tcp ack(long v) {
            ack = v;
            return this;
        }

        public Tcp flags(int v) {
            flags = v;
            return this;
        }

        public Tcp window(int v) {
            window = v;
            return this;
        }

        public Tcp urgent(int v) {
            urgent = v;
            return this;
        }

        /** Option bytes; padded with zeros (EOL) to a multiple of 4. */
        public Tcp options(int... v) {
            options = bytes(v);
            return this;
        }

        public Tcp options(byte[] v) {
            options = v.clone();
            return this;
        }

        public Tcp payload(byte[] v) {
            payload = v.clone();
            return this;
        }

        public Tcp payload(String s) {
            return payload(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }

        /** Overrides the data offset (in 32-bit words) written in the header. */
        public Tcp dataOffset(int words) {
            dataOffset = words;
            return this;
        }

        public byte[] build() {
            int optLen = (options.length + 3) / 4 * 4;
            ByteBuffer b = ByteBuffer.allocate(20 + optLen + payload.length);
            int words = dataOffset >= 0 ? dataOffset : (20 + optLen) / 4;
            b.putShort((short) sport).putShort((short) dport).putInt((int) seq).putInt((int) ack);
            b.put((byte) (words << 4 | (flags >> 8) & 1)).put((byte) flags);
            b.putShort((short) window).putShort((short) 0).putShort((short) urgent);
            b.put(options);
            b.position(20 + optLen);
            b.put(payload);
            return b.array();
        }
    }

    // ---------------------------------------------------------------- IPv4

    public static Ipv4 ipv4(byte[] payload) {
        return new Ipv4(payload);
    }

    public static final class Ipv4 {
        private byte[] src = V4_A;
        private byte[] dst = V4_B;
        private int protocol = 6;
        private byte[] options = new byte[0];
        private int fragment = 0x4000;
        private int totalLength = -1;
        private int ihl = -1;
        private final byte[] payload;

        Ipv4(byte[] payload) {
            this.payload = payload;
        }

        public Ipv4 addresses(byte[] s, byte[] d) {
            src = s;
            dst = d;
            return this;
        }

        public Ipv4 protocol(int p) {
            protocol = p;
            return this;
        }

        public Ipv4 options(int... v) {
            options = bytes(v);
            return this;
        }

        /** Flags and fragment offset field (DF = 0x4000, MF = 0x2000, offset in 8-byte units). */
        public Ipv4 fragment(int v) {
            fragment = v;
            return this;
        }

        public Ipv4 totalLength(int v) {
            totalLength = v;
            return this;
        }

        /** Header length field in 32-bit words. */
        public Ipv4 ihl(int words) {
            ihl = words;
            return this;
        }

        public byte[] build() {
            int optLen = (options.length + 3) / 4 * 4;
            int words = ihl >= 0 ? ihl : 5 + optLen / 4;
            int total = totalLength >= 0 ? totalLength : 20 + optLen + payload.length;
            ByteBuffer b = ByteBuffer.allocate(20 + optLen + payload.length);
            b.put((byte) (0x40 | words)).put((byte) 0).putShort((short) total).putShort((short) 1)
                    .putShort((short) fragment).put((byte) 64).put((byte) protocol).putShort((short) 0)
                    .put(src).put(dst).put(options);
            b.position(20 + optLen);
            b.put(payload);
            return b.array();
        }
    }

    // ---------------------------------------------------------------- IPv6

    public static Ipv6 ipv6(byte[] payload) {
        return new Ipv6(payload);
    }

    public static final class Ipv6 {
        private byte[] src = V6_A;
        private byte[] dst = V6_B;
        private int next = 6;
        private byte[] extensions = new byte[0];
        private int payloadLength = -1;
        private final byte[] payload;

        Ipv6(byte[] payload) {
            this.payload = payload;
        }

        public Ipv6 addresses(byte[] s, byte[] d) {
            src = s;
            dst = d;
            return this;
        }

        /** Extension headers (raw bytes) and the next-header value of the fixed header. */
        public Ipv6 extensions(int firstNext, byte[] headers) {
            next = firstNext;
            extensions = headers;
            return this;
        }

        public Ipv6 payloadLength(int v) {
            payloadLength = v;
            return this;
        }

        public byte[] build() {
            int plen = payloadLength >= 0 ? payloadLength : extensions.length + payload.length;
            ByteBuffer b = ByteBuffer.allocate(40 + extensions.length + payload.length);
            b.putInt(0x6000_0000).putShort((short) plen).put((byte) next).put((byte) 64).put(src).put(dst)
                    .put(extensions).put(payload);
            return b.array();
        }
    }

    // ---------------------------------------------------------------- link layers

    public static final int ETHERTYPE_IPV4 = 0x0800;
    public static final int ETHERTYPE_IPV6 = 0x86DD;

    /** Ethernet with optional tags given as TPID, TCI pairs. */
    public static byte[] ethernet(int etherType, byte[] payload, int... tags) {
        ByteBuffer b = ByteBuffer.allocate(14 + 2 * tags.length + payload.length);
        b.put(bytes(2, 2, 2, 2, 2, 2, 4, 4, 4, 4, 4, 4));
        for (int t : tags) {
            b.putShort((short) t);
        }
        b.putShort((short) etherType).put(payload);
        return b.array();
    }

    public static byte[] ethernet(byte[] ipPacket) {
        return ethernet((ipPacket[0] & 0xF0) == 0x60 ? ETHERTYPE_IPV6 : ETHERTYPE_IPV4, ipPacket);
    }

    /** BSD loopback header: the family as a 4-byte int in the given order. */
    public static byte[] loopback(int family, ByteOrder order, byte[] payload) {
        return concat(ByteBuffer.allocate(4).order(order).putInt(family).array(), payload);
    }

    /** Linux cooked v1: packet type, ARPHRD_LOOPBACK, address length 6, address, protocol. */
    public static byte[] sll(int packetType, int protocol, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(16 + payload.length);
        b.putShort((short) packetType).putShort((short) 772).putShort((short) 6).put(new byte[8])
                .putShort((short) protocol).put(payload);
        return b.array();
    }

    /** Linux cooked v2: protocol, reserved, interface index, ARPHRD, packet type, address length, address. */
    public static byte[] sll2(int packetType, int interfaceIndex, int protocol, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
        b.putShort((short) protocol).putShort((short) 0).putInt(interfaceIndex).putShort((short) 772)
                .put((byte) packetType).put((byte) 6).put(new byte[8]).put(payload);
        return b.array();
    }
}
