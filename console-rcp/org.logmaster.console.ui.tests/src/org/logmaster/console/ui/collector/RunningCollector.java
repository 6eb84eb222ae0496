package org.logmaster.console.ui.collector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.logmaster.api.v1.Role;
import org.logmaster.console.client.CertificateFingerprint;
import org.logmaster.console.client.CollectorConnection;
import org.logmaster.console.client.CollectorConnections;
import org.logmaster.console.client.ConnectionSettings;
import org.logmaster.console.client.ConnectionState;
import org.logmaster.console.client.Credentials;

/**
 * The real collector for the console's tests, started the way an operator starts it
 * ({@code logmaster-collector init}, then {@code run}) as a child JVM on free loopback ports with
 * its own data folder. One per test JVM: starting a collector takes seconds, and every test uses
 * its own device names and message texts. The jar comes from the reactor's collector module
 * ({@code logmaster.collector.jar}, set by this bundle's pom.xml).
 */
public final class RunningCollector {

    private static final Pattern ADMIN = Pattern.compile("administrator: (\\S+) / password: (\\S+)");
    private static final String FINGERPRINT = "api certificate SHA-256 fingerprint: ";
    private static RunningCollector shared;

    private final Path data;
    private final Process process;
    private final Path output;
    private final int syslogPort;
    private final int apiPort;
    private final Credentials administrator;
    private final CertificateFingerprint certificate;

    private RunningCollector(Path data, Process process, Path output, int syslogPort, int apiPort,
            Credentials administrator, CertificateFingerprint certificate) {
        this.data = data;
        this.process = process;
        this.output = output;
        this.syslogPort = syslogPort;
        this.apiPort = apiPort;
        this.administrator = administrator;
        this.certificate = certificate;
    }

    /** Started on first use, stopped when the test JVM exits. */
    public static synchronized RunningCollector shared() {
        if (shared == null) {
            try {
                shared = start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            RunningCollector started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
        }
        return shared;
    }

    private static RunningCollector start() throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("logmaster.collector.jar", "missing"));
        if (!Files.isRegularFile(jar)) {
            throw new IOException("the collector jar " + jar + " is missing: build with the collector module "
                    + "(./mvnw -pl collector,console-rcp/org.logmaster.console.ui.tests -am verify)");
        }
        Path data = Files.createTempDirectory("logmaster-console-test");
        Path config = data.resolve("collector.yaml");
        int syslogPort = freeTcpAndUdpPort();
        int apiPort = freeTcpAndUdpPort();
        Files.writeString(config, """
                data-dir: %s
                time-zone: UTC
                listeners:
                  udp: { bind: 127.0.0.1, port: %d }
                  tcp: { bind: 127.0.0.1, port: %d }
                  tls: { bind: 127.0.0.1, port: %d }
                api: { bind: 127.0.0.1, port: %d }
                metrics: { bind: 127.0.0.1, port: 0 }
                seal: { late-after-minutes: 10080 }
                """.formatted(data.resolve("store"), syslogPort, syslogPort, freeTcpAndUdpPort(), apiPort));

        String init = runToEnd(jar, data.resolve("init.out"), "init", "--config", config.toString());
        Matcher admin = ADMIN.matcher(init);
        if (!admin.find()) {
            throw new IOException("`init` printed no administrator:\n" + init);
        }
        Path output = data.resolve("run.out");
        Process process = new ProcessBuilder(command(jar, "run", "--config", config.toString()))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        String fingerprint = awaitReady(process, output, syslogPort, apiPort, Duration.ofSeconds(90));
        return new RunningCollector(data, process, output, syslogPort, apiPort,
                new Credentials(admin.group(1), admin.group(2).toCharArray()), CertificateFingerprint.parse(fingerprint));
    }

    private static List<String> command(Path jar, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--sun-misc-unsafe-memory-access=allow", "-Xmx256m", "-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static String runToEnd(Path jar, Path out, String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command(jar, args)).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("`" + String.join(" ", args) + "` did not finish:\n" + Files.readString(out));
        }
        String text = Files.readString(out);
        if (p.exitValue() != 0) {
            throw new IOException("`" + String.join(" ", args) + "` failed with " + p.exitValue() + ":\n" + text);
        }
        return text;
    }

    /** Waits for "collector ready" and both ports; returns the API certificate's fingerprint. */
    private static String awaitReady(Process process, Path output, int syslogPort, int apiPort, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.exists(output) ? Files.readString(output) : "";
            if (!process.isAlive()) {
                throw new IOException("the collector exited with " + process.exitValue() + ":\n" + text);
            }
            if (text.contains("collector ready") && text.contains(FINGERPRINT)) {
                try (Socket tcp = new Socket(); Socket api = new Socket()) {
                    tcp.connect(new InetSocketAddress("127.0.0.1", syslogPort), 500);
                    api.connect(new InetSocketAddress("127.0.0.1", apiPort), 500);
                    int at = text.indexOf(FINGERPRINT) + FINGERPRINT.length();
                    return text.substring(at, text.indexOf('\n', at)).strip();
                } catch (IOException notYet) {
                    // not listening yet
                }
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IOException("the collector was not ready within " + timeout + ":\n" + Files.readString(output));
    }

    private static int freeTcpAndUdpPort() throws IOException {
        for (int i = 0; i < 100; i++) {
            try (ServerSocket tcp = new ServerSocket(0); DatagramSocket udp = new DatagramSocket(tcp.getLocalPort())) {
                return tcp.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port");
    }

    public Credentials administrator() {
        return administrator;
    }

    /** TLS to the API with its certificate pinned, as an operator would after trusting it. */
    public ConnectionSettings settings(Credentials login) {
        return ConnectionSettings.tls("127.0.0.1", apiPort).withPinnedCertificate(certificate).withCredentials(login);
    }

    /** A connection, health-checked and logged in. */
    public CollectorConnection connect(Credentials login) {
        CollectorConnection connection = CollectorConnections.open(settings(login));
        ConnectionState state = connection.checkHealth(Duration.ofSeconds(10)).state();
        if (state != ConnectionState.CONNECTED) {
            connection.close();
            throw new IllegalStateException("collector not healthy: " + state);
        }
        connection.login(login);
        return connection;
    }

    /** Creates a user with the role through the API, as an administrator, and returns its login. */
    public Credentials createUser(String username, Role role) {
        char[] password = ("console-test-" + username + "-password").toCharArray();
        try (CollectorConnection admin = connect(administrator)) {
            admin.users().createUser(username, role, password);
        }
        return new Credentials(username, password);
    }

    /**
     * Sends one message with util-linux {@code logger} over TCP, as a device on this host would.
     */
    public void logger(String tag, String message) throws IOException, InterruptedException {
        runLogger(List.of("--tag", tag, "--priority", "user.warning", message));
    }

    /** Sends each line as one message with a single {@code logger --file} run. */
    public void loggerLines(String tag, List<String> lines) throws IOException, InterruptedException {
        Path file = Files.createTempFile(data, "lines", ".txt");
        Files.write(file, lines, StandardCharsets.UTF_8);
        runLogger(List.of("--tag", tag, "--priority", "user.info", "--file", file.toString()));
    }

    /**
     * Sends one RFC 5424 message over TCP (RFC 6587 octet counting) from another loopback address,
     * so that the collector files it under a device of its own; for tests
     * that must not share state with the {@code logger} messages of other tests.
     */
    public void sendFrom(String loopbackAddress, String message) throws IOException {
        String line = "<12>1 - sender-" + loopbackAddress + " test - - - " + message;
        byte[] frame = (line.getBytes(StandardCharsets.UTF_8).length + " " + line).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(loopbackAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", syslogPort));
            socket.getOutputStream().write(frame);
        }
    }

    private void runLogger(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("logger", "--tcp", "--server", "127.0.0.1", "--port",
                Integer.toString(syslogPort), "--rfc5424"));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("logger failed: " + out);
        }
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    /**
     * Gives {@code device} a closed day: a copy of today's daily file under {@code day}'s name,
     * sealed with the collector's {@code seal} command (built-in TSA). Seals made a day late are
     * not "late" here: the test configuration allows a week.
     */
    public String sealCopyOfToday(String device, LocalDate today, LocalDate day) throws IOException, InterruptedException {
        Path folder = data.resolve("store").resolve("logs").resolve(device);
        if (!Files.exists(folder.resolve(day + ".log"))) { // a second call finds it sealed already
            Files.copy(folder.resolve(today + ".log"), folder.resolve(day + ".log"));
        }
        Path jar = Path.of(System.getProperty("logmaster.collector.jar"));
        return runToEnd(jar, data.resolve("seal-" + device + "-" + day + ".out"), "seal", "--config",
                data.resolve("collector.yaml").toString(), "--day", day.toString(), "--device", device);
    }

    /** For failure messages: what the collector printed. */
    public String output() throws IOException {
        return Files.readString(output);
    }
}
