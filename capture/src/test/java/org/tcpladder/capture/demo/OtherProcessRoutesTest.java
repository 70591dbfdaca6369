package org.tcpladder.capture.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The capture routes as other users see them: this JVM runs as root, so each test starts a fresh JVM
 * ({@link DemoProbeMain}) as the unprivileged user {@code nobody} (uid 65534), with the program copied
 * where that user can read it.
 */
class OtherProcessRoutesTest {
    private static final int NOBODY = 65534;
    private static Path copy;
    private static String classPath;

    @BeforeAll
    static void copyTheProgramWhereNobodyCanReadIt() throws IOException {
        copy = Files.createTempDirectory("tcpladder-nobody");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String entry : cp.split(File.pathSeparator)) {
            Path from = Path.of(entry);
            if (!Files.exists(from)) {
                continue;
            }
            Path to = copy.resolve((i++) + "-" + from.getFileName());
            copyTree(from, to);
            entries.add(to.toString());
        }
        classPath = String.join(File.pathSeparator, entries);
        try (Stream<Path> all = Files.walk(copy)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @AfterAll
    static void removeTheCopy() throws IOException {
        try (Stream<Path> all = Files.walk(copy)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    private static List<String> java(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static List<String> asNobody(List<String> command) {
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        cmd.addAll(command);
        return cmd;
    }

    /** Runs the command to its end and returns its output as "key value" lines. */
    private static Map<String, String> facts(Process p) throws Exception {
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe ended");
        Map<String, String> facts = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int sp = line.indexOf(' ');
            if (sp > 0) {
                facts.put(line.substring(0, sp), line.substring(sp + 1));
            }
        }
        facts.put("stderr", err);
        return facts;
    }

    private static ProcessBuilder withHome(ProcessBuilder pb) {
        pb.environment().put("HOME", copy.toString());
        return pb;
    }

    @Test
    void aNonRootUserRunsTheDemoInAUserNamespace() throws Exception {
        Map<String, String> f = facts(withHome(new ProcessBuilder(asNobody(java(DemoProbeMain.class.getName(), "demo",
                "half-close")))).start());
        assertEquals("USER_NAMESPACE", f.get("route"), f.toString());
        assertEquals("COMPLETED", f.get("outcome"), f.toString());
        assertEquals("[client S, server S., client P., client F., server P., server P., server P., server F.]",
                f.get("flags"));
        assertTrue(Integer.parseInt(f.get("frames")) >= 10, f.toString());
        assertTrue(f.get("last").startsWith("client: close() -> ok  [client TIME-WAIT, server CLOSED]"), f.get("last"));
    }

    @Test
    void aNonRootUserWithoutUserNamespacesIsToldTheExactRemedy() throws Exception {
        Map<String, String> f = facts(withoutUserNamespaces(asNobody(java(DemoProbeMain.class.getName(), "demo"))));
        assertEquals("NO_PERMISSION", f.get("problem"), f.toString());
        String m = f.get("message");
        assertTrue(m.startsWith("Capturing on lo needs the CAP_NET_RAW privilege, which this program does not have"
                + " (socket: Operation not permitted), and running the session in a private network namespace is not"
                + " possible either (unshare: unshare failed: No space left on device)."), m);
        assertTrue(m.contains("sudo setcap cap_net_raw,cap_net_admin=eip $(readlink -f $(which java))"), m);
        assertTrue(m.contains("play a recorded session"), m);
    }

    /** Runs the command to its end; its exit code, standard output and standard error. */
    private record Ran(int code, String out, String err) {
    }

    private static Ran ran(Process p) throws Exception {
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the command ended");
        return new Ran(p.exitValue(), out, err);
    }

    @Test
    void theDemoCommandWithoutAnyRouteGivesTheRemedyAndOffersTheRecording() throws Exception {
        Ran r = ran(withoutUserNamespaces(asNobody(java("--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
                "org.tcpladder.capture.cli.Main", "demo", "--scenario", "half-close", "--ipv6"))));
        assertEquals(1, r.code(), r.err());
        assertEquals("", r.out());
        String[] lines = r.err().split("\n");
        assertEquals(2, lines.length, r.err());
        assertTrue(lines[0].startsWith("tcpladder demo: Capturing on lo needs the CAP_NET_RAW privilege"), lines[0]);
        assertTrue(lines[0].contains("sudo setcap cap_net_raw,cap_net_admin=eip $(readlink -f $(which java))"), lines[0]);
        assertEquals("To play a recording of this session instead (a real capture shipped with the program, labelled"
                + " as a recording): tcpladder demo --recording --scenario half-close --ipv6", lines[1]);
    }

    @Test
    void theRecordingPlaysForANonRootUserWithoutAnyRoute() throws Exception {
        Ran r = ran(withoutUserNamespaces(asNobody(java("org.tcpladder.capture.cli.Main", "demo", "--recording",
                "--scenario", "half-close", "--ipv6", "--pause", "0"))));
        assertEquals(0, r.code(), r.err() + r.out());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].startsWith("demo half-close: Half-close: the client stops sending, the server keeps going"
                + " [Recording made on "), lines[0]);
        assertTrue(r.out().contains(" final client=TIME-WAIT server=CLOSED anomalies 0"), r.out());
        assertTrue(lines[lines.length - 1].startsWith("outcome: COMPLETED: The session ran to its end. (Recording made on "),
                lines[lines.length - 1]);
    }

    @Test
    void watchingAPortAsNonRootSaysWhyANamespaceCannotHelp() throws Exception {
        Map<String, String> f = facts(withHome(new ProcessBuilder(asNobody(java(DemoProbeMain.class.getName(), "watch")))).start());
        assertEquals("NO_PERMISSION", f.get("problem"), f.toString());
        assertTrue(f.get("message").contains("a private network namespace cannot help here"), f.get("message"));
        assertTrue(f.get("message").contains("sudo setcap cap_net_raw,cap_net_admin=eip"), f.get("message"));
    }

    @Test
    void missingLibpcapNamesThePackageToInstall() throws Exception {
        List<String> cmd = java("-Dorg.pcap4j.core.pcapLibName=/nonexistent/libpcap.so.0.8",
                DemoProbeMain.class.getName(), "demo");
        Map<String, String> f = facts(new ProcessBuilder(cmd).start());
        assertEquals("NO_LIBPCAP", f.get("problem"), f.toString());
        assertTrue(f.get("message").startsWith("Live capture needs libpcap, which cannot be loaded ("), f.get("message"));
        assertTrue(f.get("message").endsWith("Install it: sudo apt-get install libpcap0.8 (opening capture files works"
                + " without it)."), f.get("message"));
    }

    /**
     * Starts {@code command} inside a user namespace of its own (mapping every id to itself) in which
     * {@code user.max_user_namespaces} is 0, so that it can create no further user namespace: the
     * situation of a system that forbids unprivileged namespaces, without changing this machine's setting.
     */
    private static Process withoutUserNamespaces(List<String> command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("unshare", "--user", "sh", "-c",
                // Wait until the ids are mapped, then start afresh as the namespace's root (so with its
                // capabilities), forbid new user namespaces and become nobody.
                "read go; exec sh -c 'echo 0 > /proc/sys/user/max_user_namespaces && exec \"$@\"' sh \"$@\"", "sh"));
        cmd.addAll(command);
        ProcessBuilder pb = withHome(new ProcessBuilder(cmd));
        Process p = pb.start();
        Path ours = Files.readSymbolicLink(Path.of("/proc/self/ns/user"));
        Path theirs = Path.of("/proc", Long.toString(p.pid()), "ns", "user");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (Files.readSymbolicLink(theirs).equals(ours)) {
            assertTrue(System.nanoTime() < deadline, "unshare made its namespace");
            Thread.sleep(2);
        }
        Files.writeString(Path.of("/proc", Long.toString(p.pid()), "uid_map"), "0 0 4294967295");
        Files.writeString(Path.of("/proc", Long.toString(p.pid()), "gid_map"), "0 0 4294967295");
        OutputStream in = p.getOutputStream();
        in.write("go\n".getBytes(StandardCharsets.US_ASCII));
        in.flush();
        return p;
    }
}
