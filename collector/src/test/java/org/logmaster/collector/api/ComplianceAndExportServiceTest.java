package org.logmaster.collector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.logmaster.collector.apitest.ApiServer.withToken;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.api.v1.ComplianceServiceGrpc;
import org.logmaster.api.v1.ComplianceStatusRequest;
import org.logmaster.api.v1.ComplianceStatusResponse;
import org.logmaster.api.v1.ComplianceVerifyRequest;
import org.logmaster.api.v1.ComplianceVerifyResponse;
import org.logmaster.api.v1.DayState;
import org.logmaster.api.v1.ExportBundleChunk;
import org.logmaster.api.v1.ExportBundleRequest;
import org.logmaster.api.v1.ExportServiceGrpc;
import org.logmaster.api.v1.SealProblemKind;
import org.logmaster.api.v1.VerificationState;
import org.logmaster.collector.apitest.ApiServer;
import org.logmaster.collector.audit.AuditEntry;
import org.logmaster.collector.audit.AuditQuery;
import org.logmaster.collector.compliance.ComplianceStatus;
import org.logmaster.collector.compliance.DayLogs;
import org.logmaster.collector.compliance.OnDemandVerification;
import org.logmaster.collector.compliance.SealRecords;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.export.EvidenceBundle;
import org.logmaster.collector.index.EventSearch;
import org.logmaster.collector.seal.BuiltInTsa;
import org.logmaster.collector.seal.SealEnvironment;

/** ComplianceService and ExportService through the real gRPC server, access interceptor and audit trail. */
class ComplianceAndExportServiceTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");
    private static final DeviceId FW = new DeviceId("fw-01");
    @TempDir
    Path root;
    private Path data;
    private SealEnvironment seals;
    private ApiServer api;
    private final LocalDate sealedDay = LocalDate.now(ZONE).minusDays(2);
    private final LocalDate unsealedDay = LocalDate.now(ZONE).minusDays(1);

    @BeforeEach
    void start() throws Exception {
        data = root.resolve("data");
        seals = SealEnvironment.withBuiltInTsa(root.resolve("keys"), "pw".toCharArray(), "test");
        DayLogs.write(data, FW.value(), sealedDay, 4);
        DayLogs.write(data, FW.value(), unsealedDay, 2);
        seals.sealer(Clock.systemUTC()).sealDay(data, FW, sealedDay, ZONE);
        api = ApiServer.plaintextWith(db -> {
            SealRecords records = new SealRecords(db.dsl());
            try {
                return List.of(
                        new ComplianceGrpcService(new ComplianceStatus(data, ZONE, records, Duration.ofHours(1),
                                Clock.systemUTC()), new OnDemandVerification(data, ZONE, seals.verifier(),
                                Clock.systemUTC()), records, ZONE),
                        new ExportGrpcService(new EvidenceBundle(data, ZONE, seals, new EventSearch(db.index()),
                                Clock.systemUTC()), seals.tsa().label(), seals.tsa().isBuiltIn()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
        seals.close();
    }

    private ComplianceServiceGrpc.ComplianceServiceBlockingStub compliance(String user) throws Exception {
        return withToken(ComplianceServiceGrpc.newBlockingStub(api.channel()), api.login(user));
    }

    private ExportServiceGrpc.ExportServiceBlockingStub export(String user) throws Exception {
        return withToken(ExportServiceGrpc.newBlockingStub(api.channel()), api.login(user));
    }

    private ExportBundleRequest bundleRequest() {
        return ExportBundleRequest.newBuilder().setCaseNumber("2026/55").setRequester("court").setReason("test")
                .setFrom(ProtoMapping.timestamp(sealedDay.atStartOfDay(ZONE).toInstant()))
                .setTo(ProtoMapping.timestamp(unsealedDay.plusDays(1).atStartOfDay(ZONE).toInstant())).build();
    }

    @Test
    void statusShowsEachDayWithItsSealFactsAndTheBuiltInLabel() throws Exception {
        ComplianceStatusResponse status = compliance("viewer").status(ComplianceStatusRequest.getDefaultInstance());
        assertThat(status.getDaysList()).hasSize(2);
        var sealed = status.getDays(0);
        assertThat(sealed.getDay()).isEqualTo(sealedDay.toString());
        assertThat(sealed.getState()).isEqualTo(DayState.DAY_STATE_SEALED);
        assertThat(sealed.getTimeStamped()).isTrue();
        assertThat(sealed.getBuiltinTsa()).isTrue();
        assertThat(sealed.getLineCount()).isEqualTo(4);
        assertThat(sealed.getSignerFingerprint()).isEqualTo(seals.key().fingerprint());
        assertThat(sealed.hasTsaTime()).isTrue();
        assertThat(status.getDays(1).getState()).isEqualTo(DayState.DAY_STATE_UNSEALED);
        assertThat(status.getBuiltinTsaLabel()).isEqualTo(BuiltInTsa.LABEL);
    }

    @Test
    void verifyNamesAChangedByteAndStatusRemembersIt() throws Exception {
        try (RandomAccessFile file = new RandomAccessFile(data.resolve("logs/fw-01/" + sealedDay + ".log").toFile(), "rw")) {
            file.seek(10);
            int b = file.read();
            file.seek(10);
            file.write(b ^ 1);
        }
        ComplianceVerifyResponse verified = compliance("auditor").verify(ComplianceVerifyRequest.newBuilder()
                .setFromDay(sealedDay.toString()).setToDay(sealedDay.toString()).build());
        assertThat(verified.getOk()).isFalse();
        assertThat(verified.getDays(0).getProblemsList()).extracting(p -> p.getKind())
                .contains(SealProblemKind.SEAL_PROBLEM_KIND_CHANGED);
        assertThat(verified.getFirstProblem()).contains("fw-01 " + sealedDay + " CHANGED");
        var status = compliance("viewer").status(ComplianceStatusRequest.newBuilder()
                .setFromDay(sealedDay.toString()).setToDay(sealedDay.toString()).build()).getDays(0);
        assertThat(status.getVerification()).isEqualTo(VerificationState.VERIFICATION_STATE_FAILED);
        assertThat(status.getProblem()).startsWith("CHANGED");
    }

    @Test
    void aBadDayIsAnInvalidArgument() {
        assertThatThrownBy(() -> compliance("viewer").status(ComplianceStatusRequest.newBuilder().setFromDay("28.11.2026").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void anAuditorReceivesTheBundleInChunksAndTheExportIsAudited() throws Exception {
        Path zip = root.resolve("bundle.zip");
        ExportBundleChunk last = null;
        long bytes = 0;
        try (OutputStream out = Files.newOutputStream(zip)) {
            for (Iterator<ExportBundleChunk> chunks = export("auditor").export(bundleRequest()); chunks.hasNext(); ) {
                last = chunks.next();
                last.getData().writeTo(out);
                bytes += last.getData().size();
            }
        }
        assertThat(last).isNotNull();
        assertThat(last.hasSummary()).isTrue();
        assertThat(last.getSummary().getSize()).isEqualTo(bytes).isEqualTo(Files.size(zip));
        assertThat(last.getSummary().getDays()).isEqualTo(2);
        assertThat(last.getSummary().getBuiltinTsa()).isTrue();
        Path folder = Files.createDirectories(root.resolve("unzipped"));
        assertThat(new ProcessBuilder("unzip", "-q", zip.toString()).directory(folder.toFile()).start().waitFor()).isZero();
        Process cms = new ProcessBuilder("openssl", "cms", "-verify", "-binary", "-content", "manifest.json", "-in",
                "META-INF/signature.p7s", "-inform", "DER", "-CAfile", "certificates/appliance.pem", "-purpose", "any",
                "-out", "/dev/null").directory(folder.toFile()).redirectErrorStream(true).start();
        assertThat(cms.waitFor()).isZero();
        List<AuditEntry> entries = api.audit.query(new AuditQuery(null, null, "auditor", "ExportService/Export", 0, 10));
        // a streaming call is audited when it starts and when it ends
        assertThat(entries).extracting(AuditEntry::outcome).containsExactly("STARTED", "OK");
        assertThat(entries.getLast().target()).isEqualTo("2026/55");
        assertThat(entries.getLast().details()).contains("requester: \"court\"");
    }

    @Test
    void aClientThatCancelsStopsTheExportAndTheAuditSaysSo() throws Exception {
        // incompressible content: the zip is far larger than what flow control lets the server send ahead
        LocalDate day = sealedDay.minusDays(1);
        Path big = data.resolve("logs/big-01/" + day + ".log");
        Files.createDirectories(big.getParent());
        java.util.Random random = new java.util.Random(1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 120_000; i++) {
            text.append(day).append("T10:00:00.000Z 192.0.2.9 ").append(Long.toHexString(random.nextLong()))
                    .append(Long.toHexString(random.nextLong())).append(Long.toHexString(random.nextLong())).append('\n');
        }
        Files.writeString(big, text);
        var stub = export("auditor");
        io.grpc.Context.CancellableContext call = io.grpc.Context.current().withCancellation();
        long received = call.call(() -> {
            Iterator<ExportBundleChunk> chunks = stub.export(bundleRequest().toBuilder()
                    .setFrom(ProtoMapping.timestamp(day.atStartOfDay(ZONE).toInstant())).build());
            long size = chunks.next().getData().size();
            call.cancel(null);
            return size;
        });
        assertThat(received).isPositive();
        List<AuditEntry> entries = List.of();
        for (int i = 0; i < 100 && entries.size() < 2; i++) {
            Thread.sleep(100);
            entries = api.audit.query(new AuditQuery(null, null, "auditor", "ExportService/Export", 0, 10));
        }
        assertThat(entries).extracting(AuditEntry::outcome).hasSize(2).doesNotContain("OK");
    }

    @Test
    void aViewerMayNotExport() {
        assertThatThrownBy(() -> export("viewer").export(bundleRequest()).hasNext())
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
    }

    @Test
    void anExportWithoutACaseNumberIsAnInvalidArgument() {
        assertThatThrownBy(() -> export("admin").export(bundleRequest().toBuilder().clearCaseNumber().build()).hasNext())
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void everyComplianceAndExportMethodHasAPolicy() {
        for (var service : List.of(ComplianceServiceGrpc.getServiceDescriptor(), ExportServiceGrpc.getServiceDescriptor())) {
            for (var method : service.getMethods()) {
                assertThat(MethodPolicies.standard().find(method.getFullMethodName())).as(method.getFullMethodName())
                        .isPresent();
            }
        }
    }
}
