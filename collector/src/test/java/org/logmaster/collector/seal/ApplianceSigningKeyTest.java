package org.logmaster.collector.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplianceSigningKeyTest {
    private static final char[] PASSWORD = "appliance-secret".toCharArray();

    @TempDir
    Path root;

    @Test
    void theFirstStartCreatesAKeyAndLaterStartsLoadTheSameKey() throws IOException {
        ApplianceSigningKey created = ApplianceSigningKey.loadOrCreate(root, PASSWORD, "gw-istanbul");
        ApplianceSigningKey loaded = ApplianceSigningKey.loadOrCreate(root, PASSWORD, "gw-istanbul");

        assertThat(loaded.fingerprint()).isEqualTo(created.fingerprint());
        assertThat(loaded.certificate().getSubjectX500Principal().getName()).contains("gw-istanbul");
        assertThat(KeyStoreFiles.readPem(created.certificateFile())).containsExactly(created.certificate());
    }

    @Test
    void theKeyStoreIsReadableByItsOwnerOnly() throws IOException {
        ApplianceSigningKey.loadOrCreate(root, PASSWORD, "a");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                root.resolve(ApplianceSigningKey.KEY_STORE_FILE)))).isEqualTo("rw-------");
    }

    @Test
    void theSelfSignedCertificateIsForSignaturesOnly() throws Exception {
        X509Certificate certificate = ApplianceSigningKey.loadOrCreate(root, PASSWORD, "a").certificate();

        boolean[] usage = certificate.getKeyUsage();
        assertThat(usage[0]).as("digitalSignature").isTrue();
        assertThat(usage[1]).as("nonRepudiation").isTrue();
        assertThat(usage[5]).as("keyCertSign").isFalse();
        assertThat(certificate.getBasicConstraints()).as("not a CA").isEqualTo(-1);
        assertThat(certificate.getExtendedKeyUsage()).isNull();
        assertThat(certificate.getCriticalExtensionOIDs()).contains("2.5.29.15");
        certificate.verify(certificate.getPublicKey());
    }

    @Test
    void aWrongPasswordIsAClearError() throws IOException {
        ApplianceSigningKey.loadOrCreate(root, PASSWORD, "a");

        assertThatThrownBy(() -> ApplianceSigningKey.loadOrCreate(root, "wrong".toCharArray(), "a"))
                .isInstanceOf(IOException.class).hasMessageContaining("wrong password?");
    }

    @Test
    void anOperatorKeyFromTheirOwnCaIsImportedAndItsSealsVerifyWithOpensslAgainstThatCa() throws Exception {
        Path ca = root.resolve("ca");
        Files.createDirectories(ca);
        Path operatorFile = operatorPkcs12(ca, "keyUsage=critical,digitalSignature,nonRepudiation");
        ApplianceSigningKey previous = ApplianceSigningKey.loadOrCreate(root.resolve("keys"), PASSWORD, "a");

        ApplianceSigningKey imported = ApplianceSigningKey.importPkcs12(operatorFile, "op-secret".toCharArray(),
                root.resolve("keys"), PASSWORD);

        assertThat(imported.certificate().getSubjectX500Principal().getName()).contains("Operator seal signer");
        assertThat(imported.chain()).hasSize(2);
        assertThat(ApplianceSigningKey.trustedCertificates(root.resolve("keys")))
                .containsExactlyInAnyOrder(previous.certificate(), imported.certificate());
        assertThat(ApplianceSigningKey.loadOrCreate(root.resolve("keys"), PASSWORD, "a").fingerprint())
                .isEqualTo(imported.fingerprint());

        try (SealLab lab = new SealLab(root.resolve("lab"))) {
            LocalDate day = LocalDate.of(2025, 2, 1);
            lab.writeDay(SealLab.DEVICE, day, 3);
            new DailySealer(imported, lab.tsaClient, Clock.systemUTC())
                    .sealClosedDays(lab.dataDir, SealLab.ZONE, day.plusDays(1));

            OutsideTools.Result cms = OutsideTools.cmsVerify(lab.dayFiles(SealLab.DEVICE, day), ca.resolve("ca.pem"));
            assertThat(cms.output()).contains("Verification successful");
            SealVerifier verifier = new SealVerifier(KeyStoreFiles.readPem(ca.resolve("ca.pem")),
                    List.of(lab.tsa.rootCertificate()));
            assertThat(verifier.verifyDevice(lab.dataDir, SealLab.DEVICE, SealLab.ZONE, day.plusDays(1)).ok()).isTrue();
        }
    }

    @Test
    void aCertificateThatMayNotSignIsRefused() throws Exception {
        Path ca = root.resolve("ca");
        Files.createDirectories(ca);
        Path operatorFile = operatorPkcs12(ca, "keyUsage=critical,keyEncipherment");

        assertThatThrownBy(() -> ApplianceSigningKey.importPkcs12(operatorFile, "op-secret".toCharArray(),
                root.resolve("keys"), PASSWORD))
                .isInstanceOf(IOException.class).hasMessageContaining("does not allow digital signatures");
        assertThat(root.resolve("keys").resolve(ApplianceSigningKey.KEY_STORE_FILE)).doesNotExist();
    }

    /** An operator's CA and signer made with openssl, exported as PKCS#12 the way an operator would. */
    private static Path operatorPkcs12(Path folder, String keyUsage) throws IOException {
        Files.writeString(folder.resolve("signer.ext"), keyUsage + "\nbasicConstraints=critical,CA:FALSE\n");
        run(folder, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "ca.key", "-out", "ca.pem", "-days", "3650", "-subj", "/CN=Operator CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        run(folder, "req", "-new", "-newkey", "rsa:3072", "-nodes", "-keyout", "signer.key", "-out", "signer.csr",
                "-subj", "/CN=Operator seal signer");
        run(folder, "x509", "-req", "-in", "signer.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "signer.pem", "-days", "365", "-extfile", "signer.ext");
        run(folder, "pkcs12", "-export", "-inkey", "signer.key", "-in", "signer.pem", "-certfile", "ca.pem",
                "-out", "operator.p12", "-passout", "pass:op-secret");
        return folder.resolve("operator.p12");
    }

    private static void run(Path folder, String... arguments) throws IOException {
        String[] command = new String[arguments.length + 1];
        command[0] = OutsideTools.OPENSSL;
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        OutsideTools.Result result = OutsideTools.run(folder, command);
        assertThat(result.succeeded()).as(result.output()).isTrue();
    }
}
