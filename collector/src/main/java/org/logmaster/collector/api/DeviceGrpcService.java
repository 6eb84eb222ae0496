package org.logmaster.collector.api;

import io.grpc.stub.StreamObserver;
import org.logmaster.api.v1.DeviceServiceGrpc;
import org.logmaster.api.v1.ListDevicesRequest;
import org.logmaster.api.v1.ListDevicesResponse;
import org.logmaster.api.v1.ListUnknownSendersRequest;
import org.logmaster.api.v1.ListUnknownSendersResponse;
import org.logmaster.api.v1.RegisterDeviceRequest;
import org.logmaster.api.v1.RegisterDeviceResponse;
import org.logmaster.api.v1.RetireDeviceRequest;
import org.logmaster.api.v1.RetireDeviceResponse;
import org.logmaster.api.v1.UpdateDeviceRequest;
import org.logmaster.api.v1.UpdateDeviceResponse;
import org.logmaster.collector.enrich.Device;
import org.logmaster.collector.enrich.DeviceDetails;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.enrich.DeviceRegistry;
import org.logmaster.collector.enrich.RegisteredDeviceResolver;

/** DeviceService over {@link DeviceRegistry} and the resolver's unknown senders. */
public final class DeviceGrpcService extends DeviceServiceGrpc.DeviceServiceImplBase {
    private final DeviceRegistry registry;
    private final RegisteredDeviceResolver resolver;

    public DeviceGrpcService(DeviceRegistry registry, RegisteredDeviceResolver resolver) {
        this.registry = registry;
        this.resolver = resolver;
    }

    @Override
    public void list(ListDevicesRequest request, StreamObserver<ListDevicesResponse> response) {
        ListDevicesResponse.Builder b = ListDevicesResponse.newBuilder();
        registry.list(request.getIncludeRetired()).forEach(d -> b.addDevices(ProtoMapping.device(d)));
        response.onNext(b.build());
        response.onCompleted();
    }

    @Override
    public void register(RegisterDeviceRequest request, StreamObserver<RegisterDeviceResponse> response) {
        CallContext.audit().target(request.getMac());
        Device device = registry.register(request.getMac(), DeviceDetails.of(request.getName(), request.getLocation(),
                request.getDeviceType(), request.getStaticIp()));
        CallContext.audit().target(device.id().value());
        response.onNext(RegisterDeviceResponse.newBuilder().setDevice(ProtoMapping.device(device)).build());
        response.onCompleted();
    }

    @Override
    public void update(UpdateDeviceRequest request, StreamObserver<UpdateDeviceResponse> response) {
        CallContext.audit().target(request.getId());
        Device device = registry.update(new DeviceId(request.getId()), DeviceDetails.of(request.getName(),
                request.getLocation(), request.getDeviceType(), request.getStaticIp()));
        response.onNext(UpdateDeviceResponse.newBuilder().setDevice(ProtoMapping.device(device)).build());
        response.onCompleted();
    }

    @Override
    public void retire(RetireDeviceRequest request, StreamObserver<RetireDeviceResponse> response) {
        CallContext.audit().target(request.getId());
        Device device = registry.retire(new DeviceId(request.getId()));
        response.onNext(RetireDeviceResponse.newBuilder().setDevice(ProtoMapping.device(device)).build());
        response.onCompleted();
    }

    @Override
    public void listUnknownSenders(ListUnknownSendersRequest request, StreamObserver<ListUnknownSendersResponse> response) {
        ListUnknownSendersResponse.Builder b = ListUnknownSendersResponse.newBuilder();
        resolver.unknownSenders().forEach(s -> b.addSenders(ProtoMapping.unknownSender(s)));
        response.onNext(b.build());
        response.onCompleted();
    }
}
