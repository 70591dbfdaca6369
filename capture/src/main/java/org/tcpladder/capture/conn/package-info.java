/**
 * TCP connections of a capture, and the compact index the program reads them from.
 *
 * <p>{@link org.tcpladder.capture.conn.CaptureIndex} is the read API: its
 * {@link org.tcpladder.capture.conn.Connection}s (client, server, mid-stream or not, counters each way,
 * start, duration, how it ended, relative sequence numbers) and their segments, built on demand as
 * {@link org.tcpladder.capture.tcp.TcpSegment}s with options and payload read back from the capture
 * file. It is filled from a file by {@code load}, or frame by frame by {@code append} with
 * {@link org.tcpladder.capture.conn.CaptureListener}s told of each addition (live capture).
 *
 * <p>{@link org.tcpladder.capture.conn.ConnectionTable} alone sorts segments into connections and
 * counts them without remembering segments; {@link org.tcpladder.capture.conn.FlowTable} is the
 * allocation-free 4-tuple hash both use.
 *
 * <p>The rules (a new connection on a 4-tuple, who is the client, the bases of relative numbers) are
 * in {@link org.tcpladder.capture.conn.Connection}'s documentation. Limits: a SYN on a 4-tuple whose
 * connection has not visibly ended (no FIN both ways, no RST: a half close, or a capture that missed
 * the end) stays in that connection; mid-stream roles are a guess; the index stores packet numbers
 * in 32 bits and payload lengths in 16 (IP cannot carry more without jumbograms).
 */
package org.tcpladder.capture.conn;
