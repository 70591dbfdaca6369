package org.tcpladder.app.ladder;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A connection's segments built one at a time when asked for, so that a ladder of a million segments
 * holds no million {@link LadderSegment}s. {@link LadderData} takes such a list as it is (no copy, no
 * check of every segment): whoever builds one guarantees that every segment is between the ladder's
 * two endpoints, e.g. because they all come from one connection of a capture.
 */
public abstract class OnDemandSegments extends AbstractList<LadderSegment> implements RandomAccess {
    /** Who sent segment {@code i}, without building it. */
    public abstract Side senderOf(int i);
}
