package org.logmaster.collector.it;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real collector, started the way an operator starts it ({@code logmaster-collector run}),
 * as a child JVM on free loopback ports with its own data folder. Tests talk to it over real
 * sockets and read its daily files and index, and may kill it hard.
 */
final class CollectorProcess implements AutoCloseable {
    final Path data;
    final Path config;
    final int udpPort;
    final int tcpPort;
    final int tlsPort;
    final int apiPort;
    final int metricsPort;
    private Process process;
    private Path output;
    private int starts;

    private CollectorProcess(Path data, int udpPort, int tcpPort, int tlsPort, int apiPort, String apiExtra,
                             int metricsPort, String extraSections) throws IOException {
        this.data = data;
        this.config = data.resolve("collector.yaml");
        this.udpPort = udpPort;
        this.tcpPort = tcpPort;
        this.tlsPort = tlsPort;
        this.apiPort = apiPort;
        this.metricsPort = metricsPort;
        Files.writeString(config, """
                data-dir: %s
                time-zone: Europe/Istanbul
                listeners:
                  udp: { bind: 127.0.0.1, port: %d, sockets: 2 }
                  tcp: { bind: 127.0.0.1, port: %d }
                  tls: { bind: 127.0.0.1, port: %d }
                api: { bind: 127.0.0.1, port: %d%s }
                metrics: { bind: 127.0.0.1, port: %d }
                """.formatted(data, udpPort, tcpPort, tlsPort, apiPort, apiExtra, metricsPort) + extraSections);
    }

    static CollectorProcess start(Path data) throws IOException, InterruptedException {
        return start(data, "");
    }

    /** Started with more settings of the api section, e.g. {@code ", tail-buffer-events: 1000"}. */
    static CollectorProcess start(Path data, String apiExtra) throws IOException, InterruptedException {
        return start(data, apiExtra, "");
    }

    /** Started with more top-level sections of the configuration (YAML, e.g. an {@code alerts:} section). */
    static CollectorProcess start(Path data, String apiExtra, String extraSections) throws IOException, InterruptedException {
        int port = freeTcpAndUdpPort();
        CollectorProcess c = new CollectorProcess(data, port, port, freeTcpAndUdpPort(), freeTcpAndUdpPort(), apiExtra,
                freeTcpAndUdpPort(), extraSections);
        c.restart();
        return c;
    }

    /** Starts (again) on the same ports and data. */
    void restart() throws IOException, InterruptedException {
        starts++;
        output = data.resolve("collector-" + starts + ".out");
        process = new ProcessBuilder(command("run", "--config", config.toString()))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        awaitListening(Duration.ofSeconds(60));
    }

    /** Runs a CLI command against this collector's configuration and returns its output. */
    String cli(String... args) throws IOException, InterruptedException {
        CliRun run = cliRun(args);
        if (run.exitCode() != 0) {
            throw new IOException("`" + String.join(" ", args) + "` failed:\n" + run.output());
        }
        return run.output();
    }

    record CliRun(int exitCode, String output) {}

    /** Runs a CLI command against this collector's configuration; its exit code and output. */
    CliRun cliRun(String... args) throws IOException, InterruptedException {
        List<String> cmd = command(args);
        cmd.add("--config");
        cmd.add(config.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("`" + String.join(" ", args) + "` did not finish:\n" + out);
        }
        return new CliRun(p.exitValue(), out);
    }

    /** The API certificate's SHA-256 fingerprint as `run` printed it (for trust on first use). */
    String apiFingerprint() throws IOException {
        String marker = "api certificate SHA-256 fingerprint: ";
        for (String line : output().split("\n")) {
            if (line.startsWith(marker)) return line.substring(marker.length()).strip();
        }
        throw new IOException("run printed no API fingerprint:\n" + output());
    }

    static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"),
                "org.logmaster.collector.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    String output() throws IOException {
        return Files.exists(output) ? Files.readString(output) : "";
    }

    /** SIGKILL: no shutdown hook runs, as in a crash or power loss of the process. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the graceful stop an operator does. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) stop();
    }

    private void awaitListening(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("collector exited with " + process.exitValue() + ":\n" + output());
            }
            if (output().contains("collector ready")) {
                try (Socket s = new Socket(); Socket api = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", tcpPort), 500);
                    api.connect(new InetSocketAddress("127.0.0.1", apiPort), 500);
                    return;
                } catch (IOException notYet) {
                    // fall through and wait
                }
            }
            Thread.sleep(100);
        }
        throw new IOException("collector not ready within " + timeout + ":\n" + output());
    }

    static int freeTcpAndUdpPort() throws IOException {
        for (int i = 0; i < 100; i++) {
            try (ServerSocket s = new ServerSocket(0)) {
                int port = s.getLocalPort();
                try (DatagramSocket d = new DatagramSocket(port)) {
                    return port;
                } catch (IOException taken) {
                    // another one
                }
            }
        }
        throw new IOException("no port free for both TCP and UDP");
    }
}
