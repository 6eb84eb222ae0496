package org.logmaster.collector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.logmaster.api.v1.AuthServiceGrpc;
import org.logmaster.collector.apitest.ApiServer;
import org.logmaster.collector.audit.AuditQuery;

/** Hostile bytes at the gRPC port must not hurt the server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrpcRobustnessTest {
    private ApiServer tls;
    private ApiServer plaintext;

    @BeforeAll
    void start() throws Exception {
        tls = ApiServer.tls();
        plaintext = ApiServer.plaintext();
    }

    @AfterAll
    void stop() throws Exception {
        tls.close();
        plaintext.close();
    }

    private static boolean serving(ManagedChannel channel) {
        return HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance()).getStatus()
                == HealthCheckResponse.ServingStatus.SERVING;
    }

    private static void sendAndDrain(int port, byte[] bytes) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(bytes);
                out.flush();
                socket.shutdownOutput();
                InputStream in = socket.getInputStream();
                while (in.read(new byte[4096]) >= 0) {
                    // read until the server closes the connection
                }
            } catch (IOException closedByServer) {
                // the server may reset the connection while we still write: that is its right
            }
        }
    }

    @Test
    void garbageBytesAtTheTlsPortLeaveItServing() throws Exception {
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        for (int i = 0; i < 5; i++) {
            sendAndDrain(tls.port(), garbage);
        }
        assertThat(serving(tls.channel())).isTrue();
    }

    @Test
    void aTruncatedTlsHandshakeLeavesItServing() throws Exception {
        byte[] clientHelloStart = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03};
        sendAndDrain(tls.port(), clientHelloStart);
        assertThat(serving(tls.channel())).isTrue();
    }

    @Test
    void garbageAfterTheHttp2PrefaceLeavesItServing() throws Exception {
        byte[] preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] garbage = new byte[16 * 1024];
        new Random(11).nextBytes(garbage);
        byte[] both = new byte[preface.length + garbage.length];
        System.arraycopy(preface, 0, both, 0, preface.length);
        System.arraycopy(garbage, 0, both, preface.length, garbage.length);
        sendAndDrain(plaintext.port(), both);
        sendAndDrain(plaintext.port(), "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(serving(plaintext.channel())).isTrue();
    }

    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override public InputStream stream(byte[] value) { return new ByteArrayInputStream(value); }

        @Override public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    };

    private static byte[] rawLogin(ManagedChannel channel, byte[] request) {
        MethodDescriptor<byte[], byte[]> login = MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(AuthServiceGrpc.getLoginMethod().getFullMethodName())
                .setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();
        return ClientCalls.blockingUnaryCall(channel, login, CallOptions.DEFAULT, request);
    }

    @Test
    void aMalformedProtobufMessageIsRefusedAndTheServerKeepsServing() throws Exception {
        ManagedChannel channel = tls.channel();
        byte[] malformed = {(byte) 0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x0f, 1, 2};
        // gRPC refuses it before any application code runs (UNKNOWN "Application error processing RPC")
        assertThatThrownBy(() -> rawLogin(channel, malformed))
                .isInstanceOf(StatusRuntimeException.class)
                .extracting(e -> ((StatusRuntimeException) e).getStatus().getCode()).isNotEqualTo(Status.Code.OK);
        assertThat(serving(channel)).isTrue();
        // the refusal reaches the server's listener as a cancellation, possibly after the client saw it
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (tls.audit.query(new AuditQuery(null, null, null, "AuthService/Login", 0, 100)).isEmpty()
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(tls.audit.query(new AuditQuery(null, null, null, "AuthService/Login", 0, 100)))
                .anySatisfy(e -> assertThat(e.outcome()).isNotEqualTo("OK"));
    }

    @Test
    void anOversizedMessageIsRefusedAsResourceExhausted() throws Exception {
        ManagedChannel channel = tls.channel();
        byte[] huge = new byte[GrpcServer.DEFAULT_MAX_INBOUND_MESSAGE_BYTES + 1024];
        assertThatThrownBy(() -> rawLogin(channel, huge))
                .isInstanceOf(StatusRuntimeException.class)
                .extracting(e -> ((StatusRuntimeException) e).getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(serving(channel)).isTrue();
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateCannotConnect() throws Exception {
        ApiServer other = ApiServer.tls();
        try {
            ManagedChannel wrongTrust = io.grpc.Grpc.newChannelBuilderForAddress("localhost", tls.port(),
                    io.grpc.TlsChannelCredentials.newBuilder()
                            .trustManager(new ByteArrayInputStream(other.certificates().pem().getBytes(StandardCharsets.US_ASCII)))
                            .build()).build();
            try {
                assertThatThrownBy(() -> serving(wrongTrust))
                        .extracting(e -> ((StatusRuntimeException) e).getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
            } finally {
                wrongTrust.shutdownNow();
            }
        } finally {
            other.close();
        }
    }
}
