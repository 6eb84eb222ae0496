package org.logmaster.collector.seal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An RFC 3161 time-stamping authority for labs and tests, served over HTTP on a loopback port.
 *
 * <p>It has its own self-signed root ({@code tsa-root.pem}) and a TSA certificate issued by it
 * ({@code tsa.pem}, critical extendedKeyUsage id-kp-timeStamping), kept in
 * {@code builtin-tsa.p12} (mode 600), and stamps under its own policy OID {@link #POLICY}. Its
 * stamps prove nothing to a court, because the appliance vouches for its own clock: everything
 * it stamps carries the label {@link #LABEL}, and reports show it.
 */
public final class BuiltInTsa implements AutoCloseable {
    public static final String LABEL = "BUILT-IN LAB TSA — not for legal evidence";
    /** A UUID-based OID (ITU-T X.667, arc 2.25) naming the built-in TSA's policy, owned by nobody else. */
    public static final ASN1ObjectIdentifier POLICY =
            new ASN1ObjectIdentifier("2.25.254331924010523951059541111585717958237");
    public static final String KEY_STORE_FILE = "builtin-tsa.p12";
    public static final String ROOT_CERTIFICATE_FILE = "tsa-root.pem";
    public static final String CERTIFICATE_FILE = "tsa.pem";
    static final String QUERY_TYPE = "application/timestamp-query";
    static final String REPLY_TYPE = "application/timestamp-reply";
    private static final int MAX_REQUEST_BYTES = 64 * 1024;
    private static final Duration VALIDITY = Duration.ofDays(30L * 365);
    private static final Set<ASN1ObjectIdentifier> ACCEPTED_DIGESTS =
            Set.of(TSPAlgorithms.SHA256, TSPAlgorithms.SHA384, TSPAlgorithms.SHA512);
    private static final Logger LOG = LoggerFactory.getLogger(BuiltInTsa.class);

    private final KeyStoreFiles.KeyWithChain entry;
    private final Path folder;
    private final SecureRandom random = new SecureRandom();
    private HttpServer server;
    private ExecutorService executor;

    private BuiltInTsa(KeyStoreFiles.KeyWithChain entry, Path folder) {
        this.entry = entry;
        this.folder = folder;
    }

    /** Loads the lab TSA's key from {@code folder}, or makes a new root and TSA certificate there. */
    public static BuiltInTsa loadOrCreate(Path folder, char[] password) throws IOException {
        Files.createDirectories(folder);
        Path keyStore = folder.resolve(KEY_STORE_FILE);
        KeyStoreFiles.KeyWithChain entry;
        if (Files.exists(keyStore)) {
            entry = KeyStoreFiles.readPkcs12(keyStore, password);
        } else {
            // the root's private key is used once, here, and then forgotten: nothing else is ever issued
            KeyPair rootKeys = Certificates.newKeyPair();
            X509Certificate root = Certificates.selfSignedRoot(rootKeys, "LogMaster BUILT-IN LAB TSA root", VALIDITY);
            KeyPair tsaKeys = Certificates.newKeyPair();
            X509Certificate tsa = Certificates.timeStampingCertificate(tsaKeys.getPublic(),
                    "LogMaster BUILT-IN LAB TSA (not for legal evidence)", root, rootKeys.getPrivate(), VALIDITY);
            entry = new KeyStoreFiles.KeyWithChain(tsaKeys.getPrivate(), List.of(tsa, root));
            KeyStoreFiles.writePkcs12(keyStore, "builtin-tsa", entry, password);
            LOG.warn("created the {}: stamps from it are for labs and tests only", LABEL);
        }
        BuiltInTsa tsa = new BuiltInTsa(entry, folder);
        if (!Files.exists(tsa.rootCertificateFile())) {
            KeyStoreFiles.writePem(tsa.rootCertificateFile(), List.of(tsa.rootCertificate()));
        }
        if (!Files.exists(tsa.certificateFile())) {
            KeyStoreFiles.writePem(tsa.certificateFile(), List.of(tsa.certificate()));
        }
        return tsa;
    }

    /**
     * Serves {@code application/timestamp-query} POSTs on 127.0.0.1; port 0 picks a free port.
     *
     * @return the URL to post requests to
     */
    public synchronized URI start(int port) throws IOException {
        if (server != null) {
            throw new IllegalStateException("the built-in TSA is already serving on " + uri());
        }
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        executor = Executors.newVirtualThreadPerTaskExecutor();
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        http.start();
        server = http;
        LOG.warn("{} serving on {}", LABEL, uri());
        return uri();
    }

    public synchronized URI uri() {
        if (server == null) {
            throw new IllegalStateException("the built-in TSA is not serving; call start first");
        }
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/");
    }

    /**
     * A client for this TSA's HTTP endpoint that also checks its stamps against
     * {@code tsa-root.pem}. Each call makes a new client; close it when done.
     */
    public TimeStampClient client() {
        return new TimeStampClient(TimeStampClient.Settings.forUrl(uri())
                .withLabel(LABEL, true)
                .withTrustAnchors(List.of(rootCertificate())));
    }

    public String label() {
        return LABEL;
    }

    public boolean isBuiltIn() {
        return true;
    }

    public X509Certificate certificate() {
        return entry.certificate();
    }

    public X509Certificate rootCertificate() {
        return entry.chain().getLast();
    }

    /** {@code tsa-root.pem}: the trust anchor, openssl's {@code -CAfile}. */
    public Path rootCertificateFile() {
        return folder.resolve(ROOT_CERTIFICATE_FILE);
    }

    /** {@code tsa.pem}: the TSA certificate, openssl's {@code -untrusted}. */
    public Path certificateFile() {
        return folder.resolve(CERTIFICATE_FILE);
    }

    /** Answers one DER TimeStampReq with a DER TimeStampResp; bad requests get a rejection, as RFC 3161 asks. */
    byte[] respond(byte[] requestBytes) throws TSPException, IOException {
        TimeStampResponseGenerator generator = new TimeStampResponseGenerator(tokenGenerator(), ACCEPTED_DIGESTS);
        TimeStampRequest request;
        try {
            request = new TimeStampRequest(requestBytes);
        } catch (IOException | RuntimeException e) {
            // BouncyCastle reports malformed DER with assorted runtime exceptions; all mean the same here
            return generator.generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.badDataFormat,
                    "not a DER TimeStampReq: " + e.getMessage()).getEncoded(ASN1Encoding.DER);
        }
        return generator.generate(request, new BigInteger(127, random).add(BigInteger.ONE), new Date())
                .getEncoded(ASN1Encoding.DER);
    }

    private TimeStampTokenGenerator tokenGenerator() throws TSPException {
        try {
            TimeStampTokenGenerator generator = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build(
                            Certificates.signatureAlgorithm(entry.key()), entry.key(), certificate()),
                    new JcaDigestCalculatorProviderBuilder().build()
                            .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    POLICY);
            generator.addCertificates(new JcaCertStore(List.of(certificate())));
            generator.setTSA(new GeneralName(X500Name.getInstance(certificate().getSubjectX500Principal().getEncoded())));
            generator.setAccuracySeconds(1);
            return generator;
        } catch (Exception e) {
            throw new TSPException("cannot set up the built-in TSA signer: " + e.getMessage(), e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "POST");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith(QUERY_TYPE)) {
                exchange.sendResponseHeaders(415, -1);
                return;
            }
            byte[] request;
            try (InputStream in = exchange.getRequestBody()) {
                request = in.readNBytes(MAX_REQUEST_BYTES + 1);
            }
            if (request.length > MAX_REQUEST_BYTES) {
                exchange.sendResponseHeaders(413, -1);
                return;
            }
            byte[] reply;
            try {
                reply = respond(request);
            } catch (TSPException e) {
                LOG.error("built-in TSA failed to answer a request", e);
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", REPLY_TYPE);
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.close();
            server = null;
        }
    }
}
