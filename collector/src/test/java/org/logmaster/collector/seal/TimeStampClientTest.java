package org.logmaster.collector.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The client against real HTTP servers on loopback: the built-in TSA, and small fronts before it
 * that misbehave the ways real TSAs do.
 */
class TimeStampClientTest {
    private static final byte[] DATA = "a day's signature".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path root;
    private BuiltInTsa tsa;
    private final List<HttpServer> fronts = new ArrayList<>();
    private final List<TimeStampClient> clients = new ArrayList<>();
    private final List<Headers> seenHeaders = new CopyOnWriteArrayList<>();

    /** What a front does with one request: answers it, given the request body. */
    interface Behaviour {
        void answer(HttpExchange exchange, byte[] request) throws Exception;
    }

    @BeforeEach
    void startTsa() throws IOException {
        tsa = BuiltInTsa.loadOrCreate(root.resolve("tsa"), SealLab.PASSWORD);
        tsa.start(0);
    }

    @AfterEach
    void stopAll() {
        clients.forEach(TimeStampClient::close);
        fronts.forEach(server -> server.stop(0));
        tsa.close();
    }

    @Test
    void aGrantedStampCoversTheSha256OfTheData() throws Exception {
        TimeStampReply reply = client(TimeStampClient.Settings.forUrl(tsa.uri())).timeStamp(DATA);

        assertThat(reply.token().getTimeStampInfo().getMessageImprintDigest()).isEqualTo(Sha256.digest(DATA));
        assertThat(reply.token().getTimeStampInfo().getMessageImprintAlgOID()).isEqualTo(TSPAlgorithms.SHA256);
        assertThat(reply.token().getTimeStampInfo().getNonce()).isNotNull();
        assertThat(reply.token().getCertificates().getMatches(null)).isNotEmpty();
    }

    @Test
    void anOverloadedTsaIsRetriedUntilItAnswers() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        URI front = front((exchange, request) -> {
            if (calls.incrementAndGet() <= 2) {
                reply(exchange, 503, "busy".getBytes());
            } else {
                reply(exchange, 200, tsa.respond(request));
            }
        });

        TimeStampReply reply = client(TimeStampClient.Settings.forUrl(front).withRetries(3, Duration.ofMillis(5)))
                .timeStamp(DATA);

        assertThat(calls.get()).isEqualTo(3);
        assertThat(reply.token().getTimeStampInfo().getMessageImprintDigest()).isEqualTo(Sha256.digest(DATA));
    }

    @Test
    void itGivesUpAfterTheConfiguredAttempts() {
        AtomicInteger calls = new AtomicInteger();
        URI front = front((exchange, request) -> {
            calls.incrementAndGet();
            reply(exchange, 503, "busy".getBytes());
        });

        assertThatThrownBy(() -> client(TimeStampClient.Settings.forUrl(front).withRetries(3, Duration.ofMillis(5)))
                .timeStamp(DATA))
                .isInstanceOf(TimeStampException.class).hasMessageContaining("failed 3 times").hasMessageContaining("503");
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void anUnreachableTsaIsAnErrorAfterRetries() throws IOException {
        int port;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }

        assertThatThrownBy(() -> client(TimeStampClient.Settings.forUrl(URI.create("http://127.0.0.1:" + port + "/"))
                .withRetries(2, Duration.ofMillis(5))).timeStamp(DATA))
                .isInstanceOf(TimeStampException.class).hasMessageContaining("failed 2 times");
    }

    @Test
    void basicCredentialsAreSent() throws Exception {
        URI front = front((exchange, request) -> reply(exchange, 200, tsa.respond(request)));

        client(TimeStampClient.Settings.forUrl(front).withBasicAuth("lab", "pa:ss")).timeStamp(DATA);

        String authorization = seenHeaders.getFirst().getFirst("Authorization");
        assertThat(new String(Base64.getDecoder().decode(authorization.substring("Basic ".length())),
                StandardCharsets.UTF_8)).isEqualTo("lab:pa:ss");
    }

    @Test
    void anErrorTextInsideHttp200IsAnError() {
        URI front = front((exchange, request) -> reply(exchange, 200,
                "User 999 is not known".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> client(TimeStampClient.Settings.forUrl(front)).timeStamp(DATA))
                .isInstanceOf(TimeStampException.class).hasMessageContaining("User 999 is not known");
    }

    @Test
    void aStampForAnotherRequestIsRefused() throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        byte[] otherReply = tsa.respond(generator.generate(TSPAlgorithms.SHA256, Sha256.digest("other".getBytes()),
                java.math.BigInteger.TEN).getEncoded());
        URI front = front((exchange, request) -> reply(exchange, 200, otherReply));

        assertThatThrownBy(() -> client(TimeStampClient.Settings.forUrl(front)).timeStamp(DATA))
                .isInstanceOf(TimeStampException.class).hasMessageContaining("does not answer our request");
    }

    @Test
    void aRefusalIsReportedWithItsStatus() {
        URI front = front((exchange, request) -> reply(exchange, 200, tsa.respond("junk".getBytes())));

        assertThatThrownBy(() -> client(TimeStampClient.Settings.forUrl(front)).timeStamp(DATA))
                .isInstanceOf(TimeStampException.class).hasMessageContaining("refused").hasMessageContaining("status 2");
    }

    @Test
    void aStampFromAnUntrustedTsaIsRefused() throws IOException {
        BuiltInTsa stranger = BuiltInTsa.loadOrCreate(root.resolve("stranger"), SealLab.PASSWORD);

        assertThatThrownBy(() -> client(TimeStampClient.Settings.forUrl(tsa.uri())
                .withTrustAnchors(List.of(stranger.rootCertificate()))).timeStamp(DATA))
                .isInstanceOf(TimeStampException.class).hasMessageContaining("not trusted");
    }

    @Test
    void kamuSmCustomersSendAnIdentityHeaderThatDecryptsToTheImprint() throws Exception {
        URI front = front((exchange, request) -> reply(exchange, 200, tsa.respond(request)));

        client(TimeStampClient.Settings.forUrl(front).withKamuSm(4242, "kamu-parola")).timeStamp(DATA);

        String identity = seenHeaders.getFirst().getFirst(KamuSmIdentity.HEADER);
        KamuSmIdentityTest.Decoded decoded = KamuSmIdentityTest.decode(identity, "kamu-parola");
        assertThat(decoded.customerNumber()).isEqualTo(4242);
        assertThat(decoded.imprint()).isEqualTo(Sha256.digest(DATA));
    }

    private TimeStampClient client(TimeStampClient.Settings settings) {
        TimeStampClient client = new TimeStampClient(settings.withTimeout(Duration.ofSeconds(20)));
        clients.add(client);
        return client;
    }

    private URI front(Behaviour behaviour) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try (exchange; InputStream in = exchange.getRequestBody()) {
                    seenHeaders.add(exchange.getRequestHeaders());
                    behaviour.answer(exchange, in.readAllBytes());
                } catch (Exception e) {
                    throw new IOException(e);
                }
            });
            server.start();
            fronts.add(server);
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
