#!/usr/bin/python3
"""Writes the link-type and encapsulation fixtures in this directory (run: /usr/bin/python3 make-fixtures.py).

Each file is a classic little-endian microsecond pcap holding one short TCP exchange (handshake, one
request, one reply, FIN both ways) wrapped in the link header or encapsulation the file is named after.
The inner IP and TCP packets come from scapy (Debian's python3-scapy), so their checksums are right;
the outer headers are written here byte by byte, so what each byte means is visible.
"""
import os
import struct

from scapy.all import IP, IPv6, IPv6ExtHdrHopByHop, Jumbo, TCP, UDP, raw

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = 1_700_000_000


def exchange(v6=False, client='10.1.0.1', server='10.1.0.2', sport=40000, dport=9000, isn_c=1000, isn_s=5000,
             request=b'hello\n', reply=b'HELLO\n', big=None):
    """(from_client, ip_packet) for SYN, SYN-ACK, ACK, request, reply, FIN, FIN, ACK.

    big: None, or for IPv6 'jumbo' / 'gso' to give the request and reply payload length 0, with or
    without a hop-by-hop Jumbo Payload option (RFC 2675)."""
    if v6:
        client = client if ':' in client else '2001:db8:1::1'
        server = server if ':' in server else '2001:db8:1::2'
        c2s = IPv6(src=client, dst=server, hlim=64)
        s2c = IPv6(src=server, dst=client, hlim=64)
    else:
        c2s = IP(src=client, dst=server, ttl=64, id=1, flags='DF')
        s2c = IP(src=server, dst=client, ttl=64, id=2, flags='DF')
    opts = [('MSS', 1460), ('SAckOK', b''), ('Timestamp', (1, 0)), ('NOP', None), ('WScale', 7)]
    c, s = isn_c, isn_s
    n, m = len(request), len(reply)

    def data(ip_header, tcp):
        if big is None:
            return ip_header / tcp
        big_header = ip_header.copy()
        big_header.plen = 0
        if big == 'jumbo':
            tcp_len = len(raw(tcp))
            return big_header / IPv6ExtHdrHopByHop(options=[Jumbo(jumboplen=8 + tcp_len)]) / tcp
        return big_header / tcp

    pkts = [
        (True, c2s / TCP(sport=sport, dport=dport, flags='S', seq=c, window=64240, options=opts)),
        (False, s2c / TCP(sport=dport, dport=sport, flags='SA', seq=s, ack=c + 1, window=65160, options=opts)),
        (True, c2s / TCP(sport=sport, dport=dport, flags='A', seq=c + 1, ack=s + 1, window=502)),
        (True, data(c2s, TCP(sport=sport, dport=dport, flags='PA', seq=c + 1, ack=s + 1, window=502) / request)),
        (False, data(s2c, TCP(sport=dport, dport=sport, flags='PA', seq=s + 1, ack=c + 1 + n, window=509) / reply)),
        (True, c2s / TCP(sport=sport, dport=dport, flags='FA', seq=c + 1 + n, ack=s + 1 + m, window=502)),
        (False, s2c / TCP(sport=dport, dport=sport, flags='FA', seq=s + 1 + m, ack=c + 2 + n, window=509)),
        (True, c2s / TCP(sport=sport, dport=dport, flags='A', seq=c + 2 + n, ack=s + 2 + m, window=502)),
    ]
    return [(d, raw(p)) for d, p in pkts]


def write(name, linktype, frames):
    """frames: bytes, or (captured bytes, length on the wire) for frames cut by a snap length."""
    with open(os.path.join(HERE, name), 'wb') as f:
        f.write(struct.pack('<IHHiIII', 0xA1B2C3D4, 2, 4, 0, 0, 262144, linktype))
        for i, frame in enumerate(frames):
            data, wire = frame if isinstance(frame, tuple) else (frame, len(frame))
            f.write(struct.pack('<IIII', BASE + i, 123456, len(data), wire))
            f.write(data)


def wrap(packets, header):
    """Frames for an exchange: header(from_client, ip_bytes) -> frame bytes."""
    return [header(d, p) for d, p in packets]


def be16(v):
    return struct.pack('>H', v)


def version_type(ip, v4, v6):
    return v4 if ip[0] >> 4 == 4 else v6


MAC_C = bytes.fromhex('020000000001')
MAC_S = bytes.fromhex('020000000002')


def ether(d, payload, ethertype):
    return (MAC_S + MAC_C if d else MAC_C + MAC_S) + be16(ethertype) + payload


def ether_ip(d, ip):
    return ether(d, ip, version_type(ip, 0x0800, 0x86DD))


# ---------------------------------------------------------------- link types

def ppp():
    # DLT_PPP: address 0xff and control 0x03 (RFC 1662 framing) then the PPP protocol (RFC 1661);
    # the IPv6 connection leaves them out, as the link type allows.
    v4 = wrap(exchange(), lambda d, ip: b'\xff\x03' + be16(0x0021) + ip)
    v6 = wrap(exchange(v6=True), lambda d, ip: be16(0x0057) + ip)
    write('ppp.pcap', 9, v4 + v6)


def ppp_hdlc():
    # DLT_PPP_SERIAL: the HDLC-like address and control bytes then the PPP protocol; the IPv6
    # connection is Cisco HDLC, which the link type also allows (address 0x0f, control 0, EtherType).
    v4 = wrap(exchange(), lambda d, ip: b'\xff\x03' + be16(0x0021) + ip)
    v6 = wrap(exchange(v6=True), lambda d, ip: b'\x0f\x00' + be16(0x86DD) + ip)
    write('ppp-hdlc.pcap', 50, v4 + v6)


def pppoe_header(session, ppp_payload):
    # RFC 2516: version 1, type 1, code 0 (session data), session id, length of what follows.
    return bytes([0x11, 0x00]) + be16(session) + be16(len(ppp_payload)) + ppp_payload


def pppoe_ppp(ip):
    return version_type(ip, be16(0x0021), be16(0x0057)) + ip


def pppoe():
    v4 = wrap(exchange(), lambda d, ip: ether(d, pppoe_header(0x1234, pppoe_ppp(ip)), 0x8864))
    v6 = wrap(exchange(v6=True), lambda d, ip: ether(d, pppoe_header(0x0042, pppoe_ppp(ip)), 0x8864))
    write('pppoe.pcap', 1, v4 + v6)


def ppp_ether():
    v4 = wrap(exchange(), lambda d, ip: pppoe_header(0x1234, pppoe_ppp(ip)))
    write('ppp-ether.pcap', 51, v4)


BSSID = bytes.fromhex('0a0000000000')


def dot11(d, ip, qos=False):
    # A data frame (type 2) to the AP (ToDS) from the client, from the AP (FromDS) from the server:
    # frame control, duration, three addresses, sequence control, [QoS control], then LLC/SNAP.
    subtype = 0x88 if qos else 0x08
    if d:
        fc = bytes([subtype, 0x01])
        addrs = BSSID + MAC_C + MAC_S
    else:
        fc = bytes([subtype, 0x02])
        addrs = MAC_C + BSSID + MAC_S
    header = fc + be16(0x2c00) + addrs + struct.pack('<H', 0x10)
    if qos:
        header += struct.pack('<H', 0x0005)
    snap = bytes([0xAA, 0xAA, 0x03, 0, 0, 0]) + version_type(ip, be16(0x0800), be16(0x86DD))
    return header + snap + ip


def ieee80211():
    plain = wrap(exchange(), lambda d, ip: dot11(d, ip))
    qos = wrap(exchange(v6=True), lambda d, ip: dot11(d, ip, qos=True))
    write('ieee802-11.pcap', 105, plain + qos)


def radiotap(d, ip, qos):
    # Radiotap (radiotap.org): version 0, pad, length, present words, fields (little-endian, each
    # aligned to its size from the header's start).
    if not qos:
        # flags (bit 1), rate (2), channel (3: 2-aligned, at offset 10), antenna signal (5)
        fields = bytes([0x00, 0x0C]) + struct.pack('<HH', 2437, 0x00A0) + bytes([0xC4 if d else 0xB5])
        return struct.pack('<BBHI', 0, 0, 8 + len(fields), 0x2E) + fields + dot11(d, ip, qos)
    # As a two-antenna card writes it: TSFT (0), flags with FCS at the end (1), rate, 5 GHz channel,
    # signal (5), noise (6), RX flags (14), then bit 29 (another radiotap namespace) and bit 31 (one
    # more present word) for the second antenna's signal (5) and number (11).
    word0 = 1 << 0 | 1 << 1 | 1 << 2 | 1 << 3 | 1 << 5 | 1 << 6 | 1 << 14 | 1 << 29 | 1 << 31
    word1 = 1 << 5 | 1 << 11
    fields = (b'\0' * 4 + struct.pack('<Q', 1_000_000 + (7 if d else 9)) + bytes([0x12, 0x6C])
              + struct.pack('<HH', 5180, 0x0140) + bytes([0xC8 if d else 0xBE, 0xA0]) + struct.pack('<H', 0)
              + bytes([0xC6 if d else 0xBC, 1]))
    header = struct.pack('<BBHII', 0, 0, 12 + len(fields), word0, word1) + fields
    return header + dot11(d, ip, qos) + b'\x01\x02\x03\x04'


def ieee80211_radiotap():
    plain = wrap(exchange(), lambda d, ip: radiotap(d, ip, False))
    qos = wrap(exchange(v6=True), lambda d, ip: radiotap(d, ip, True))
    write('ieee802-11-radiotap.pcap', 127, plain + qos)


def ppi(d, ip, qos):
    # PPI (the CACE spec): version 0, flags 0, header length, DLT of what follows (105), here with
    # one 802.11-common field (type 2, 20 bytes) as Kismet writes it.
    common = struct.pack('<QHHHHBBbb', 0, 0, 0x0006, 2437, 0x00A0, 0, 0, -60 if d else -70, -95)
    field = struct.pack('<HH', 2, len(common)) + common
    return struct.pack('<BBHI', 0, 0, 8 + len(field), 105) + field + dot11(d, ip, qos)


def ieee80211_ppi():
    plain = wrap(exchange(), lambda d, ip: ppi(d, ip, False))
    qos = wrap(exchange(v6=True), lambda d, ip: ppi(d, ip, True))
    write('ppi.pcap', 192, plain + qos)


def ipoib():
    # DLT_IPOIB: 20-byte destination and source hardware addresses, EtherType, 2 reserved bytes.
    def header(d, ip):
        a = bytes(range(1, 21))
        b = bytes(range(21, 41))
        return (b + a if d else a + b) + version_type(ip, be16(0x0800), be16(0x86DD)) + b'\0\0' + ip
    write('ipoib.pcap', 242, wrap(exchange(), header) + wrap(exchange(v6=True), header))


def arcnet():
    # RFC 1201 ARCNET: source, destination, system code (212 IP, 196 IPv6), split flag, sequence id.
    def header(d, ip):
        return bytes([0x01, 0x02] if d else [0x02, 0x01]) + bytes([version_type(ip, 212, 196), 0]) + be16(7) + ip
    write('arcnet.pcap', 7, wrap(exchange(), header) + wrap(exchange(v6=True), header))


def arcnet_linux():
    # Linux ARCNET: source, destination, a 2-byte offset, then system code, split flag, sequence id.
    def header(d, ip):
        return bytes([0x01, 0x02] if d else [0x02, 0x01]) + b'\0\0' + bytes([version_type(ip, 212, 196), 0]) + be16(7) + ip
    write('arcnet-linux.pcap', 129, wrap(exchange(), header) + wrap(exchange(v6=True), header))


def nflog():
    # NFLOG: family, version 0, resource id (group, big-endian), then TLVs whose length and type
    # are in the writer's byte order (little-endian here), each padded to 4 bytes.
    def tlv(t, value):
        body = struct.pack('<HH', 4 + len(value), t) + value
        return body + b'\0' * (-len(body) % 4)

    def header(d, ip):
        family = version_type(ip, 2, 10)
        packet_hdr = tlv(1, be16(version_type(ip, 0x0800, 0x86DD)) + bytes([3, 0]))
        prefix = tlv(10, b'tl-in\0')
        return bytes([family, 0]) + be16(5) + packet_hdr + prefix + tlv(9, ip)
    write('nflog.pcap', 239, wrap(exchange(), header) + wrap(exchange(v6=True), header))


# ---------------------------------------------------------------- encapsulations

def mpls_label(label, tc, bottom, ttl):
    return struct.pack('>I', label << 12 | tc << 9 | bottom << 8 | ttl)


def mpls():
    # RFC 3032 label stack entries; unicast 0x8847 with two labels, multicast 0x8848 with one.
    uni = wrap(exchange(), lambda d, ip: ether(d, mpls_label(16, 0, 0, 64) + mpls_label(1000 if d else 2000, 5, 1, 63) + ip, 0x8847))
    multi = wrap(exchange(v6=True), lambda d, ip: ether(d, mpls_label(300, 1, 1, 255) + ip, 0x8848))
    write('mpls.pcap', 1, uni + multi)


def outer_ip4(d, proto, payload, a='192.0.2.1', b='192.0.2.2'):
    src, dst = (a, b) if d else (b, a)
    return raw(IP(src=src, dst=dst, ttl=255, id=7, proto=proto) / payload)


def outer_ip6(d, nh, payload, a='2001:db8:ff::1', b='2001:db8:ff::2'):
    src, dst = (a, b) if d else (b, a)
    return raw(IPv6(src=src, dst=dst, hlim=255, nh=nh) / payload)


def gre_header(ip, checksum=False, key=None, seq=None):
    # RFC 2784 / 2890: C, K, S bits, version 0, protocol type, then checksum+reserved, key, sequence.
    flags = (0x8000 if checksum else 0) | (0x2000 if key is not None else 0) | (0x1000 if seq is not None else 0)
    h = be16(flags) + version_type(ip, be16(0x0800), be16(0x86DD))
    if checksum:
        h += b'\0\0\0\0'
    if key is not None:
        h += struct.pack('>I', key)
    if seq is not None:
        h += struct.pack('>I', seq)
    if checksum:
        s = sum(struct.unpack('>%dH' % ((len(h + ip) + 1) // 2), (h + ip) + b'\0' * (len(h + ip) % 2)))
        while s >> 16:
            s = (s & 0xFFFF) + (s >> 16)
        h = h[:4] + be16(~s & 0xFFFF) + h[6:]
    return h + ip


def gre():
    plain = wrap(exchange(), lambda d, ip: ether_ip(d, outer_ip4(d, 47, gre_header(ip))))
    keyed = wrap(exchange(sport=40001), lambda d, ip: ether_ip(d, outer_ip4(d, 47, gre_header(ip, key=0x2A, seq=7))))
    summed = wrap(exchange(v6=True), lambda d, ip: ether_ip(d, outer_ip4(d, 47, gre_header(ip, checksum=True))))
    over6 = wrap(exchange(sport=40002), lambda d, ip: ether_ip(d, outer_ip6(d, 47, gre_header(ip, checksum=True, key=9, seq=1))))
    # Ethernet bridged over GRE (protocol 0x6558, as gretap sends it) and MPLS over GRE (0x8847).
    bridged = wrap(exchange(sport=40003), lambda d, ip: ether_ip(d, outer_ip4(d, 47, be16(0) + be16(0x6558) + ether_ip(d, ip))))
    labelled = wrap(exchange(sport=40004), lambda d, ip: ether_ip(d, outer_ip4(d, 47, be16(0) + be16(0x8847) + mpls_label(42, 0, 1, 64) + ip)))
    write('gre.pcap', 1, plain + keyed + summed + over6 + bridged + labelled)


def ip_in_ip():
    four_in_four = wrap(exchange(), lambda d, ip: ether_ip(d, outer_ip4(d, 4, ip)))
    six_in_four = wrap(exchange(v6=True), lambda d, ip: ether_ip(d, outer_ip4(d, 41, ip)))
    four_in_six = wrap(exchange(sport=40001), lambda d, ip: ether_ip(d, outer_ip6(d, 4, ip)))
    six_in_six = wrap(exchange(v6=True, sport=40001), lambda d, ip: ether_ip(d, outer_ip6(d, 41, ip)))
    write('ip-in-ip.pcap', 1, four_in_four + six_in_four + four_in_six + six_in_six)


def udp_tunnel(d, port, header, inner, v6=False):
    sport = 50000 + (1 if d else 2)
    segment = raw(UDP(sport=sport, dport=port) / (header + inner))
    return ether_ip(d, outer_ip6(d, 17, segment) if v6 else outer_ip4(d, 17, segment))


def vxlan():
    # RFC 7348: flags with I set, 24 reserved bits, VNI, 8 reserved bits, then an Ethernet frame.
    header = bytes([0x08, 0, 0, 0]) + struct.pack('>I', 42 << 8)
    v4 = wrap(exchange(), lambda d, ip: udp_tunnel(d, 4789, header, ether_ip(d, ip)))
    v6 = wrap(exchange(v6=True), lambda d, ip: udp_tunnel(d, 4789, header, ether_ip(d, ip), v6=True))
    write('vxlan.pcap', 1, v4 + v6)


def geneve():
    # RFC 8926: version 0 and option length in 4-byte words, O and C bits, protocol type 0x6558
    # (Ethernet), VNI, reserved; the IPv6 connection carries one 8-byte option.
    plain = bytes([0x00, 0x00]) + be16(0x6558) + struct.pack('>I', 0x1234 << 8)
    option = be16(0x0102) + bytes([0x03, 0x01]) + b'\xde\xad\xbe\xef'
    with_option = bytes([0x02, 0x00]) + be16(0x6558) + struct.pack('>I', 7 << 8) + option
    v4 = wrap(exchange(), lambda d, ip: udp_tunnel(d, 6081, plain, ether_ip(d, ip)))
    v6 = wrap(exchange(v6=True), lambda d, ip: udp_tunnel(d, 6081, with_option, ether_ip(d, ip)))
    write('geneve.pcap', 1, v4 + v6)


def ah(next_header, spi, seq, payload):
    # RFC 4302: next header, payload length (32-bit words minus 2), reserved, SPI, sequence, ICV.
    icv = bytes(range(0xA0, 0xAC))
    return bytes([next_header, (12 + len(icv)) // 4 - 2, 0, 0]) + struct.pack('>II', spi, seq) + icv + payload


def ipsec_ah():
    # Tunnel mode: the whole inner packet follows AH.
    v4 = wrap(exchange(), lambda d, ip: ether_ip(d, outer_ip4(d, 51, ah(4, 0x1001, 1, ip))))
    v6 = wrap(exchange(v6=True), lambda d, ip: ether_ip(d, outer_ip6(d, 51, ah(41, 0x2002, 2, ip))))
    write('ipsec-ah.pcap', 1, v4 + v6)


def jumbo():
    # RFC 2675 jumbograms and Linux BIG TCP: the request and reply are 70,000-byte IPv6 packets with
    # payload length 0, captured with a 200-byte snap length. The first connection says the length
    # in a hop-by-hop Jumbo Payload option; the second (BIG TCP GSO) says it nowhere but in the
    # frame's length on the wire.
    frames = []
    for big, sport in (('jumbo', 40000), ('gso', 40001)):
        for d, ip in exchange(v6=True, sport=sport, request=b'x' * 70_000, reply=b'y' * 69_000, big=big):
            frame = ether_ip(d, ip)
            frames.append((frame[:200], len(frame)) if len(frame) > 200 else frame)
    write('ipv6-jumbo.pcap', 1, frames)


if __name__ == '__main__':
    for make in (ppp, ppp_hdlc, pppoe, ppp_ether, ieee80211, ieee80211_radiotap, ieee80211_ppi, ipoib,
                 arcnet, arcnet_linux, nflog, mpls, gre, ip_in_ip, vxlan, geneve, ipsec_ah, jumbo):
        make()
