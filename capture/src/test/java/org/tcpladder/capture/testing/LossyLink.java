package org.tcpladder.capture.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A real link that really loses segments: two network namespaces joined by a veth pair, the server in
 * one, the client in the other, and an nftables rule at the server's input that drops what the test
 * names (the packets still left the client, so a capture there shows them). The capture is taken at the
 * sender's side with tcpdump. Needs root (the tests run as root), {@code ip}, {@code nft}, tcpdump and
 * python3 (the two programs at the ends are short python scripts, run inside the namespaces).
 */
public final class LossyLink implements AutoCloseable {
    public static final String CLIENT_ADDRESS = "10.77.0.1";
    public static final String SERVER_ADDRESS = "10.77.0.2";
    private static final String PYTHON = "/usr/bin/python3";

    private final String clientNs;
    private final String serverNs;
    private final String clientIf;

    private LossyLink(String tag) throws IOException, InterruptedException {
        String id = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xFFFFF));
        clientNs = "tl-time-" + tag + "-" + id + "-c";
        serverNs = "tl-time-" + tag + "-" + id + "-s";
        clientIf = "tlt" + id + "c";
        String serverIf = "tlt" + id + "s";
        run("ip", "netns", "add", clientNs);
        run("ip", "netns", "add", serverNs);
        run("ip", "link", "add", clientIf, "netns", clientNs, "type", "veth", "peer", "name", serverIf, "netns",
                serverNs);
        run("ip", "-n", clientNs, "addr", "add", CLIENT_ADDRESS + "/24", "dev", clientIf);
        run("ip", "-n", serverNs, "addr", "add", SERVER_ADDRESS + "/24", "dev", serverIf);
        for (String[] nsIf : new String[][] {{clientNs, clientIf}, {serverNs, serverIf}}) {
            run("ip", "-n", nsIf[0], "link", "set", nsIf[1], "up");
            run("ip", "-n", nsIf[0], "link", "set", "lo", "up");
        }
    }

    /** A fresh pair of namespaces named {@code tl-time-TAG-…}. */
    public static LossyLink create(String tag) throws IOException, InterruptedException {
        return new LossyLink(tag);
    }

    /**
     * One session: a server in its namespace on an ephemeral port (it reads until the client's FIN, then
     * answers {@code bye} and closes), the drop rule {@code nftMatch} (nftables expression; {@code PORT}
     * stands for the server's port) installed at the server's input, tcpdump at the client's side, and
     * {@code clientBody} (python, with {@code c} a socket connected to the server, TCP_NODELAY set; the
     * connect itself counts). Returns the capture.
     */
    public Path session(Path file, String nftMatch, String clientBody) throws Exception {
        Process server = new ProcessBuilder("ip", "netns", "exec", serverNs, PYTHON, "-u", "-c", String.join("\n",
                "import socket",
                "s = socket.socket()",
                "s.bind(('" + SERVER_ADDRESS + "', 0))",
                "s.listen(1)",
                "print(s.getsockname()[1], flush=True)",
                "s.settimeout(20)",
                "c, _ = s.accept()",
                "while c.recv(65536): pass",
                "c.sendall(b'bye')",
                "c.close()")).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String portLine = out.readLine();
            if (portLine == null) {
                throw new IOException("the server in " + serverNs + " did not start");
            }
            String port = portLine.trim();
            run("ip", "netns", "exec", serverNs, "nft", "add", "table", "inet", "tltime");
            run("ip", "netns", "exec", serverNs, "nft", "add", "chain", "inet", "tltime", "input",
                    "{ type filter hook input priority 0; }");
            List<String> rule = new ArrayList<>(List.of("ip", "netns", "exec", serverNs, "nft", "add", "rule", "inet",
                    "tltime", "input"));
            for (String w : nftMatch.replace("PORT", port).split(" ")) {
                rule.add(w);
            }
            run(rule.toArray(String[]::new));
            try (Tcpdump.Capture ignored = Tcpdump.capture(List.of("ip", "netns", "exec", clientNs), clientIf, file,
                    "tcp port " + port)) {
                run("ip", "netns", "exec", clientNs, PYTHON, "-c", String.join("\n",
                        "import socket, time",
                        "c = socket.create_connection(('" + SERVER_ADDRESS + "', " + port + "), timeout=10)",
                        "c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)",
                        clientBody,
                        "c.shutdown(socket.SHUT_WR)",
                        "assert c.recv(16) == b'bye'",
                        "c.close()",
                        "time.sleep(0.2)"));
                if (!server.waitFor(20, TimeUnit.SECONDS) || server.exitValue() != 0) {
                    throw new IOException("the server in " + serverNs + " did not finish cleanly");
                }
            }
            return file;
        } finally {
            server.destroyForcibly();
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("ip", "netns", "del", clientNs);
        run("ip", "netns", "del", serverNs);
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " failed: " + said);
        }
    }
}
