package org.tcpladder.capture.conn;

import java.util.Arrays;
import org.tcpladder.capture.decode.DecodedPacket;

/**
 * An open-addressing hash table from a TCP 4-tuple (either direction) to a small int id, looked up
 * straight from a {@link DecodedPacket} without allocating a key object.
 *
 * <p>Both directions of a conversation share one key. The key is oriented the way tcpdump orients
 * its conversation table: the side with the lower port first, and for equal ports the side with the
 * lower address first; {@link #reversed(DecodedPacket)} says whether a packet goes the other way.
 */
public final class FlowTable {
    private int[] slots = new int[1024];
    private int mask = slots.length - 1;
    private int size;
    /** Per id: version (4/6), then A's address (hi, lo), B's address (hi, lo), then A's and B's port. */
    private byte[] versions = new byte[256];
    private long[] addresses = new long[256 * 4];
    private int[] ports = new int[256];

    /**
     * True when the packet goes from the higher to the lower side of the key (tcpdump's "rev": the
     * source port is higher, or the ports are equal and the source address compares higher).
     */
    public static boolean reversed(DecodedPacket p) {
        if (p.srcPort() != p.dstPort()) {
            return p.srcPort() > p.dstPort();
        }
        int c = Long.compareUnsigned(p.srcHi(), p.dstHi());
        if (c == 0) {
            c = Long.compareUnsigned(p.srcLo(), p.dstLo());
        }
        return c > 0;
    }

    /** The id of the packet's conversation, or -1. */
    public int find(DecodedPacket p) {
        return find(p, reversed(p));
    }

    /** {@link #find(DecodedPacket)} with {@link #reversed(DecodedPacket)} already computed. */
    public int find(DecodedPacket p, boolean rev) {
        int h = hash(p, rev) & mask;
        while (true) {
            int slot = slots[h];
            if (slot == 0) {
                return -1;
            }
            if (matches(slot - 1, p, rev)) {
                return slot - 1;
            }
            h = (h + 1) & mask;
        }
    }

    /** Adds the packet's conversation, which must not be present, and returns its new id. */
    public int add(DecodedPacket p) {
        return add(p, reversed(p));
    }

    /** {@link #add(DecodedPacket)} with {@link #reversed(DecodedPacket)} already computed. */
    public int add(DecodedPacket p, boolean rev) {
        int id = size;
        if (id == ports.length) {
            int n = ports.length * 2;
            versions = Arrays.copyOf(versions, n);
            addresses = Arrays.copyOf(addresses, n * 4);
            ports = Arrays.copyOf(ports, n);
        }
        versions[id] = (byte) p.ipVersion();
        int a = id * 4;
        if (rev) {
            addresses[a] = p.dstHi();
            addresses[a + 1] = p.dstLo();
            addresses[a + 2] = p.srcHi();
            addresses[a + 3] = p.srcLo();
            ports[id] = p.dstPort() << 16 | p.srcPort();
        } else {
            addresses[a] = p.srcHi();
            addresses[a + 1] = p.srcLo();
            addresses[a + 2] = p.dstHi();
            addresses[a + 3] = p.dstLo();
            ports[id] = p.srcPort() << 16 | p.dstPort();
        }
        size++;
        if (size * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        insert(id, hashOf(id));
        return id;
    }

    public int size() {
        return size;
    }

    private boolean matches(int id, DecodedPacket p, boolean rev) {
        int a = id * 4;
        if (versions[id] != p.ipVersion()) {
            return false;
        }
        if (rev) {
            return ports[id] == (p.dstPort() << 16 | p.srcPort())
                    && addresses[a + 1] == p.dstLo() && addresses[a + 3] == p.srcLo()
                    && addresses[a] == p.dstHi() && addresses[a + 2] == p.srcHi();
        }
        return ports[id] == (p.srcPort() << 16 | p.dstPort())
                && addresses[a + 1] == p.srcLo() && addresses[a + 3] == p.dstLo()
                && addresses[a] == p.srcHi() && addresses[a + 2] == p.dstHi();
    }

    private static int hash(DecodedPacket p, boolean rev) {
        return rev
                ? mix(p.ipVersion(), p.dstHi(), p.dstLo(), p.srcHi(), p.srcLo(), p.dstPort() << 16 | p.srcPort())
                : mix(p.ipVersion(), p.srcHi(), p.srcLo(), p.dstHi(), p.dstLo(), p.srcPort() << 16 | p.dstPort());
    }

    private int hashOf(int id) {
        int a = id * 4;
        return mix(versions[id], addresses[a], addresses[a + 1], addresses[a + 2], addresses[a + 3], ports[id]);
    }

    private static int mix(int version, long aHi, long aLo, long bHi, long bLo, int ports) {
        long h = version * 0x9E3779B97F4A7C15L;
        h = (h ^ aHi) * 0xBF58476D1CE4E5B9L;
        h = (h ^ aLo) * 0x94D049BB133111EBL;
        h = (h ^ bHi) * 0xBF58476D1CE4E5B9L;
        h = (h ^ bLo) * 0x94D049BB133111EBL;
        h = (h ^ ports) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private void rehash(int capacity) {
        slots = new int[capacity];
        mask = capacity - 1;
        for (int id = 0; id < size - 1; id++) {
            insert(id, hashOf(id));
        }
    }

    private void insert(int id, int hash) {
        int h = hash & mask;
        while (slots[h] != 0) {
            h = (h + 1) & mask;
        }
        slots[h] = id + 1;
    }
}
