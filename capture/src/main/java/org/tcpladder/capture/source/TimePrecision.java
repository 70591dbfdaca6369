package org.tcpladder.capture.source;

/** The resolution a capture's timestamps were written with; decides how many digits are printed. */
public enum TimePrecision {
    MICRO(6),
    NANO(9);

    private final int digits;

    TimePrecision(int digits) {
        this.digits = digits;
    }

    public int digits() {
        return digits;
    }
}
