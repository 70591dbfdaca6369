package org.tcpladder.app.layout;

import org.tcpladder.capture.tcp.Side;

/**
 * A socket call written beside its side's lifeline, in viewport pixels.
 *
 * @param side     who called
 * @param anchorX  the lifeline's x; the text goes outwards from it
 * @param y        vertical centre of the text
 * @param call     the call's text
 * @param done     whether the playhead has reached it (later calls are not drawn as done)
 */
public record CallMark(Side side, double anchorX, double y, String call, boolean done) {
}
