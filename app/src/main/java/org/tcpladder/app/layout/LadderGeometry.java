package org.tcpladder.app.layout;

import java.util.List;

/**
 * What to paint for one viewport: only the visible rows, so that painting costs the same whatever the
 * connection's length. All coordinates in viewport pixels.
 *
 * @param headerHeight  height of the lifeline headers, always drawn at the top
 * @param clientX       the client's lifeline
 * @param serverX       the server's lifeline
 * @param clientTitle   header over the client's lifeline ({@code client 127.0.0.1:54018})
 * @param serverTitle   header over the server's lifeline
 * @param playheadY     where the playhead line is
 * @param contentHeight total height of all rows (for the scroll bar)
 * @param sizes         the text sizes and line widths to draw with
 */
public record LadderGeometry(
        double width,
        double height,
        double em,
        double headerHeight,
        double clientX,
        double serverX,
        String clientTitle,
        String serverTitle,
        List<ArrowRow> rows,
        List<StateBand> bands,
        List<CallMark> calls,
        List<GapMark> gaps,
        double playheadY,
        double contentHeight,
        TextSizes sizes) {
}
