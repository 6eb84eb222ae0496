package org.logmaster.console.client.internal;

import java.util.List;
import java.util.function.Supplier;

import org.logmaster.api.v1.Device;
import org.logmaster.api.v1.DeviceServiceGrpc.DeviceServiceBlockingStub;
import org.logmaster.api.v1.ListDevicesRequest;
import org.logmaster.api.v1.ListUnknownSendersRequest;
import org.logmaster.api.v1.RegisterDeviceRequest;
import org.logmaster.api.v1.RetireDeviceRequest;
import org.logmaster.api.v1.UnknownSender;
import org.logmaster.api.v1.UpdateDeviceRequest;
import org.logmaster.console.client.DeviceRegistry;

/** {@link DeviceRegistry} over {@code logmaster.v1.DeviceService}. */
final class GrpcDeviceRegistry implements DeviceRegistry {

    private final Supplier<DeviceServiceBlockingStub> stub;

    /** @param stub a fresh stub with the session's token and a deadline, per call */
    GrpcDeviceRegistry(Supplier<DeviceServiceBlockingStub> stub) {
        this.stub = stub;
    }

    @Override
    public List<Device> list(boolean includeRetired) {
        return GrpcCalls.call(() -> stub.get()
                .list(ListDevicesRequest.newBuilder().setIncludeRetired(includeRetired).build()).getDevicesList());
    }

    @Override
    public List<UnknownSender> unknownSenders() {
        return GrpcCalls.call(() -> stub.get().listUnknownSenders(ListUnknownSendersRequest.getDefaultInstance())
                .getSendersList());
    }

    @Override
    public Device register(RegisterDeviceRequest request) {
        return GrpcCalls.call(() -> stub.get().register(request).getDevice());
    }

    @Override
    public Device update(UpdateDeviceRequest request) {
        return GrpcCalls.call(() -> stub.get().update(request).getDevice());
    }

    @Override
    public Device retire(String deviceId, String reason) {
        return GrpcCalls.call(() -> stub.get()
                .retire(RetireDeviceRequest.newBuilder().setId(deviceId).setReason(reason).build()).getDevice());
    }
}
