package org.logmaster.collector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.logmaster.collector.apitest.ApiServer.withToken;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.api.v1.AttributionServiceGrpc;
import org.logmaster.api.v1.FindingKind;
import org.logmaster.api.v1.SealStatus;
import org.logmaster.api.v1.WhoHadRequest;
import org.logmaster.api.v1.WhoHadResponse;
import org.logmaster.collector.apitest.ApiServer;
import org.logmaster.collector.attribution.AttributionRecorder;
import org.logmaster.collector.attribution.EvidenceLines;
import org.logmaster.collector.attribution.InMemoryAttributionStore;
import org.logmaster.collector.attribution.StaticAssignment;
import org.logmaster.collector.attribution.WhoHadQuery;
import org.logmaster.collector.audit.AuditQuery;
import org.logmaster.collector.store.DailyFileLayout;

/** AttributionService behind the real gate, over a real loopback connection. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttributionServiceTest {
    private static final Instant AT = Instant.parse("2026-11-28T09:00:00Z");

    private ApiServer api;
    private GrpcServer server;
    private ManagedChannel channel;

    @BeforeAll
    void start(@TempDir Path data) throws Exception {
        api = ApiServer.plaintext();
        InMemoryAttributionStore store = new InMemoryAttributionStore();
        new AttributionRecorder(store).register(new StaticAssignment("10.0.0.10", "00:11:22:33:44:55", "printer",
                Instant.parse("2026-01-01T00:00:00Z"), null, "test"));
        server = GrpcServer.builder()
                .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .plaintext()
                .access(new AccessInterceptor(api.authenticator, MethodPolicies.standard(), api.audit))
                .addService(new AttributionGrpcService(new WhoHadQuery(store, new EvidenceLines(new DailyFileLayout(data, ZoneOffset.UTC)))))
                .start();
        channel = Grpc.newChannelBuilderForAddress("localhost", server.port(), InsecureChannelCredentials.create()).build();
    }

    @AfterAll
    void stop() throws Exception {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.close();
        api.close();
    }

    private AttributionServiceGrpc.AttributionServiceBlockingStub as(String user) throws Exception {
        return withToken(AttributionServiceGrpc.newBlockingStub(channel), api.login(user));
    }

    private static WhoHadRequest ask(String ip) {
        return WhoHadRequest.newBuilder().setIp(ip).setAt(ProtoMapping.timestamp(AT)).build();
    }

    private static Status.Code codeOf(Throwable e) {
        return ((StatusRuntimeException) e).getStatus().getCode();
    }

    @Test
    void anAuditorLearnsTheRegisteredDeviceAndTheCallIsAuditedWithTheAddress() throws Exception {
        WhoHadResponse response = as("auditor").whoHad(ask("10.0.0.10"));

        assertThat(response.getCandidatesList()).singleElement().satisfies(c -> {
            assertThat(c.getMac()).isEqualTo("00:11:22:33:44:55");
            assertThat(c.getLabel()).isEqualTo("printer");
            assertThat(c.getEvidence(0).getSeal()).isEqualTo(SealStatus.SEAL_STATUS_NOT_A_LINE);
        });
        assertThat(api.audit.query(new AuditQuery(null, null, null, "AttributionService/WhoHad", 0, 100)))
                .anySatisfy(e -> {
                    assertThat(e.username()).isEqualTo("auditor");
                    assertThat(e.target()).isEqualTo("10.0.0.10");
                });
    }

    @Test
    void anAddressWithoutRecordsHasNoCandidateAndSaysSo() throws Exception {
        WhoHadResponse response = as("admin").whoHad(ask("10.0.0.99"));

        assertThat(response.getCandidatesList()).isEmpty();
        assertThat(response.getFindingsList()).extracting(f -> f.getKind()).containsExactly(FindingKind.FINDING_KIND_NO_LEASE);
    }

    @Test
    void aViewerIsRefused() throws Exception {
        var viewer = as("viewer");

        assertThatThrownBy(() -> viewer.whoHad(ask("10.0.0.10"))).satisfies(e -> assertThat(codeOf(e)).isEqualTo(Status.Code.PERMISSION_DENIED));
    }

    @Test
    void aMissingTimeOrABadAddressOrPortIsAnInvalidArgument() throws Exception {
        var auditor = as("auditor");

        assertThatThrownBy(() -> auditor.whoHad(WhoHadRequest.newBuilder().setIp("10.0.0.10").build()))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(Status.Code.INVALID_ARGUMENT));
        assertThatThrownBy(() -> auditor.whoHad(ask("example.org")))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(Status.Code.INVALID_ARGUMENT));
        assertThatThrownBy(() -> auditor.whoHad(ask("10.0.0.10").toBuilder().setPort(70_000).build()))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }
}
