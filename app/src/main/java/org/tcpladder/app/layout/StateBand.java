package org.tcpladder.app.layout;

import org.tcpladder.capture.state.TcpState;
import org.tcpladder.capture.tcp.Side;

/**
 * A stretch of a lifeline during which its side is in one state, in viewport pixels (clipped to the
 * visible part).
 *
 * @param side   whose lifeline
 * @param x      the lifeline's x
 * @param top    visible top of the stretch
 * @param bottom visible bottom of the stretch
 * @param state  the state, or null when unknown
 * @param labelY where to write the state's name (its top; kept on screen when the band starts above), or
 *               NaN for none (a band that began above the view with no room to repeat its name)
 */
public record StateBand(Side side, double x, double top, double bottom, TcpState state, double labelY) {
}
