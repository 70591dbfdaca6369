package org.tcpladder.capture.decode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.tcpladder.capture.tcp.Endpoint;
import org.tcpladder.capture.tcp.SeqNum;
import org.tcpladder.capture.tcp.TcpFlags;
import org.tcpladder.capture.tcp.TcpOption;
import org.tcpladder.capture.tcp.TcpSegment;

import java.util.ArrayList;
import java.util.List;

/**
 * One frame decoded down to TCP, as a reusable mutable flyweight: {@link PacketDecoder} refills the
 * same instance for every packet so that reading a capture allocates nothing per packet. Every field
 * is a primitive (addresses are kept as two longs each); records such as {@link TcpSegment} are
 * built only when asked for.
 *
 * <p>Which accessors mean something depends on {@link #kind()}: the link fields always; the IP fields
 * once {@link #ipVersion()} is 4 or 6; the TCP fields when the kind is {@link PacketKind#TCP}. The
 * frame's bytes are only valid until the source delivers the next packet.
 *
 * <p>Buffer positions ({@code ...Start}, {@code ...End}) index {@link #buffer()} directly.
 */
public final class DecodedPacket {
    // frame
    long number;
    long timeNs;
    int linkType;
    int interfaceId;
    long frameOffset;
    int capturedLength;
    int originalLength;
    ByteBuffer buffer;
    boolean bigEndian;
    int frameStart;
    int frameEnd;

    // link layer
    int linkHeaderLength;
    int sllPacketType;
    int sllInterfaceIndex;
    boolean nflogPayloadCut;
    final RadiotapFields.FlagsVisitor radiotapFlags = new RadiotapFields.FlagsVisitor();
    /** Bytes at the end of the frame that are not part of the packet (an 802.11 FCS). */
    int trailerLength;
    /** Where the header a link or tunnel decoder has just found starts (scratch between decoders). */
    int nextStart;
    /**
     * Where the bytes the enclosing headers vouch for end: the frame's length on the wire at first,
     * then an outer IP header's length field, or a shorter PPPoE length. tcpdump measures an IP
     * header's claim against this ("truncated-ip - N bytes missing!").
     */
    int lengthEnd;

    // encapsulations, outermost first (see Encapsulation); only the count is reset per packet
    static final int MAX_ENCAPSULATIONS = 8;
    int encapsulationCount;
    final byte[] encapsulationKind = new byte[MAX_ENCAPSULATIONS];
    final int[] encapsulationStart = new int[MAX_ENCAPSULATIONS];
    final int[] encapsulationEnd = new int[MAX_ENCAPSULATIONS];

    // network layer
    int ipVersion;
    int ipStart;
    /** Where the IP packet ends according to its own length field (may lie past {@link #frameEnd}). */
    int ipEnd;
    int l4Start;
    int ipProtocol;
    int fragmentOffset;
    boolean moreFragments;
    long srcHi;
    long srcLo;
    long dstHi;
    long dstLo;

    // transport layer
    int srcPort;
    int dstPort;
    int seq;
    int ack;
    int flags;
    int window;
    int urgent;
    int tcpHeaderLength;

    PacketKind kind;
    Layer problemLayer;
    String problem;
    boolean checkOptions = true;

    void reset() {
        linkHeaderLength = 0;
        trailerLength = 0;
        nflogPayloadCut = false;
        encapsulationCount = 0;
        sllPacketType = -1;
        sllInterfaceIndex = -1;
        ipVersion = 0;
        ipStart = ipEnd = l4Start = 0;
        ipProtocol = -1;
        fragmentOffset = 0;
        moreFragments = false;
        srcHi = srcLo = dstHi = dstLo = 0;
        srcPort = dstPort = seq = ack = flags = window = urgent = tcpHeaderLength = 0;
        kind = PacketKind.NOT_TCP;
        problemLayer = null;
        problem = null;
    }

    // ---------------------------------------------------------------- frame

    /** Packet number in the capture, from 1. */
    public long number() {
        return number;
    }

    public long timeNs() {
        return timeNs;
    }

    public int linkType() {
        return linkType;
    }

    public int interfaceId() {
        return interfaceId;
    }

    /** Offset of the frame's first byte in the source's byte store. */
    public long frameOffset() {
        return frameOffset;
    }

    public int capturedLength() {
        return capturedLength;
    }

    /** The frame's length on the wire (at least {@link #capturedLength()} unless the file lies). */
    public int originalLength() {
        return originalLength;
    }

    public ByteBuffer buffer() {
        return buffer;
    }

    public int frameStart() {
        return frameStart;
    }

    /** End of the captured bytes in {@link #buffer()}. */
    public int frameEnd() {
        return frameEnd;
    }

    /** The byte at buffer position {@code at} (0..255). */
    public int u8(int at) {
        int i = at - frameStart;
        if (i >= 0 && i < headLength) {
            return head[i] & 0xFF;
        }
        return buffer.get(at) & 0xFF;
    }

    /** The big-endian 16-bit value at buffer position {@code at}. */
    public int u16(int at) {
        int i = at - frameStart;
        if (i >= 0 && i + 2 <= headLength) {
            return (head[i] & 0xFF) << 8 | (head[i + 1] & 0xFF);
        }
        short v = buffer.getShort(at);
        return (bigEndian ? v : Short.reverseBytes(v)) & 0xFFFF;
    }

    /** The big-endian 32-bit value at buffer position {@code at}. */
    public int u32(int at) {
        int i = at - frameStart;
        if (i >= 0 && i + 4 <= headLength) {
            return (head[i] & 0xFF) << 24 | (head[i + 1] & 0xFF) << 16 | (head[i + 2] & 0xFF) << 8 | (head[i + 3] & 0xFF);
        }
        int v = buffer.getInt(at);
        return bigEndian ? v : Integer.reverseBytes(v);
    }

    /** The big-endian 64-bit value at buffer position {@code at}. */
    public long u64(int at) {
        return (u32(at) & 0xFFFF_FFFFL) << 32 | (u32(at + 4) & 0xFFFF_FFFFL);
    }

    /**
     * The first bytes of the frame, copied once per packet: headers are then read from a plain array,
     * which is much cheaper than a buffer call per field (most of all before the JIT has compiled
     * the decoder). Bytes beyond it are read from the buffer.
     */
    static final int HEAD = 160;
    private final byte[] head = new byte[HEAD];
    private int headLength;

    void copyHead() {
        headLength = Math.min(capturedLength, HEAD);
        buffer.get(frameStart, head, 0, headLength);
    }

    // ---------------------------------------------------------------- link layer

    public int linkHeaderLength() {
        return linkHeaderLength;
    }

    /**
     * Linux cooked capture packet type (0 to us, 1 broadcast, 2 multicast, 3 to another host, 4 sent
     * by us), or -1 for other link types.
     */
    public int sllPacketType() {
        return sllPacketType;
    }

    /**
     * Whether the NFLOG attribute that holds the packet claims more bytes than were captured, as
     * when a snap length cut it (tcpdump then prints nothing of the packet).
     */
    public boolean nflogPayloadCut() {
        return nflogPayloadCut;
    }

    /** Interface index of a LINUX_SLL2 frame, or -1. */
    public int sllInterfaceIndex() {
        return sllInterfaceIndex;
    }

    /**
     * Records a header around the inner packet; false (and nothing recorded) when the frame already
     * has {@link #MAX_ENCAPSULATIONS}, which bounds the work a crafted frame of nested tunnels makes.
     */
    boolean addEncapsulation(Encapsulation kind, int start, int end) {
        int n = encapsulationCount;
        if (n == MAX_ENCAPSULATIONS) {
            return false;
        }
        encapsulationKind[n] = (byte) kind.ordinal();
        encapsulationStart[n] = start;
        encapsulationEnd[n] = end;
        encapsulationCount = n + 1;
        return true;
    }

    /** How many headers wrap the decoded packet (MPLS, PPPoE, outer IP, GRE, VXLAN...), 0 for most frames. */
    public int encapsulationCount() {
        return encapsulationCount;
    }

    /** The {@code i}th wrapping header, outermost first. */
    public Encapsulation encapsulation(int i) {
        return Encapsulation.of(encapsulationKind[i]);
    }

    /** Buffer position where the {@code i}th wrapping header starts. */
    public int encapsulationStart(int i) {
        return encapsulationStart[i];
    }

    /**
     * Buffer position where the {@code i}th wrapping header's packet ends: for an outer IP header and
     * a GRE header the end its IP length field gives (may lie past {@link #frameEnd()}); for the
     * others the end of the header itself.
     */
    public int encapsulationEnd(int i) {
        return encapsulationEnd[i];
    }

    /** Bytes the frame had on the wire from buffer position {@code at} on, not counting a trailer. */
    public int wireLengthFrom(int at) {
        return originalLength - trailerLength - (at - frameStart);
    }

    // ---------------------------------------------------------------- network layer

    /** 4, 6, or 0 when the frame did not get as far as an IP header. */
    public int ipVersion() {
        return ipVersion;
    }

    public int ipStart() {
        return ipStart;
    }

    /** End of the IP packet according to its length field; may lie past {@link #frameEnd()}. */
    public int ipEnd() {
        return ipEnd;
    }

    /** Start of the transport header (after IPv4 options, IPv6 extension headers, AH). */
    public int l4Start() {
        return l4Start;
    }

    /** The protocol of the transport header at {@link #l4Start()} (6 for TCP), -1 if unknown. */
    public int ipProtocol() {
        return ipProtocol;
    }

    /** Fragment offset in bytes (0 for unfragmented packets and first fragments). */
    public int fragmentOffset() {
        return fragmentOffset;
    }

    public boolean moreFragments() {
        return moreFragments;
    }

    public long srcHi() {
        return srcHi;
    }

    public long srcLo() {
        return srcLo;
    }

    public long dstHi() {
        return dstHi;
    }

    public long dstLo() {
        return dstLo;
    }

    /** Bytes the IP length claims beyond the frame's length on the wire (tcpdump's "truncated-ip"). */
    public int ipBytesMissing() {
        return Math.max(0, ipEnd - lengthEnd);
    }

    /** End of the bytes that are both captured and inside the IP packet. */
    public int usableEnd() {
        return Math.min(frameEnd, ipEnd);
    }

    // ---------------------------------------------------------------- transport layer

    public int srcPort() {
        return srcPort;
    }

    public int dstPort() {
        return dstPort;
    }

    public int seq() {
        return seq;
    }

    public int ack() {
        return ack;
    }

    /** {@link org.tcpladder.capture.tcp.TcpFlags} bits, including AE (0x100). */
    public int flags() {
        return flags;
    }

    public int window() {
        return window;
    }

    public int urgent() {
        return urgent;
    }

    public int tcpHeaderLength() {
        return tcpHeaderLength;
    }

    /** Length of the TCP segment (header and payload) according to the IP header. */
    public int tcpLength() {
        return ipEnd - l4Start;
    }

    /** TCP payload length according to the IP header (tcpdump's "length"). */
    public int payloadLength() {
        return ipEnd - l4Start - tcpHeaderLength;
    }

    /** How much of the payload the capture kept. */
    public int capturedPayloadLength() {
        int n = usableEnd() - (l4Start + tcpHeaderLength);
        return Math.max(0, Math.min(n, payloadLength()));
    }

    public long tcpFileOffset() {
        return frameOffset + (l4Start - frameStart);
    }

    public long payloadFileOffset() {
        return tcpFileOffset() + tcpHeaderLength;
    }

    // ---------------------------------------------------------------- result

    public PacketKind kind() {
        return kind;
    }

    public boolean isTcp() {
        return kind == PacketKind.TCP;
    }

    /** Null, or what is wrong (fatal for {@link PacketKind#MALFORMED}, a note for {@link PacketKind#TCP}). */
    public Malformed problem() {
        return problem == null ? null : new Malformed(problemLayer, problem);
    }

    public boolean hasProblem() {
        return problem != null;
    }

    public Layer problemLayer() {
        return problemLayer;
    }

    public String problemReason() {
        return problem;
    }

    // ---------------------------------------------------------------- records on demand

    public Endpoint source() {
        return new Endpoint(addressBytes(ipVersion, srcHi, srcLo), srcPort);
    }

    public Endpoint destination() {
        return new Endpoint(addressBytes(ipVersion, dstHi, dstLo), dstPort);
    }

    /** The options, decoded strictly (RFC 9293 section 3.2); stops at the first bad one. */
    public List<TcpOption> options() {
        List<TcpOption> out = new ArrayList<>(6);
        TcpOptionReader.read(buffer, bigEndian, l4Start + 20, tcpHeaderLength - 20, out);
        return out;
    }

    /** The segment as an immutable record; only for {@link PacketKind#TCP}. */
    public TcpSegment toSegment() {
        if (kind != PacketKind.TCP) {
            throw new IllegalStateException("not a decoded TCP segment: " + kind);
        }
        return toSegment(source(), destination());
    }

    /**
     * The same with endpoints the caller already holds, equal to {@link #source()} and
     * {@link #destination()} (a connection's client and server): saves building both again for each
     * packet of a capture.
     */
    public TcpSegment toSegment(Endpoint source, Endpoint destination) {
        if (kind != PacketKind.TCP) {
            throw new IllegalStateException("not a decoded TCP segment: " + kind);
        }
        return new TcpSegment(number, timeNs, source, destination, new SeqNum(seq), new SeqNum(ack),
                flags, window, urgent, payloadLength(), capturedPayloadLength(), payloadFileOffset(),
                List.copyOf(options()), problem == null ? null : problem().toString());
    }

    /**
     * The segment as the state inference reads it, for a caller that wants states and anomaly counts
     * only ({@code connections --states}): as {@link #toSegment(Endpoint, Endpoint)}, but the options are
     * decoded only where the inference looks at them, on a SYN (window scale, RFC 7323) and where a SACK
     * option may be (D-SACK, RFC 2883); elsewhere the list is empty. Not for narration or display.
     */
    public TcpSegment toStateSegment(Endpoint source, Endpoint destination) {
        if (kind != PacketKind.TCP) {
            throw new IllegalStateException("not a decoded TCP segment: " + kind);
        }
        boolean optionsRead = (flags & TcpFlags.SYN) != 0
                || TcpOptionReader.mayHoldScaleOrSack(buffer, l4Start + 20, tcpHeaderLength - 20);
        return new TcpSegment(number, timeNs, source, destination, new SeqNum(seq), new SeqNum(ack),
                flags, window, urgent, payloadLength(), capturedPayloadLength(), payloadFileOffset(),
                optionsRead ? List.copyOf(options()) : List.of(), problem == null ? null : problem().toString());
    }

    static byte[] addressBytes(int version, long hi, long lo) {
        if (version == 4) {
            return new byte[] {(byte) (lo >>> 24), (byte) (lo >>> 16), (byte) (lo >>> 8), (byte) lo};
        }
        byte[] a = new byte[16];
        for (int i = 0; i < 8; i++) {
            a[i] = (byte) (hi >>> (56 - 8 * i));
            a[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return a;
    }

    static boolean isBigEndian(ByteBuffer b) {
        return b.order() == ByteOrder.BIG_ENDIAN;
    }
}
