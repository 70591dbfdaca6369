package org.tcpladder.app.live;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AnalysisWarmUpTest {
    @Test
    void theMadeUpHandshakeGoesAllTheWayToALadder() {
        assertEquals(3, AnalysisWarmUp.run(), "decoded, indexed and analysed, not refused as malformed");
    }
}
