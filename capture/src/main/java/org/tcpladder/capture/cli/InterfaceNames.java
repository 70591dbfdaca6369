package org.tcpladder.capture.cli;

import java.io.IOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Interface names for LINUX_SLL2 interface indexes. A capture file holds only the index, so, like
 * tcpdump (if_indextoname), the name is looked up on the machine reading the file: it is right when
 * the file was captured on this machine, and "?" when no interface has that index. Linux lists every
 * interface in /sys/class/net, including those without addresses that Java's NetworkInterface
 * leaves out.
 */
final class InterfaceNames {
    private Map<Integer, String> byIndex;

    String name(int index) {
        if (byIndex == null) {
            byIndex = scan();
        }
        return byIndex.computeIfAbsent(index, InterfaceNames::lookUp);
    }

    private static Map<Integer, String> scan() {
        Map<Integer, String> names = new HashMap<>();
        Path dir = Path.of("/sys/class/net");
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                try {
                    int index = Integer.parseInt(Files.readString(entry.resolve("ifindex")).trim());
                    names.put(index, entry.getFileName().toString());
                } catch (IOException | NumberFormatException e) {
                    // not an interface directory: skip it
                }
            }
        } catch (IOException e) {
            // fall back to NetworkInterface below
        }
        return names;
    }

    private static String lookUp(int index) {
        try {
            NetworkInterface ni = index > 0 ? NetworkInterface.getByIndex(index) : null;
            return ni == null ? "?" : ni.getName();
        } catch (SocketException e) {
            return "?";
        }
    }
}
