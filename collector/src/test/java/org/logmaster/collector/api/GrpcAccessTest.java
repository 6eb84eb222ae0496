package org.logmaster.collector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.logmaster.collector.apitest.ApiServer.withToken;

import io.grpc.ServerServiceDefinition;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.logmaster.api.v1.AdminServiceGrpc;
import org.logmaster.api.v1.AuthServiceGrpc;
import org.logmaster.api.v1.CreateUserRequest;
import org.logmaster.api.v1.DeviceServiceGrpc;
import org.logmaster.api.v1.ListDevicesRequest;
import org.logmaster.api.v1.ListUsersRequest;
import org.logmaster.api.v1.LoginRequest;
import org.logmaster.api.v1.LogoutRequest;
import org.logmaster.api.v1.Permission;
import org.logmaster.api.v1.QueryAuditRequest;
import org.logmaster.api.v1.RegisterDeviceRequest;
import org.logmaster.api.v1.Role;
import org.logmaster.api.v1.SearchRequest;
import org.logmaster.api.v1.LogServiceGrpc;
import org.logmaster.api.v1.WhoAmIRequest;
import org.logmaster.api.v1.WhoAmIResponse;
import org.logmaster.collector.apitest.ApiServer;
import org.logmaster.collector.audit.AuditEntry;
import org.logmaster.collector.audit.AuditQuery;

/** The gate, seen from a real client over a real loopback connection. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrpcAccessTest {
    private ApiServer api;

    @BeforeAll
    void start() throws Exception {
        api = ApiServer.plaintext();
    }

    @AfterAll
    void stop() throws Exception {
        api.close();
    }

    private AuthServiceGrpc.AuthServiceBlockingStub auth() throws Exception {
        return AuthServiceGrpc.newBlockingStub(api.channel());
    }

    private static void assertStatus(ThrowableAssert.ThrowingCallable call, Status.Code code) {
        assertThatThrownBy(call).isInstanceOf(StatusRuntimeException.class)
                .extracting(e -> ((StatusRuntimeException) e).getStatus().getCode()).isEqualTo(code);
    }

    private List<AuditEntry> auditOf(String method) {
        return api.audit.query(new AuditQuery(null, null, null, method, 0, 1000));
    }

    @Test
    void aLoggedInUserLearnsWhoTheyAreAndWhatTheyMayDo() throws Exception {
        String token = api.login("viewer");
        WhoAmIResponse me = withToken(auth(), token).whoAmI(WhoAmIRequest.getDefaultInstance());
        assertThat(me.getUsername()).isEqualTo("viewer");
        assertThat(me.getRole()).isEqualTo(Role.ROLE_VIEWER);
        assertThat(me.getPermissionsList()).contains(Permission.PERMISSION_LOGS_READ).doesNotContain(Permission.PERMISSION_AUDIT_READ);
    }

    @Test
    void aWrongPasswordIsUnauthenticatedAndAudited() throws Exception {
        assertStatus(() -> auth().login(LoginRequest.newBuilder().setUsername("viewer").setPassword("guess").build()),
                Status.Code.UNAUTHENTICATED);
        assertThat(auditOf("AuthService/Login")).anySatisfy(e -> {
            assertThat(e.username()).isEqualTo("viewer");
            assertThat(e.outcome()).isEqualTo("UNAUTHENTICATED");
            assertThat(e.details()).doesNotContain("guess");
        });
    }

    @Test
    void aCallWithoutTokenIsUnauthenticated() throws Exception {
        assertStatus(() -> auth().whoAmI(WhoAmIRequest.getDefaultInstance()), Status.Code.UNAUTHENTICATED);
    }

    @Test
    void aCallWithAnUnknownTokenIsUnauthenticated() throws Exception {
        assertStatus(() -> withToken(auth(), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").whoAmI(WhoAmIRequest.getDefaultInstance()),
                Status.Code.UNAUTHENTICATED);
        assertStatus(() -> withToken(auth(), "not a token at all").whoAmI(WhoAmIRequest.getDefaultInstance()),
                Status.Code.UNAUTHENTICATED);
    }

    @Test
    void aCallWithAnExpiredTokenIsUnauthenticated() throws Exception {
        String token = api.login("viewer");
        var stub = withToken(auth(), token);
        assertThat(stub.whoAmI(WhoAmIRequest.getDefaultInstance()).getUsername()).isEqualTo("viewer");
        api.clock.advance(api.settings.sessionLifetime().plus(Duration.ofSeconds(1)));
        assertStatus(() -> stub.whoAmI(WhoAmIRequest.getDefaultInstance()), Status.Code.UNAUTHENTICATED);
    }

    @Test
    void aLoggedOutTokenIsUnauthenticated() throws Exception {
        var stub = withToken(auth(), api.login("viewer"));
        stub.logout(LogoutRequest.getDefaultInstance());
        assertStatus(() -> stub.whoAmI(WhoAmIRequest.getDefaultInstance()), Status.Code.UNAUTHENTICATED);
    }

    @Test
    void aViewerMayListButNotRegisterDevicesAndTheRefusalIsAudited() throws Exception {
        var devices = withToken(DeviceServiceGrpc.newBlockingStub(api.channel()), api.login("viewer"));
        assertThat(devices.list(ListDevicesRequest.getDefaultInstance()).getDevicesList()).isNotNull();
        assertStatus(() -> devices.register(RegisterDeviceRequest.newBuilder().setMac("00:1a:2b:3c:4d:99").setName("x").build()),
                Status.Code.PERMISSION_DENIED);
        assertThat(auditOf("DeviceService/Register")).anySatisfy(e -> {
            assertThat(e.username()).isEqualTo("viewer");
            assertThat(e.outcome()).isEqualTo("PERMISSION_DENIED");
        });
    }

    @Test
    void anAuditorMayReadTheAuditTrailButNotManageUsers() throws Exception {
        var admin = withToken(AdminServiceGrpc.newBlockingStub(api.channel()), api.login("auditor"));
        assertThat(admin.queryAudit(QueryAuditRequest.getDefaultInstance()).getEntriesCount()).isPositive();
        assertStatus(() -> admin.listUsers(ListUsersRequest.getDefaultInstance()), Status.Code.PERMISSION_DENIED);
        assertStatus(() -> admin.createUser(CreateUserRequest.newBuilder().setUsername("eve").setRole(Role.ROLE_ADMINISTRATOR).build()),
                Status.Code.PERMISSION_DENIED);
    }

    @Test
    void healthAnswersWithoutToken() throws Exception {
        HealthCheckResponse response = HealthGrpc.newBlockingStub(api.channel()).check(HealthCheckRequest.getDefaultInstance());
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    @Test
    void aMethodNotServedYetIsUnimplementedForAnAllowedCaller() throws Exception {
        var logs = withToken(LogServiceGrpc.newBlockingStub(api.channel()), api.login("viewer"));
        assertStatus(() -> logs.search(SearchRequest.getDefaultInstance()), Status.Code.UNIMPLEMENTED);
    }

    @Test
    void everyServedMethodHasAPolicy() {
        MethodPolicies policies = MethodPolicies.standard();
        for (ServerServiceDefinition service : api.server.services()) {
            for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
                assertThat(policies.find(method.getMethodDescriptor().getFullMethodName()))
                        .as(method.getMethodDescriptor().getFullMethodName()).isPresent();
            }
        }
    }

    @Test
    void everyMethodOfTheContractHasAPolicy() {
        for (var service : List.of(AuthServiceGrpc.getServiceDescriptor(), LogServiceGrpc.getServiceDescriptor(),
                DeviceServiceGrpc.getServiceDescriptor(), AdminServiceGrpc.getServiceDescriptor(),
                org.logmaster.api.v1.AttributionServiceGrpc.getServiceDescriptor())) {
            for (var method : service.getMethods()) {
                assertThat(MethodPolicies.standard().find(method.getFullMethodName())).as(method.getFullMethodName()).isPresent();
            }
        }
    }

    @Test
    void everyDomainPermissionHasItsContractValue() {
        for (var permission : org.logmaster.collector.auth.Permission.values()) {
            assertThat(ProtoMapping.permission(permission).name()).isEqualTo("PERMISSION_" + permission.name());
        }
        assertThat(Permission.values()).hasSize(org.logmaster.collector.auth.Permission.values().length + 2); // + UNSPECIFIED, UNRECOGNIZED
    }
}
