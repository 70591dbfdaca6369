package org.tcpladder.capture.export;

/**
 * Segments {@code first} to {@code last} of one connection, both included, counted from 1 in the order
 * the capture saw them (as the window counts them: "Segment 3 of 11").
 */
public record SegmentRange(int first, int last) {

    public SegmentRange {
        if (first < 1 || last < first) {
            throw new IllegalArgumentException("segments " + first + "-" + last);
        }
    }

    /** Every segment of a connection of {@code total} segments (1 to total; none when it has none). */
    public static SegmentRange whole(int total) {
        return total == 0 ? null : new SegmentRange(1, total);
    }

    /**
     * {@code A-B} with {@code 1 <= A <= B}; null for anything else (the caller words the message).
     */
    public static SegmentRange parse(String text) {
        int dash = text.indexOf('-');
        if (dash <= 0 || dash == text.length() - 1) {
            return null;
        }
        try {
            int a = Integer.parseInt(text.substring(0, dash).trim());
            int b = Integer.parseInt(text.substring(dash + 1).trim());
            return a >= 1 && b >= a ? new SegmentRange(a, b) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public boolean contains(int number) {
        return number >= first && number <= last;
    }

    public int size() {
        return last - first + 1;
    }
}
