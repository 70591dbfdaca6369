package org.tcpladder.capture.export;

import java.io.IOException;

/**
 * One text format of the ladder, written as the export walks the connection: a heading, each segment
 * in order, an end. Nothing is kept between calls beyond what the format needs, so a connection of any
 * length streams out.
 */
public interface LadderWriter {
    void begin(LadderHeading heading) throws IOException;

    void segment(LadderStep step) throws IOException;

    void end(LadderEnd end) throws IOException;
}
