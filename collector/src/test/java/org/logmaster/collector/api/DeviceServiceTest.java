package org.logmaster.collector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.logmaster.collector.apitest.ApiServer.withToken;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.InetAddress;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.logmaster.api.v1.Device;
import org.logmaster.api.v1.DeviceServiceGrpc;
import org.logmaster.api.v1.ListDevicesRequest;
import org.logmaster.api.v1.ListUnknownSendersRequest;
import org.logmaster.api.v1.RegisterDeviceRequest;
import org.logmaster.api.v1.RetireDeviceRequest;
import org.logmaster.api.v1.UpdateDeviceRequest;
import org.logmaster.collector.apitest.ApiServer;
import org.logmaster.collector.audit.AuditQuery;
import org.logmaster.collector.enrich.IpLiterals;
import org.logmaster.collector.enrich.MacAddress;
import org.logmaster.collector.ingest.RawFrame;

class DeviceServiceTest {
    private ApiServer api;
    private DeviceServiceGrpc.DeviceServiceBlockingStub devices;

    @BeforeEach
    void start() throws Exception {
        api = ApiServer.plaintext();
        devices = withToken(DeviceServiceGrpc.newBlockingStub(api.channel()), api.login("admin"));
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    private static RegisterDeviceRequest firewall() {
        return RegisterDeviceRequest.newBuilder().setMac("00-1A-2B-3C-4D-5E").setName("fw1").setLocation("rack 3")
                .setDeviceType("firewall").setStaticIp("192.0.2.7").build();
    }

    @Test
    void aRegisteredDeviceIsListedAndTheChangeIsAuditedWithItsId() {
        Device device = devices.register(firewall()).getDevice();
        assertThat(device.getId()).isEqualTo("mac-001a2b3c4d5e");
        assertThat(device.getMac()).isEqualTo("00:1a:2b:3c:4d:5e");
        assertThat(devices.list(ListDevicesRequest.getDefaultInstance()).getDevicesList()).containsExactly(device);
        assertThat(api.audit.query(new AuditQuery(null, null, "admin", "DeviceService/Register", 0, 10))).singleElement()
                .satisfies(e -> {
                    assertThat(e.target()).isEqualTo("mac-001a2b3c4d5e");
                    assertThat(e.outcome()).isEqualTo("OK");
                    assertThat(e.details()).contains("fw1");
                });
    }

    @Test
    void anInvalidMacIsAnInvalidArgument() {
        assertThatThrownBy(() -> devices.register(firewall().toBuilder().setMac("00:1a:2b").build()))
                .isInstanceOf(StatusRuntimeException.class)
                .satisfies(e -> {
                    Status status = ((StatusRuntimeException) e).getStatus();
                    assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(status.getDescription()).contains("not a MAC address");
                });
    }

    @Test
    void aSecondRegistrationOfTheMacAlreadyExists() {
        devices.register(firewall());
        assertThatThrownBy(() -> devices.register(firewall().toBuilder().setStaticIp("").build()))
                .extracting(e -> ((StatusRuntimeException) e).getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
    }

    @Test
    void updatingOrRetiringAnUnknownDeviceIsNotFound() {
        assertThatThrownBy(() -> devices.update(UpdateDeviceRequest.newBuilder().setId("mac-001122334455").setName("x").build()))
                .extracting(e -> ((StatusRuntimeException) e).getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThatThrownBy(() -> devices.retire(RetireDeviceRequest.newBuilder().setId("../../etc").build()))
                .extracting(e -> ((StatusRuntimeException) e).getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void aRetiredDeviceIsListedOnlyWhenAsked() {
        Device device = devices.register(firewall()).getDevice();
        Device retired = devices.retire(RetireDeviceRequest.newBuilder().setId(device.getId()).setReason("replaced").build()).getDevice();
        assertThat(retired.hasRetiredAt()).isTrue();
        assertThat(devices.list(ListDevicesRequest.getDefaultInstance()).getDevicesList()).isEmpty();
        assertThat(devices.list(ListDevicesRequest.newBuilder().setIncludeRetired(true).build()).getDevicesList()).containsExactly(retired);
    }

    @Test
    void unknownSendersAreListedWithTheirMacUntilRegistered() {
        InetAddress sender = IpLiterals.parse("192.0.2.50");
        api.neighbours.put(sender, MacAddress.parse("00:1a:2b:3c:4d:70"));
        api.resolver.refresh();
        api.resolver.deviceFor(new RawFrame(new byte[] {'x'}, Instant.parse("2025-03-01T10:00:00Z"), sender, "udp"));

        var unknown = devices.listUnknownSenders(ListUnknownSendersRequest.getDefaultInstance()).getSendersList();
        assertThat(unknown).singleElement().satisfies(s -> {
            assertThat(s.getAddress()).isEqualTo("192.0.2.50");
            assertThat(s.getDeviceId()).isEqualTo("ip-192-0-2-50");
            assertThat(s.getMac()).isEqualTo("00:1a:2b:3c:4d:70");
            assertThat(s.getMessageCount()).isEqualTo(1);
        });

        devices.register(RegisterDeviceRequest.newBuilder().setMac("00:1a:2b:3c:4d:70").setName("sw1").build());
        assertThat(devices.listUnknownSenders(ListUnknownSendersRequest.getDefaultInstance()).getSendersList()).isEmpty();
    }
}
