package org.logmaster.collector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.logmaster.collector.apitest.ApiServer.withToken;
import static org.logmaster.collector.index.schema.Tables.AUDIT_LOG;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.logmaster.api.v1.AdminServiceGrpc;
import org.logmaster.api.v1.AuditEntry;
import org.logmaster.api.v1.AuthServiceGrpc;
import org.logmaster.api.v1.ChangePasswordRequest;
import org.logmaster.api.v1.CreateUserRequest;
import org.logmaster.api.v1.DisableUserRequest;
import org.logmaster.api.v1.ListUsersRequest;
import org.logmaster.api.v1.LoginRequest;
import org.logmaster.api.v1.QueryAuditRequest;
import org.logmaster.api.v1.QueryAuditResponse;
import org.logmaster.api.v1.ResetPasswordRequest;
import org.logmaster.api.v1.Role;
import org.logmaster.api.v1.SetRoleRequest;
import org.logmaster.api.v1.VerifyAuditRequest;
import org.logmaster.api.v1.VerifyAuditResponse;
import org.logmaster.collector.apitest.ApiServer;

class AdminServiceTest {
    private ApiServer api;
    private AdminServiceGrpc.AdminServiceBlockingStub admin;

    @BeforeEach
    void start() throws Exception {
        api = ApiServer.plaintext();
        admin = withToken(AdminServiceGrpc.newBlockingStub(api.channel()), api.login("admin"));
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    private LoginRequest login(String user, String password) {
        return LoginRequest.newBuilder().setUsername(user).setPassword(password).build();
    }

    @Test
    void aCreatedUserCanLogInWithTheGeneratedPasswordAndHasTheirRole() throws Exception {
        var created = admin.createUser(CreateUserRequest.newBuilder().setUsername("Carol").setRole(Role.ROLE_AUDITOR).build());
        assertThat(created.getUser().getUsername()).isEqualTo("carol");
        var session = AuthServiceGrpc.newBlockingStub(api.channel()).login(login("carol", created.getGeneratedPassword()));
        assertThat(session.getRole()).isEqualTo(Role.ROLE_AUDITOR);
    }

    @Test
    void aUserWithoutRoleIsAnInvalidArgument() {
        assertThatThrownBy(() -> admin.createUser(CreateUserRequest.newBuilder().setUsername("dave").build()))
                .extracting(e -> ((StatusRuntimeException) e).getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void disablingTheLastAdministratorIsAFailedPrecondition() {
        assertThatThrownBy(() -> admin.disableUser(DisableUserRequest.newBuilder().setUsername("admin").build()))
                .extracting(e -> ((StatusRuntimeException) e).getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    }

    @Test
    void roleChangesShowInTheUserList() {
        admin.setRole(SetRoleRequest.newBuilder().setUsername("viewer").setRole(Role.ROLE_AUDITOR).build());
        assertThat(admin.listUsers(ListUsersRequest.getDefaultInstance()).getUsersList())
                .filteredOn(u -> u.getUsername().equals("viewer")).singleElement()
                .extracting(u -> u.getRole()).isEqualTo(Role.ROLE_AUDITOR);
    }

    @Test
    void noPasswordEverReachesTheAuditTrail() throws Exception {
        String secret = "a-very-secret-password-42";
        admin.createUser(CreateUserRequest.newBuilder().setUsername("erin").setRole(Role.ROLE_VIEWER).setPassword(secret).build());
        var erin = withToken(AuthServiceGrpc.newBlockingStub(api.channel()),
                AuthServiceGrpc.newBlockingStub(api.channel()).login(login("erin", secret)).getSessionToken());
        erin.changePassword(ChangePasswordRequest.newBuilder().setCurrentPassword(secret).setNewPassword(secret + "-new").build());
        admin.resetPassword(ResetPasswordRequest.newBuilder().setUsername("erin").setNewPassword(secret + "-reset").build());
        List<String> stored = api.database.dsl().select(AUDIT_LOG.DETAILS).from(AUDIT_LOG).fetch(AUDIT_LOG.DETAILS);
        assertThat(stored).hasSizeGreaterThanOrEqualTo(4).noneMatch(d -> d != null && d.contains(secret));
    }

    @Test
    void theAuditTrailIsReadPageByPageInChainOrder() {
        for (int i = 0; i < 5; i++) {
            admin.setRole(SetRoleRequest.newBuilder().setUsername("viewer").setRole(Role.ROLE_VIEWER).build());
        }
        List<AuditEntry> all = new ArrayList<>();
        String token = "";
        do {
            QueryAuditResponse page = admin.queryAudit(QueryAuditRequest.newBuilder().setPageSize(2).setPageToken(token).build());
            assertThat(page.getEntriesCount()).isLessThanOrEqualTo(2);
            all.addAll(page.getEntriesList());
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        assertThat(all).extracting(AuditEntry::getSeq).isSorted().doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(6);
        assertThat(all.getFirst().getSeq()).isEqualTo(1);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).getPrevHash()).isEqualTo(all.get(i - 1).getHash());
        }
    }

    @Test
    void aForgedPageTokenIsAnInvalidArgument() {
        assertThatThrownBy(() -> admin.queryAudit(QueryAuditRequest.newBuilder().setPageToken("%%%").build()))
                .extracting(e -> ((StatusRuntimeException) e).getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void verifyAuditReportsAnIntactChainAndThenTheTamperedEntry() {
        VerifyAuditResponse intact = admin.verifyAudit(VerifyAuditRequest.getDefaultInstance());
        assertThat(intact.getIntact()).isTrue();
        assertThat(intact.getEntriesChecked()).isPositive();

        api.database.dsl().update(AUDIT_LOG).set(AUDIT_LOG.OUTCOME, "OK").where(AUDIT_LOG.SEQ.eq(1L)).execute();
        api.database.dsl().update(AUDIT_LOG).set(AUDIT_LOG.TARGET, "someone else").where(AUDIT_LOG.SEQ.eq(1L)).execute();
        VerifyAuditResponse broken = admin.verifyAudit(VerifyAuditRequest.getDefaultInstance());
        assertThat(broken.getIntact()).isFalse();
        assertThat(broken.getBrokenAtSeq()).isEqualTo(1);
    }
}
