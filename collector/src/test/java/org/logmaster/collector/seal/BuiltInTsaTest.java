package org.logmaster.collector.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltInTsaTest {
    @TempDir
    Path root;
    private BuiltInTsa tsa;
    private URI uri;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws IOException {
        tsa = BuiltInTsa.loadOrCreate(root.resolve("tsa"), SealLab.PASSWORD);
        uri = tsa.start(0);
    }

    @AfterEach
    void stop() {
        tsa.close();
        http.close();
    }

    @Test
    void opensslAcceptsItsAnswerToAnOpensslQuery() throws Exception {
        Files.writeString(root.resolve("data.txt"), "evidence");
        OutsideTools.Result query = OutsideTools.run(root, OutsideTools.OPENSSL, "ts", "-query", "-data", "data.txt",
                "-sha256", "-cert", "-out", "request.tsq");
        assertThat(query.succeeded()).as(query.output()).isTrue();

        HttpResponse<byte[]> response = post(Files.readAllBytes(root.resolve("request.tsq")), BuiltInTsa.QUERY_TYPE);
        Files.write(root.resolve("reply.tsr"), response.body());

        assertThat(response.headers().firstValue("Content-Type")).contains(BuiltInTsa.REPLY_TYPE);
        OutsideTools.Result verified = OutsideTools.run(root, OutsideTools.OPENSSL, "ts", "-verify", "-in", "reply.tsr",
                "-queryfile", "request.tsq", "-CAfile", tsa.rootCertificateFile().toString(),
                "-untrusted", tsa.certificateFile().toString());
        assertThat(verified.output()).contains("Verification: OK");
        OutsideTools.Result printed = OutsideTools.run(root, OutsideTools.OPENSSL, "ts", "-reply", "-in", "reply.tsr",
                "-text");
        assertThat(printed.output()).contains("Status: Granted", "Policy OID: " + BuiltInTsa.POLICY.getId(),
                "BUILT-IN LAB TSA");
    }

    @Test
    void itsCertificateMayOnlyStampTimeAndSaysSoCritically() throws Exception {
        X509Certificate certificate = tsa.certificate();

        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
        assertThat(certificate.getCriticalExtensionOIDs()).contains("2.5.29.37");
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(tsa.rootCertificate().getSubjectX500Principal());
        certificate.verify(tsa.rootCertificate().getPublicKey());
        assertThat(tsa.rootCertificate().getBasicConstraints()).isZero();
    }

    @Test
    void itIsLabelledAsNotForLegalEvidence() {
        assertThat(tsa.isBuiltIn()).isTrue();
        assertThat(tsa.label()).isEqualTo("BUILT-IN LAB TSA — not for legal evidence");
        assertThat(tsa.client().isBuiltIn()).isTrue();
        assertThat(tsa.certificate().getSubjectX500Principal().getName()).contains("not for legal evidence");
    }

    @Test
    void itKeepsItsCertificatesAcrossRestarts() throws IOException {
        BuiltInTsa again = BuiltInTsa.loadOrCreate(root.resolve("tsa"), SealLab.PASSWORD);

        assertThat(again.rootCertificate()).isEqualTo(tsa.rootCertificate());
        assertThat(again.certificate()).isEqualTo(tsa.certificate());
    }

    @Test
    void garbageGetsARejectionNotACrash() throws Exception {
        HttpResponse<byte[]> response = post("not a request".getBytes(), BuiltInTsa.QUERY_TYPE);

        TimeStampResponse reply = new TimeStampResponse(response.body());
        assertThat(reply.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(reply.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.badDataFormat);
    }

    @Test
    void aWeakImprintAlgorithmIsRejected() throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        byte[] request = generator.generate(TSPAlgorithms.SHA1, new byte[20]).getEncoded();

        TimeStampResponse reply = new TimeStampResponse(post(request, BuiltInTsa.QUERY_TYPE).body());

        assertThat(reply.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(reply.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.badAlg);
    }

    @Test
    void onlyTimeStampQueriesArePosted() throws Exception {
        HttpResponse<byte[]> get = http.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> wrongType = post(new byte[] {1}, "text/plain");

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(wrongType.statusCode()).isEqualTo(415);
    }

    @Test
    void itListensOnLoopbackOnly() {
        assertThat(uri.getHost()).isEqualTo("127.0.0.1");
    }

    private HttpResponse<byte[]> post(byte[] body, String type) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
