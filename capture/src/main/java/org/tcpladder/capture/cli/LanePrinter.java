package org.tcpladder.capture.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tcpladder.capture.decode.DecodedPacket;
import org.tcpladder.capture.decode.PacketDecoder;
import org.tcpladder.capture.decode.PacketKind;
import org.tcpladder.capture.source.CaptureFileException;
import org.tcpladder.capture.source.CaptureFiles;
import org.tcpladder.capture.source.PacketSource;
import org.tcpladder.capture.source.PcapFileReader;
import org.tcpladder.capture.source.PcapngFileReader;
import org.tcpladder.capture.source.RawPacket;

/**
 * The lines of {@code print} (every connection, text) written by several threads ("lanes") that take
 * turns by chunks of packets: lane k formats chunks k, k + n, k + 2n... into its own buffer, and the
 * buffers are written in chunk order, so the output is byte for byte what one thread writes.
 *
 * <p>Formatting is most of the cost of {@code print}, and the decode is cheap: so every lane reads and
 * decodes the whole file on its own (the page cache holds it once) and keeps its own tcpdump
 * relative-number table up to date with {@link TcpdumpLineFormatter#track} on the other lanes'
 * packets. No state is shared but the turn. Used only for uncompressed files (a gzip file would be
 * decompressed once per lane) and with at least two processors.
 */
final class LanePrinter {
    /** Packets per chunk: buffers of about a megabyte, and turns rare enough to cost nothing. */
    static final int CHUNK = 8192;
    static final int MAX_LANES = 4;

    private final Path file;
    private final boolean absolute;
    private final PrintStream out;
    private final int lanes;
    /** Guarded by this: the next chunk to write, whether a lane has stopped, and why. */
    private long turn;
    /** The fewest packets a finished lane read (lanes reading the same file agree). */
    private long endedAt = Long.MAX_VALUE;
    private boolean aborted;
    private Throwable failure;

    private LanePrinter(Path file, boolean absolute, PrintStream out, int lanes) {
        this.file = file;
        this.absolute = absolute;
        this.out = out;
        this.lanes = lanes;
    }

    /** How many lanes to use for {@code source} (1: print on one thread). */
    static int lanesFor(PacketSource source) {
        boolean plainFile = source instanceof PcapFileReader || source instanceof PcapngFileReader;
        return plainFile ? Math.min(MAX_LANES, Runtime.getRuntime().availableProcessors()) : 1;
    }

    /**
     * Prints every TCP packet of {@code file}, {@code first} being a source already open on it (it is
     * read by this thread; the other lanes open their own), and adds up the packets left out in
     * {@code skipped}.
     *
     * @throws CaptureFileException after printing every packet before the damage, as one thread does
     */
    static void print(Path file, PacketSource first, boolean absolute, PrintStream out,
                      PrintCommand.Skipped skipped) throws IOException {
        try {
            printWithLanes(file, first, lanesFor(first), absolute, out, skipped);
        } finally {
            out.flush();
        }
    }

    private static void printWithLanes(Path file, PacketSource first, int lanes, boolean absolute, PrintStream out,
                                       PrintCommand.Skipped skipped) throws IOException {
        LanePrinter printer = new LanePrinter(file, absolute, out, lanes);
        List<Lane> all = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < lanes; k++) {
            all.add(printer.new Lane(k));
        }
        for (int k = 1; k < lanes; k++) {
            // a plain Runnable and a fixed name: a lambda or a string concatenation would spin up
            // method handles first, several milliseconds of start-up
            Thread t = new Thread(all.get(k), "print-lane");
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        all.get(0).runGuarded(first);
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while printing", e);
            }
        }
        printer.rethrow();
        long lastUnsupported = -1;
        for (Lane lane : all) {
            skipped.notTcp += lane.skipped.notTcp;
            skipped.malformed += lane.skipped.malformed;
            skipped.unsupported += lane.skipped.unsupported;
            // the message names the link type of the last unsupported packet in the file
            if (lane.lastUnsupported > lastUnsupported) {
                lastUnsupported = lane.lastUnsupported;
                skipped.unsupportedType = lane.skipped.unsupportedType;
            }
        }
        for (Lane lane : all) {
            if (lane.damage != null) {
                throw lane.damage;
            }
        }
    }

    private synchronized void rethrow() throws IOException {
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IOException("interrupted while printing", failure);
        }
    }

    /**
     * Waits until chunk {@code chunk} is next, then writes it. False when it never will be: another
     * lane failed, or its file ended before this chunk (the file changed between the lanes' reads).
     */
    private boolean writeInTurn(long chunk, AsciiBuffer buf) throws InterruptedException {
        synchronized (this) {
            while (turn != chunk && !aborted && endedAt > chunk * CHUNK) {
                wait();
            }
            if (turn != chunk || aborted) {
                return false;
            }
        }
        // Only the lane whose turn it is writes, so the stream needs no lock of ours.
        buf.flush();
        synchronized (this) {
            turn = chunk + 1;
            notifyAll();
        }
        return true;
    }

    private synchronized void laneFinished(long packets) {
        endedAt = Math.min(endedAt, packets);
        notifyAll();
    }

    private synchronized void fail(Throwable t) {
        if (failure == null) {
            failure = t;
        }
        aborted = true;
        notifyAll();
    }

    private synchronized boolean aborted() {
        return aborted;
    }

    private final class Lane implements Runnable {
        private final int index;
        private final PrintCommand.Skipped skipped = new PrintCommand.Skipped();
        private long lastUnsupported = -1;
        private CaptureFileException damage;
        private long packets;

        Lane(int index) {
            this.index = index;
        }

        @Override
        public void run() {
            try (PacketSource source = CaptureFiles.open(file)) {
                runGuarded(source);
            } catch (IOException | RuntimeException | Error e) {
                fail(e);
            }
        }

        void runGuarded(PacketSource source) {
            try {
                printChunks(source);
            } catch (IOException | RuntimeException | Error e) {
                fail(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(e);
            } finally {
                laneFinished(packets);
            }
        }

        private void printChunks(PacketSource source) throws IOException, InterruptedException {
            AsciiBuffer buf = new AsciiBuffer(out, 2 << 20);
            buf.hold(); // a lane's buffer is written only in its turn
            TcpdumpLineFormatter formatter = new TcpdumpLineFormatter(buf, absolute, source.precision().digits());
            PacketDecoder decoder = new PacketDecoder(false);
            RawPacket raw = new RawPacket();
            long n = 0;
            long chunk = 0;
            boolean mine = index == 0;
            int left = CHUNK;
            try {
                while (source.next(raw)) {
                    DecodedPacket p = decoder.decode(raw);
                    if (mine) {
                        if (TcpdumpLineFormatter.isPrinted(p)) {
                            formatter.format(p);
                        } else {
                            skipped.count(p);
                            if (p.kind() == PacketKind.UNSUPPORTED_LINK) {
                                lastUnsupported = n;
                            }
                        }
                    } else if (TcpdumpLineFormatter.isPrinted(p)) {
                        formatter.track(p);
                    }
                    packets = ++n;
                    if (--left == 0) {
                        if (mine && !writeInTurn(chunk, buf)) {
                            return;
                        }
                        chunk++;
                        left = CHUNK;
                        mine = chunk % lanes == index;
                        if (!mine && aborted()) {
                            return;
                        }
                    }
                }
            } catch (CaptureFileException e) {
                damage = e;
            }
            if (mine && left < CHUNK) {
                writeInTurn(chunk, buf);
            }
        }
    }
}
