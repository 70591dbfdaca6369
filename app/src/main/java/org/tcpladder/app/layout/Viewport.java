package org.tcpladder.app.layout;

/**
 * The visible part of the ladder: the canvas size and how far its content is scrolled.
 *
 * @param width     canvas width in pixels
 * @param height    canvas height in pixels (including the lifeline headers)
 * @param scrollTop content offset at the top of the visible rows, in pixels
 */
public record Viewport(double width, double height, double scrollTop) {
    public Viewport {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("viewport " + width + "x" + height);
        }
    }

    public Viewport scrolledTo(double top) {
        return new Viewport(width, height, top);
    }
}
