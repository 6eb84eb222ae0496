package org.logmaster.benchmark;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A collector started as a child process on free loopback ports with its own data folder. */
final class CollectorProcess implements AutoCloseable {
    private final Process process;
    private final int udpPort;
    private final int tcpPort;

    private CollectorProcess(Process process, int udpPort, int tcpPort) {
        this.process = process;
        this.udpPort = udpPort;
        this.tcpPort = tcpPort;
    }

    static CollectorProcess start(Path jar, Path data) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " not found: build it first (releng/bench.sh does)");
        }
        int port = freePort();
        int tlsPort = freePort();
        Path config = data.resolve("collector.yaml");
        Files.writeString(config, """
                data-dir: %s
                time-zone: UTC
                listeners:
                  udp: { bind: 127.0.0.1, port: %d }
                  tcp: { bind: 127.0.0.1, port: %d }
                  tls: { bind: 127.0.0.1, port: %d }
                metrics: { port: 0 }
                """.formatted(data, port, port, tlsPort));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "--sun-misc-unsafe-memory-access=allow", "-jar", jar.toString(),
                "run", "--config", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("collector.out").toFile())
                .start();
        awaitListening(p, port, Duration.ofSeconds(60), data.resolve("collector.out"));
        return new CollectorProcess(p, port, port);
    }

    private static int freePort() throws IOException {
        // a port free for both TCP and UDP, since the collector listens on both
        for (int i = 0; i < 50; i++) {
            try (ServerSocket s = new ServerSocket(0)) {
                int port = s.getLocalPort();
                try (DatagramSocket d = new DatagramSocket(port)) {
                    return port;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IOException("no free port pair found");
    }

    private static void awaitListening(Process p, int port, Duration timeout, Path log)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("collector exited with " + p.exitValue() + ":\n" + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IOException("collector did not listen on " + port + " within " + timeout);
    }

    long pid() { return process.pid(); }
    int udpPort() { return udpPort; }
    int tcpPort() { return tcpPort; }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
