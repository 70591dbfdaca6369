package org.tcpladder.app.layout;

/**
 * The sizes the ladder is drawn at, in pixels, all multiples of the root font size: the layout makes
 * room for text of these sizes, so the painter takes them from here rather than choosing its own.
 *
 * @param label    an arrow's first label line (flags; the whole line in the textbook style)
 * @param numbers  an arrow's second line (seq, ack, win) in the tcpdump style
 * @param call     a socket call beside a lifeline
 * @param state    a state's name beside its band
 * @param title    a lifeline's title in the header
 * @param lifeline the width of a lifeline
 * @param arrow    the width of an arrow's line
 * @param alongArrow whether the label is written along the arrow (textbook) or level above it
 */
public record TextSizes(double label, double numbers, double call, double state, double title,
                        double lifeline, double arrow, boolean alongArrow) {
}
