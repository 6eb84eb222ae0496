package org.logmaster.console.client.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.logmaster.api.v1.ComplianceServiceGrpc.ComplianceServiceBlockingStub;
import org.logmaster.api.v1.ComplianceStatusRequest;
import org.logmaster.api.v1.ComplianceStatusResponse;
import org.logmaster.api.v1.ComplianceVerifyRequest;
import org.logmaster.api.v1.ComplianceVerifyResponse;
import org.logmaster.console.client.ComplianceRecords;

/** {@link ComplianceRecords} over {@code logmaster.v1.ComplianceService}; days go as yyyy-MM-dd. */
final class GrpcComplianceRecords implements ComplianceRecords {

    private final Supplier<ComplianceServiceBlockingStub> stub;

    /** @param stub a fresh stub with the session's token and a deadline, per call */
    GrpcComplianceRecords(Supplier<ComplianceServiceBlockingStub> stub) {
        this.stub = stub;
    }

    @Override
    public ComplianceStatusResponse complianceStatus(LocalDate from, LocalDate to, List<String> devices) {
        ComplianceStatusRequest request = ComplianceStatusRequest.newBuilder().addAllDeviceIds(devices)
                .setFromDay(from.toString()).setToDay(to.toString()).build();
        return GrpcCalls.call(() -> stub.get().status(request));
    }

    @Override
    public ComplianceVerifyResponse verify(String device, LocalDate day) {
        ComplianceVerifyRequest request = ComplianceVerifyRequest.newBuilder().addDeviceIds(device)
                .setFromDay(day.toString()).setToDay(day.toString()).build();
        return GrpcCalls.call(() -> stub.get().verify(request));
    }
}
