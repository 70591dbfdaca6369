package org.tcpladder.capture.demo;

import org.tcpladder.capture.tcp.Side;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class ScenarioTest {

    @Test
    void everyScenarioHasAnEnglishTitleAndDescription() {
        for (Scenario s : Scenario.values()) {
            assertFalse(s.title(Locale.ENGLISH).isBlank(), s.id());
            assertTrue(s.description(Locale.ENGLISH).length() > 80, s.id());
            assertEquals(s, Scenario.byId(s.id()));
        }
        assertEquals("Half-close: the client stops sending, the server keeps going", Scenario.HALF_CLOSE.title(Locale.ENGLISH));
        assertThrows(IllegalArgumentException.class, () -> Scenario.byId("nope"));
    }

    @Test
    void everyScriptStartsWithConnectAndOnlyTheSimultaneousCloseRetries() {
        for (Scenario s : Scenario.values()) {
            Script script = s.script(DemoSettings.of(s, IpVersion.V4));
            assertEquals(Call.connect(), script.steps().get(0), s.id());
            assertEquals(s == Scenario.SIMULTANEOUS_CLOSE ? 20 : 0, script.crossingAttempts(), s.id());
            assertEquals(s != Scenario.CONNECTION_REFUSED, script.serverListens(), s.id());
        }
    }

    @Test
    void thePayloadIsWhatTheClientWrites() {
        Script script = Scenario.ECHO_CLIENT_CLOSES_FIRST.script(
                DemoSettings.of(Scenario.ECHO_CLIENT_CLOSES_FIRST, IpVersion.V6).withPayload("abc"));
        assertEquals(Call.write(Side.CLIENT, "abc"), script.steps().get(2));
        assertEquals("client: write() 3 bytes \"abc\"", script.steps().get(2).describe());
        assertEquals(Call.read(Side.SERVER, 3), script.steps().get(3));
    }

    @Test
    void theBulkAndTheBlockHaveTheirConfiguredSizes() {
        DemoSettings s = DemoSettings.of(Scenario.BULK_TRANSFER, IpVersion.V4).withSizes(100, 5000);
        assertEquals(100, s.block().length);
        assertEquals(5000, s.bulk().length);
        Together transfer = (Together) Scenario.BULK_TRANSFER.script(s).steps().get(4);
        assertEquals(5000, transfer.calls().get(0).data().length);
        assertEquals(5000, transfer.calls().get(1).readLength());
    }
}
