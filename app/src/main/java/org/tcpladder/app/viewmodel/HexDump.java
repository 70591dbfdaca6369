package org.tcpladder.app.viewmodel;

/**
 * Payload bytes as offset, hex and ASCII, a few bytes per line so that it fits a side pane at
 * classroom font sizes: {@code 0000  68 65 6c 6c 6f 0a        hello.}
 */
public final class HexDump {
    private HexDump() {
    }

    public static String format(byte[] bytes, int perLine) {
        if (perLine <= 0) {
            throw new IllegalArgumentException("perLine " + perLine);
        }
        StringBuilder sb = new StringBuilder(bytes.length * 5);
        for (int line = 0; line < bytes.length; line += perLine) {
            if (line > 0) {
                sb.append('\n');
            }
            sb.append(String.format("%04x ", line));
            for (int i = 0; i < perLine; i++) {
                if (line + i < bytes.length) {
                    sb.append(' ').append(String.format("%02x", bytes[line + i] & 0xFF));
                } else {
                    sb.append("   ");
                }
            }
            sb.append("  ");
            for (int i = 0; i < perLine && line + i < bytes.length; i++) {
                int b = bytes[line + i] & 0xFF;
                sb.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
            }
        }
        return sb.toString();
    }
}
