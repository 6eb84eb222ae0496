package org.logmaster.collector.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.ECPublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplianceCertificateTest {
    private static final char[] PASSWORD = "changeit-not".toCharArray();

    @TempDir
    Path dir;

    private Path keyStore() {
        return dir.resolve("tls/appliance.p12");
    }

    private ApplianceCertificate create() throws IOException {
        return ApplianceCertificate.loadOrCreate(keyStore(), PASSWORD, "logmaster.example");
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s", output).isZero();
        return output;
    }

    @Test
    void missingKeyStoreIsCreatedReadableByTheOwnerOnly() throws Exception {
        create();

        assertThat(keyStore()).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyStore()))).isEqualTo("rw-------");
        assertThat(Files.list(keyStore().getParent())).as("no temporary file left").hasSize(1);
    }

    @Test
    void createdCertificateIsSelfSignedForTheHostAndLoopback() throws Exception {
        X509Certificate certificate = create().certificate();

        assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=logmaster.example");
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
        certificate.verify(certificate.getPublicKey());
        assertThat(certificate.getSubjectAlternativeNames()).containsExactlyInAnyOrder(
                List.of(2, "logmaster.example"), List.of(2, "localhost"), List.of(7, "127.0.0.1"),
                List.of(7, "0:0:0:0:0:0:0:1"));
        assertThat(certificate.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
    }

    @Test
    void keyIsEcP256() throws Exception {
        ECPublicKey key = (ECPublicKey) create().certificate().getPublicKey();

        assertThat(key.getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(key.getParams().toString()).contains("secp256r1");
    }

    @Test
    void loadingAgainKeepsTheSameCertificate() throws Exception {
        String fingerprint = create().fingerprintSha256();

        ApplianceCertificate loaded = ApplianceCertificate.loadOrCreate(keyStore(), PASSWORD, "other.host");

        assertThat(loaded.fingerprintSha256()).isEqualTo(fingerprint);
        assertThat(loaded.certificate().getSubjectX500Principal().getName()).contains("CN=logmaster.example");
    }

    @Test
    void fingerprintIsTheOneOpensslPrints() throws Exception {
        ApplianceCertificate certificate = create();
        Path pem = Files.writeString(dir.resolve("appliance.pem"), certificate.certificatePem());

        String openssl = run("openssl", "x509", "-in", pem.toString(), "-noout", "-fingerprint", "-sha256");

        assertThat(certificate.fingerprintSha256()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(openssl.trim()).endsWith("=" + certificate.fingerprintSha256());
    }

    @Test
    void keyStoreIsAStandardPkcs12File() throws Exception {
        create();

        String openssl = run("openssl", "pkcs12", "-in", keyStore().toString(), "-passin",
                "pass:" + new String(PASSWORD), "-nodes");

        assertThat(openssl).contains("BEGIN CERTIFICATE").contains("BEGIN PRIVATE KEY");
    }

    @Test
    void wrongPasswordIsAClearErrorAndTheFileIsKept() throws Exception {
        create();
        byte[] before = Files.readAllBytes(keyStore());

        assertThatThrownBy(() -> ApplianceCertificate.loadOrCreate(keyStore(), "wrong".toCharArray(), "h"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(keyStore().toString())
                .hasMessageContaining("password");
        assertThat(Files.readAllBytes(keyStore())).isEqualTo(before);
    }

    @Test
    void fileThatIsNotAKeyStoreIsAClearError() throws Exception {
        Files.createDirectories(keyStore().getParent());
        Files.writeString(keyStore(), "not a key store");

        assertThatThrownBy(() -> ApplianceCertificate.loadOrCreate(keyStore(), PASSWORD, "h"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(keyStore().toString());
    }

    @Test
    void serverContextPresentsTheCertificate() throws Exception {
        ApplianceCertificate certificate = create();

        assertThat(certificate.keyManagerFactory().getKeyManagers()).isNotEmpty();
        assertThat(certificate.serverContext().getProtocol()).isEqualTo("TLS");
    }
}
