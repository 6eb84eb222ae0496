package org.logmaster.collector.seal;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An RFC 3161 client over HTTP(S): SHA-256 imprint, a random 64-bit nonce, certReq set. Network
 * failures, HTTP 5xx and 429 are retried with exponential back-off; a reply that is not a valid
 * granted time stamp for exactly this request is an error and is not retried. Optional HTTP basic
 * authentication, and Kamu SM's {@code identity} header ({@link KamuSmIdentity}), whose service
 * answers errors as text with HTTP 200: any reply that is not a TimeStampResp is reported with
 * the text found in it.
 */
public final class TimeStampClient implements TimeStampSource, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TimeStampClient.class);
    private static final Pattern READABLE_TEXT = Pattern.compile("[\\p{L}\\p{N}\\p{P}\\p{Zs}]{4,}");
    private static final int MAX_ERROR_TEXT = 300;

    /** How to reach and trust one TSA. Build with {@link #forUrl} and the {@code with...} methods. */
    public record Settings(URI url, String label, boolean builtIn, Optional<BasicAuth> basicAuth,
                           Optional<KamuSmAccount> kamuSm, Duration timeout, int maxAttempts,
                           Duration initialBackoff, List<X509Certificate> trustAnchors) {
        public Settings {
            Objects.requireNonNull(url, "url");
            if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
                throw new IllegalArgumentException("a TSA URL must be http or https: " + url);
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            trustAnchors = List.copyOf(trustAnchors);
        }

        /** Defaults: labelled by host, 30 s timeout, 4 attempts starting 1 s apart, no trust anchors. */
        public static Settings forUrl(URI url) {
            return new Settings(url, "TSA " + url.getHost(), false, Optional.empty(), Optional.empty(),
                    Duration.ofSeconds(30), 4, Duration.ofSeconds(1), List.of());
        }

        public Settings withLabel(String newLabel, boolean isBuiltIn) {
            return new Settings(url, newLabel, isBuiltIn, basicAuth, kamuSm, timeout, maxAttempts, initialBackoff,
                    trustAnchors);
        }

        public Settings withBasicAuth(String user, String password) {
            return new Settings(url, label, builtIn, Optional.of(new BasicAuth(user, password)), kamuSm, timeout,
                    maxAttempts, initialBackoff, trustAnchors);
        }

        public Settings withKamuSm(long customerNumber, String password) {
            return new Settings(url, label, builtIn, basicAuth, Optional.of(new KamuSmAccount(customerNumber, password)),
                    timeout, maxAttempts, initialBackoff, trustAnchors);
        }

        public Settings withTimeout(Duration newTimeout) {
            return new Settings(url, label, builtIn, basicAuth, kamuSm, newTimeout, maxAttempts, initialBackoff,
                    trustAnchors);
        }

        public Settings withRetries(int attempts, Duration firstBackoff) {
            return new Settings(url, label, builtIn, basicAuth, kamuSm, timeout, attempts, firstBackoff, trustAnchors);
        }

        /** When set, a stamp whose TSA certificate does not lead to one of these is refused. */
        public Settings withTrustAnchors(List<X509Certificate> anchors) {
            return new Settings(url, label, builtIn, basicAuth, kamuSm, timeout, maxAttempts, initialBackoff, anchors);
        }

        @Override
        public String toString() {
            return "TSA " + url + " (" + label + ")";
        }
    }

    public record BasicAuth(String user, String password) {
        @Override
        public String toString() {
            return "BasicAuth[" + user + "]";
        }
    }

    public record KamuSmAccount(long customerNumber, String password) {
        @Override
        public String toString() {
            return "KamuSmAccount[" + customerNumber + "]";
        }
    }

    private final Settings settings;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    public TimeStampClient(Settings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public TimeStampReply timeStamp(byte[] data) throws TimeStampException {
        byte[] digest = Sha256.digest(data);
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, digest, new BigInteger(64, random));
        HttpRequest httpRequest = httpRequest(request, digest);
        Duration backoff = settings.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return send(httpRequest, request);
            } catch (TransientFailure failure) {
                if (attempt >= settings.maxAttempts()) {
                    throw new TimeStampException(settings + " failed " + attempt + " times; last: "
                            + failure.getMessage(), failure.getCause());
                }
                LOG.warn("{}: attempt {} failed ({}), retrying in {} ms", settings, attempt, failure.getMessage(),
                        backoff.toMillis());
                pause(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    @Override
    public String label() {
        return settings.label();
    }

    @Override
    public boolean isBuiltIn() {
        return settings.builtIn();
    }

    @Override
    public void close() {
        http.close();
    }

    private HttpRequest httpRequest(TimeStampRequest request, byte[] digest) throws TimeStampException {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(settings.url())
                    .timeout(settings.timeout())
                    .header("Content-Type", BuiltInTsa.QUERY_TYPE)
                    .header("Accept", BuiltInTsa.REPLY_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()));
            settings.basicAuth().ifPresent(auth -> builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((auth.user() + ":" + auth.password()).getBytes(StandardCharsets.UTF_8))));
            settings.kamuSm().ifPresent(account -> builder.header(KamuSmIdentity.HEADER,
                    KamuSmIdentity.header(account.customerNumber(), account.password(), digest)));
            return builder.build();
        } catch (IOException e) {
            throw new TimeStampException("cannot encode the time-stamp request", e);
        }
    }

    private TimeStampReply send(HttpRequest httpRequest, TimeStampRequest request)
            throws TimeStampException, TransientFailure {
        HttpResponse<byte[]> response;
        try {
            response = http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new TransientFailure(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeStampException("interrupted while waiting for " + settings, e);
        }
        int status = response.statusCode();
        if (status >= 500 || status == 429) {
            throw new TransientFailure("HTTP " + status + errorText(response.body()), null);
        }
        if (status != 200) {
            throw new TimeStampException(settings + " answered HTTP " + status + errorText(response.body()));
        }
        return check(request, response.body());
    }

    private TimeStampReply check(TimeStampRequest request, byte[] body) throws TimeStampException {
        TimeStampResponse response;
        try {
            response = new TimeStampResponse(body);
        } catch (TSPException | IOException | RuntimeException e) {
            throw new TimeStampException(settings + " did not answer with a time-stamp response"
                    + errorText(body), e);
        }
        if (response.getStatus() != PKIStatus.GRANTED && response.getStatus() != PKIStatus.GRANTED_WITH_MODS) {
            throw new TimeStampException(settings + " refused the request: status " + response.getStatus()
                    + (response.getStatusString() == null ? "" : " (" + response.getStatusString() + ")")
                    + (response.getFailInfo() == null ? "" : ", failure info " + response.getFailInfo().intValue()));
        }
        try {
            // nonce, imprint, and the certificate we asked for
            response.validate(request);
        } catch (TSPException e) {
            throw new TimeStampException(settings + " sent a time stamp that does not answer our request: "
                    + e.getMessage(), e);
        }
        TimeStampToken token = response.getTimeStampToken();
        X509Certificate tsaCertificate = TimeStampTokenCheck.checkSignature(token);
        if (!settings.trustAnchors().isEmpty()) {
            Optional<String> distrust = TimeStampTokenCheck.checkTrusted(token, tsaCertificate, settings.trustAnchors());
            if (distrust.isPresent()) {
                throw new TimeStampException(settings + " is not trusted: " + distrust.get());
            }
        }
        return new TimeStampReply(body, token);
    }

    /** The readable text in an error body (plain text, HTML, or strings inside an ASN.1 structure). */
    static String errorText(byte[] body) {
        String decoded = new String(body, StandardCharsets.UTF_8).replaceAll("<[^>]{0,200}>", " ");
        List<String> pieces = new ArrayList<>();
        Matcher matcher = READABLE_TEXT.matcher(decoded);
        while (matcher.find()) {
            String piece = matcher.group().strip();
            if (!piece.isEmpty()) {
                pieces.add(piece);
            }
        }
        if (pieces.isEmpty()) {
            return "";
        }
        String text = String.join(" / ", pieces);
        return ": " + (text.length() > MAX_ERROR_TEXT ? text.substring(0, MAX_ERROR_TEXT) + "..." : text);
    }

    private void pause(Duration backoff) throws TimeStampException {
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeStampException("interrupted while waiting to retry " + settings, e);
        }
    }

    /** A failure worth another attempt: the network, or the TSA saying it is overloaded. */
    private static final class TransientFailure extends Exception {
        TransientFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
