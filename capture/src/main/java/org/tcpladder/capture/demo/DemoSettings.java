package org.tcpladder.capture.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.tcpladder.capture.live.CaptureRoute;

/**
 * Everything a demo session needs to know. Start from {@link #of(Scenario, IpVersion)} and change
 * with the {@code with...} methods.
 *
 * @param scenario         which session to play
 * @param ipVersion        127.0.0.1 or ::1
 * @param payload          the text the client sends (the echo's request)
 * @param mode             {@link Mode#STEP}: wait for {@link DemoSession#proceed()} before each step;
 *                         {@link Mode#RUN}: play through with {@code pause} between steps
 * @param pause            pause between steps in run mode, so that the ladder can animate
 * @param callTimeout      longest a single socket call may take before the session is ended as
 *                         timed out (waiting for the user in step mode does not count)
 * @param endTimeout       after the last step, longest wait for the connection's last segment
 * @param route            null to choose (direct capture, else a user namespace), or a fixed route
 * @param allowNamespace   whether the user-namespace route may be used when choosing
 * @param preferredPort    0 for any free port; a busy preferred port silently falls back to a free one
 * @param blockBytes       size of the block the server sends in {@link Scenario#SERVER_SENDS_BLOCK}
 * @param bulkBytes        size of the bulk transfer
 * @param crossingAttempts connections a simultaneous close may try until the FINs cross
 * @param customScript     a script to run instead of the scenario's (null for the scenario's)
 */
public record DemoSettings(Scenario scenario, IpVersion ipVersion, String payload, Mode mode, Duration pause,
                           Duration callTimeout, Duration endTimeout, CaptureRoute route, boolean allowNamespace,
                           int preferredPort, int blockBytes, int bulkBytes, int crossingAttempts,
                           Script customScript) {

    public enum Mode { STEP, RUN }

    public static final String DEFAULT_PAYLOAD = "hello, TCP!";

    public DemoSettings {
        if (scenario == null || ipVersion == null || mode == null) {
            throw new IllegalArgumentException("scenario, IP version and mode are required");
        }
        payload = payload == null || payload.isEmpty() ? DEFAULT_PAYLOAD : payload;
        if (preferredPort < 0 || preferredPort > 65535) {
            throw new IllegalArgumentException("port " + preferredPort);
        }
        if (blockBytes < 1 || bulkBytes < 1) {
            throw new IllegalArgumentException("block and bulk sizes must be positive");
        }
    }

    public static DemoSettings of(Scenario scenario, IpVersion ipVersion) {
        return new DemoSettings(scenario, ipVersion, DEFAULT_PAYLOAD, Mode.RUN, Duration.ofMillis(300),
                Duration.ofSeconds(10), Duration.ofSeconds(3), null, true, 0, 4096, 4 << 20, 20, null);
    }

    public DemoSettings withPayload(String text) {
        return new DemoSettings(scenario, ipVersion, text, mode, pause, callTimeout, endTimeout, route,
                allowNamespace, preferredPort, blockBytes, bulkBytes, crossingAttempts, customScript);
    }

    public DemoSettings withMode(Mode m) {
        return new DemoSettings(scenario, ipVersion, payload, m, pause, callTimeout, endTimeout, route,
                allowNamespace, preferredPort, blockBytes, bulkBytes, crossingAttempts, customScript);
    }

    public DemoSettings withPause(Duration d) {
        return new DemoSettings(scenario, ipVersion, payload, mode, d, callTimeout, endTimeout, route,
                allowNamespace, preferredPort, blockBytes, bulkBytes, crossingAttempts, customScript);
    }

    public DemoSettings withTimeouts(Duration call, Duration end) {
        return new DemoSettings(scenario, ipVersion, payload, mode, pause, call, end, route,
                allowNamespace, preferredPort, blockBytes, bulkBytes, crossingAttempts, customScript);
    }

    public DemoSettings withRoute(CaptureRoute r) {
        return new DemoSettings(scenario, ipVersion, payload, mode, pause, callTimeout, endTimeout, r,
                allowNamespace, preferredPort, blockBytes, bulkBytes, crossingAttempts, customScript);
    }

    public DemoSettings withNamespaceAllowed(boolean allowed) {
        return new DemoSettings(scenario, ipVersion, payload, mode, pause, callTimeout, endTimeout, route,
                allowed, preferredPort, blockBytes, bulkBytes, crossingAttempts, customScript);
    }

    public DemoSettings withPreferredPort(int port) {
        return new DemoSettings(scenario, ipVersion, payload, mode, pause, callTimeout, endTimeout, route,
                allowNamespace, port, blockBytes, bulkBytes, crossingAttempts, customScript);
    }

    public DemoSettings withSizes(int block, int bulk) {
        return new DemoSettings(scenario, ipVersion, payload, mode, pause, callTimeout, endTimeout, route,
                allowNamespace, preferredPort, block, bulk, crossingAttempts, customScript);
    }

    public DemoSettings withCrossingAttempts(int attempts) {
        return new DemoSettings(scenario, ipVersion, payload, mode, pause, callTimeout, endTimeout, route,
                allowNamespace, preferredPort, blockBytes, bulkBytes, attempts, customScript);
    }

    /** Runs {@code script} instead of the scenario's own (the scenario then only names the session). */
    public DemoSettings withScript(Script script) {
        return new DemoSettings(scenario, ipVersion, payload, mode, pause, callTimeout, endTimeout, route,
                allowNamespace, preferredPort, blockBytes, bulkBytes, crossingAttempts, script);
    }

    /** The script to run. */
    public Script script() {
        return customScript != null ? customScript : scenario.script(this);
    }

    public byte[] payloadBytes() {
        return payload.getBytes(StandardCharsets.UTF_8);
    }

    byte[] block() {
        return Scenario.repeatToLength(payload + " ", blockBytes);
    }

    byte[] bulk() {
        return Scenario.repeatToLength(payload + " ", bulkBytes);
    }
}
