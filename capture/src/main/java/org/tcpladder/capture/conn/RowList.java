package org.tcpladder.capture.conn;

import java.util.Arrays;

/**
 * A growable list of ints (a connection's row numbers in the capture index), published for readers
 * on other threads: the array is filled before the volatile size is raised.
 */
final class RowList {
    private int[] rows = new int[4];
    private volatile int size;

    void add(int row) {
        int n = size;
        if (n == rows.length) {
            rows = Arrays.copyOf(rows, n + (n >> 1) + 4);
        }
        rows[n] = row;
        size = n + 1;
    }

    int get(int i) {
        int n = size;
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException("segment " + i + " of " + n);
        }
        return rows[i];
    }

    int size() {
        return size;
    }

    void trim() {
        int n = size;
        if (rows.length != n) {
            rows = Arrays.copyOf(rows, n);
        }
    }

    long retainedBytes() {
        return 16L + 4L * rows.length;
    }
}
