package org.logmaster.collector.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.collector.apitest.ApiServer;
import org.logmaster.collector.apitest.DebianPython;
import org.logmaster.collector.enrich.DeviceDetails;

/**
 * Runs the documented Python example (docs/examples/logmaster_client.py) against a live TLS
 * server, with Debian's python3-grpcio. Skipped, with a message, where those packages are missing
 * (releng/lib/test-env.sh installs them); failed instead when CI=true.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PythonClientTest {
    private static final Path SCRIPT = DebianPython.EXAMPLE;
    private ApiServer api;
    private String python;

    record Run(int exitCode, String output) {}

    @BeforeAll
    void start() throws Exception {
        python = DebianPython.find();
        api = ApiServer.tls();
        api.registry.register("00:1a:2b:3c:4d:5e", DeviceDetails.of("edge firewall", "rack 3", "firewall", ""));
    }

    @AfterAll
    void stop() throws Exception {
        if (api != null) api.close();
    }

    private Run runScript(Path trustFile, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(python, SCRIPT.toString(),
                "--address", "127.0.0.1:" + api.port(), "--username", "admin", "--trust-file", trustFile.toString()));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("LOGMASTER_PASSWORD", "admin-password-1");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("script finished").isTrue();
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    @Test
    void theExampleLogsInAndPrintsWhoAmIAndTheDevices(@TempDir Path dir) throws Exception {
        Run run = runScript(dir.resolve("known"), "--fingerprint", api.certificates().fingerprint());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("user: admin")
                .contains("role: ADMINISTRATOR")
                .contains("USERS_MANAGE")
                .contains("devices: 1")
                .contains("mac-001a2b3c4d5e  00:1a:2b:3c:4d:5e  edge firewall  firewall  rack 3");
    }

    @Test
    void theExampleRefusesACertificateWithAnotherFingerprint(@TempDir Path dir) throws Exception {
        Run run = runScript(dir.resolve("known"), "--fingerprint", "00".repeat(32));
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("fingerprint mismatch").doesNotContain("user: admin");
    }

    @Test
    void theExampleTrustsAnUnknownCollectorOnlyWhenToldAndRemembersIt(@TempDir Path dir) throws Exception {
        Path trustFile = dir.resolve("known");
        Run refused = runScript(trustFile);
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("not trusted yet").contains(api.certificates().fingerprint());

        assertThat(runScript(trustFile, "--trust-new").exitCode()).isZero();
        Run remembered = runScript(trustFile);
        assertThat(remembered.exitCode()).as(remembered.output()).isZero();
        assertThat(Files.readString(trustFile)).contains("127.0.0.1:" + api.port());
    }
}
