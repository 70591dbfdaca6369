package org.tcpladder.capture.live;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Java main class of this program in a new user and network namespace ({@code unshare -Urn}):
 * as an unprivileged user the process is root inside, holds CAP_NET_RAW over the namespace's own
 * network, and so may capture on its loopback interface, which starts down and is brought up with
 * {@code ip link set lo up}. See user_namespaces(7) and network_namespaces(7).
 */
public final class UserNamespace {
    private static final long PROBE_SECONDS = 10;

    private UserNamespace() {
    }

    /** The command prefix that enters the namespace and brings its loopback interface up. */
    public static List<String> enterCommand() {
        // sh brings lo up inside the namespace, then becomes the given program ("$@").
        return List.of("unshare", "--user", "--map-root-user", "--net", "--",
                "sh", "-c", "ip link set lo up && exec \"$@\"", "sh");
    }

    /**
     * Whether a namespace can be made here, tried for real (the kernel may forbid unprivileged user
     * namespaces through sysctls, seccomp or a zero {@code user.max_user_namespaces}).
     *
     * @return null if it works, else why not (for the user)
     */
    public static String unavailableReason() {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return "user namespaces exist only on Linux";
        }
        List<String> cmd = new ArrayList<>(enterCommand());
        cmd.add("true");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
            if (!p.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "unshare did not finish within " + PROBE_SECONDS + " s";
            }
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.exitValue() == 0) {
                return null;
            }
            return output.isEmpty() ? "unshare -Urn failed with exit code " + p.exitValue() : output;
        } catch (IOException e) {
            return "the unshare command is not available (" + e.getMessage() + "; it is in util-linux)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * The full command that runs {@code mainClass} with this JVM's class path inside a new namespace.
     * System properties that steer pcap4j and JNA are passed on, so the helper loads the same libraries.
     */
    public static List<String> javaCommand(String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>(enterCommand());
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // A short-lived helper: start fast, stay small.
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Xmx256m");
        cmd.add("--add-exports=java.base/sun.nio.ch=ALL-UNNAMED");
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("org.pcap4j.") || name.startsWith("jna.")) {
                cmd.add("-D" + name + "=" + System.getProperty(name));
            }
        }
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    private static String classPath() {
        String cp = System.getProperty("java.class.path", "");
        // Launched as modules (e.g. by the JavaFX plugin), the program's jars are on the module path;
        // the capture code has no module descriptor, so the class path serves the helper as well.
        String mp = System.getProperty("jdk.module.path", "");
        if (!mp.isEmpty()) {
            cp = cp.isEmpty() ? mp : cp + File.pathSeparator + mp;
        }
        return cp;
    }
}
