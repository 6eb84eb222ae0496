package org.logmaster.collector.it;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.X509TrustManager;
import org.logmaster.api.v1.AdminServiceGrpc;
import org.logmaster.api.v1.AttributionServiceGrpc;
import org.logmaster.api.v1.AlertServiceGrpc;
import org.logmaster.api.v1.AuthServiceGrpc;
import org.logmaster.api.v1.DeviceServiceGrpc;
import org.logmaster.api.v1.LogServiceGrpc;
import org.logmaster.api.v1.LoginRequest;
import org.logmaster.api.v1.TailRequest;

/**
 * A gRPC client of the running collector as a script would write it: TLS trusting exactly the
 * certificate whose SHA-256 fingerprint the collector printed (trust on first use), a login, and
 * the session token sent with every call.
 */
final class ApiClient implements AutoCloseable {
    private final ManagedChannel channel;
    private String token;

    private ApiClient(ManagedChannel channel) {
        this.channel = channel;
    }

    static ApiClient connect(int port, String fingerprint) {
        ChannelCredentials credentials = TlsChannelCredentials.newBuilder().trustManager(new PinnedCertificate(fingerprint)).build();
        return new ApiClient(Grpc.newChannelBuilderForAddress("127.0.0.1", port, credentials).build());
    }

    ApiClient login(String username, String password) {
        token = AuthServiceGrpc.newBlockingStub(channel)
                .login(LoginRequest.newBuilder().setUsername(username).setPassword(password).build())
                .getSessionToken();
        return this;
    }

    ManagedChannel channel() {
        return channel;
    }

    LogServiceGrpc.LogServiceBlockingStub logs() {
        return authed(LogServiceGrpc.newBlockingStub(channel));
    }

    DeviceServiceGrpc.DeviceServiceBlockingStub devices() {
        return authed(DeviceServiceGrpc.newBlockingStub(channel));
    }

    AttributionServiceGrpc.AttributionServiceBlockingStub attribution() {
        return authed(AttributionServiceGrpc.newBlockingStub(channel));
    }

    AdminServiceGrpc.AdminServiceBlockingStub admin() {
        return authed(AdminServiceGrpc.newBlockingStub(channel));
    }

    AlertServiceGrpc.AlertServiceBlockingStub alerts() {
        return authed(AlertServiceGrpc.newBlockingStub(channel));
    }

    AlertServiceGrpc.AlertServiceStub alertsAsync() {
        return authed(AlertServiceGrpc.newStub(channel));
    }

    /** Starts a Tail; {@code reading} false: the client reads one item, then nothing until told ({@link TailClient#read}). */
    TailClient tail(TailRequest request, boolean reading) {
        TailClient client = new TailClient(reading);
        authed(LogServiceGrpc.newStub(channel)).tail(request, client);
        return client;
    }

    private <S extends AbstractStub<S>> S authed(S stub) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Trusts the one certificate with the expected fingerprint (colons and case do not matter). */
    private record PinnedCertificate(String fingerprint) implements X509TrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            String actual;
            try {
                actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded()));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new CertificateException(e);
            }
            if (!actual.equalsIgnoreCase(fingerprint.replace(":", ""))) {
                throw new CertificateException("certificate fingerprint " + actual + " is not the pinned " + fingerprint);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a client never trusts clients");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
