package org.logmaster.collector.api;

import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;
import org.logmaster.api.v1.ComplianceServiceGrpc;
import org.logmaster.api.v1.ComplianceStatusRequest;
import org.logmaster.api.v1.ComplianceStatusResponse;
import org.logmaster.api.v1.ComplianceVerifyRequest;
import org.logmaster.api.v1.ComplianceVerifyResponse;
import org.logmaster.collector.compliance.ComplianceStatus;
import org.logmaster.collector.compliance.DayStatus;
import org.logmaster.collector.compliance.OnDemandVerification;
import org.logmaster.collector.compliance.SealRecords;
import org.logmaster.collector.seal.BuiltInTsa;
import org.logmaster.collector.seal.DayVerification;

/** ComplianceService over {@link ComplianceStatus} and {@link OnDemandVerification}. */
public final class ComplianceGrpcService extends ComplianceServiceGrpc.ComplianceServiceImplBase {
    private final ComplianceStatus status;
    private final OnDemandVerification verification;
    private final SealRecords records;
    private final ZoneId zone;

    public ComplianceGrpcService(ComplianceStatus status, OnDemandVerification verification, SealRecords records,
                                 ZoneId zone) {
        this.status = status;
        this.verification = verification;
        this.records = records;
        this.zone = zone;
    }

    @Override
    public void status(ComplianceStatusRequest request, StreamObserver<ComplianceStatusResponse> response) {
        List<DayStatus> days;
        try {
            days = status.status(ComplianceMapping.devices(request.getDeviceIdsList()),
                    ComplianceMapping.day(request.getFromDay(), "from_day"),
                    ComplianceMapping.day(request.getToDay(), "to_day"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ComplianceStatusResponse.Builder b = ComplianceStatusResponse.newBuilder()
                .setBuiltinTsaLabel(BuiltInTsa.LABEL).setTimeZone(zone.getId());
        days.forEach(day -> b.addDays(ComplianceMapping.status(day)));
        response.onNext(b.build());
        response.onCompleted();
    }

    @Override
    public void verify(ComplianceVerifyRequest request, StreamObserver<ComplianceVerifyResponse> response) {
        CallContext.audit().target(String.join(",", request.getDeviceIdsList()));
        List<DayVerification> days;
        try {
            days = verification.verify(ComplianceMapping.devices(request.getDeviceIdsList()),
                    ComplianceMapping.day(request.getFromDay(), "from_day"),
                    ComplianceMapping.day(request.getToDay(), "to_day"), records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ComplianceVerifyResponse.Builder b = ComplianceVerifyResponse.newBuilder()
                .setBuiltinTsaLabel(BuiltInTsa.LABEL)
                .setOk(days.stream().allMatch(DayVerification::ok));
        days.forEach(day -> b.addDays(ComplianceMapping.verification(day)));
        days.stream().filter(day -> !day.ok()).findFirst().ifPresent(day ->
                b.setFirstProblem(day.device() + " " + day.day() + " " + day.problems().getFirst()));
        response.onNext(b.build());
        response.onCompleted();
    }
}
