package org.tcpladder.app;

import java.util.ArrayList;
import java.util.List;

/**
 * The desktop program's command line: {@code [--present] [FILE]}, in any order. Anything that is not
 * an option is a capture file to open.
 *
 * @param present start in presenter mode
 * @param files   capture files, the first of which is opened
 */
public record LaunchArguments(boolean present, List<String> files) {
    public static final String PRESENT = "--present";

    public static LaunchArguments parse(List<String> raw) {
        boolean present = false;
        List<String> files = new ArrayList<>();
        for (String a : raw) {
            if (a.equals(PRESENT)) {
                present = true;
            } else {
                files.add(a);
            }
        }
        return new LaunchArguments(present, List.copyOf(files));
    }
}
