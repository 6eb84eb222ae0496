package org.logmaster.collector.api;

import io.grpc.stub.StreamObserver;
import java.util.List;
import org.logmaster.api.v1.AdminServiceGrpc;
import org.logmaster.api.v1.CreateUserRequest;
import org.logmaster.api.v1.CreateUserResponse;
import org.logmaster.api.v1.DisableUserRequest;
import org.logmaster.api.v1.DisableUserResponse;
import org.logmaster.api.v1.EnableUserRequest;
import org.logmaster.api.v1.EnableUserResponse;
import org.logmaster.api.v1.ListUsersRequest;
import org.logmaster.api.v1.ListUsersResponse;
import org.logmaster.api.v1.QueryAuditRequest;
import org.logmaster.api.v1.QueryAuditResponse;
import org.logmaster.api.v1.ResetPasswordRequest;
import org.logmaster.api.v1.ResetPasswordResponse;
import org.logmaster.api.v1.SetRoleRequest;
import org.logmaster.api.v1.SetRoleResponse;
import org.logmaster.api.v1.VerifyAuditRequest;
import org.logmaster.api.v1.VerifyAuditResponse;
import org.logmaster.collector.audit.AuditEntry;
import org.logmaster.collector.audit.AuditQuery;
import org.logmaster.collector.audit.AuditTrail;
import org.logmaster.collector.audit.AuditVerification;
import org.logmaster.collector.audit.AuditVerifier;
import org.logmaster.collector.auth.UserAdministration;

/** AdminService over {@link UserAdministration} and the audit trail. */
public final class AdminGrpcService extends AdminServiceGrpc.AdminServiceImplBase {
    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;

    private final UserAdministration users;
    private final AuditTrail auditTrail;
    private final AuditVerifier verifier;

    public AdminGrpcService(UserAdministration users, AuditTrail auditTrail) {
        this.users = users;
        this.auditTrail = auditTrail;
        this.verifier = new AuditVerifier(auditTrail);
    }

    @Override
    public void createUser(CreateUserRequest request, StreamObserver<CreateUserResponse> response) {
        CallContext.audit().target(request.getUsername());
        var created = users.create(request.getUsername(), ProtoMapping.role(request.getRole()), request.getPassword());
        response.onNext(CreateUserResponse.newBuilder()
                .setUser(ProtoMapping.user(created.user()))
                .setGeneratedPassword(ProtoMapping.nullToEmpty(created.generatedPassword()))
                .build());
        response.onCompleted();
    }

    @Override
    public void setRole(SetRoleRequest request, StreamObserver<SetRoleResponse> response) {
        CallContext.audit().target(request.getUsername());
        var user = users.setRole(request.getUsername(), ProtoMapping.role(request.getRole()));
        response.onNext(SetRoleResponse.newBuilder().setUser(ProtoMapping.user(user)).build());
        response.onCompleted();
    }

    @Override
    public void disableUser(DisableUserRequest request, StreamObserver<DisableUserResponse> response) {
        CallContext.audit().target(request.getUsername());
        var user = users.disable(request.getUsername());
        response.onNext(DisableUserResponse.newBuilder().setUser(ProtoMapping.user(user)).build());
        response.onCompleted();
    }

    @Override
    public void enableUser(EnableUserRequest request, StreamObserver<EnableUserResponse> response) {
        CallContext.audit().target(request.getUsername());
        var user = users.enable(request.getUsername());
        response.onNext(EnableUserResponse.newBuilder().setUser(ProtoMapping.user(user)).build());
        response.onCompleted();
    }

    @Override
    public void resetPassword(ResetPasswordRequest request, StreamObserver<ResetPasswordResponse> response) {
        CallContext.audit().target(request.getUsername());
        var reset = users.resetPassword(request.getUsername(), request.getNewPassword());
        response.onNext(ResetPasswordResponse.newBuilder()
                .setUser(ProtoMapping.user(reset.user()))
                .setGeneratedPassword(ProtoMapping.nullToEmpty(reset.generatedPassword()))
                .build());
        response.onCompleted();
    }

    @Override
    public void listUsers(ListUsersRequest request, StreamObserver<ListUsersResponse> response) {
        ListUsersResponse.Builder b = ListUsersResponse.newBuilder();
        users.list().forEach(u -> b.addUsers(ProtoMapping.user(u)));
        response.onNext(b.build());
        response.onCompleted();
    }

    @Override
    public void queryAudit(QueryAuditRequest request, StreamObserver<QueryAuditResponse> response) {
        int pageSize = request.getPageSize() == 0 ? DEFAULT_PAGE : Math.min(request.getPageSize(), MAX_PAGE);
        AuditQuery query = new AuditQuery(
                ProtoMapping.instant(request.getRange().hasFrom(), request.getRange().getFrom()),
                ProtoMapping.instant(request.getRange().hasTo(), request.getRange().getTo()),
                ProtoMapping.emptyToNull(request.getUsername()),
                ProtoMapping.emptyToNull(request.getAction()),
                AuditPageToken.seqOf(request.getPageToken()),
                pageSize + 1); // one more tells whether another page exists
        List<AuditEntry> entries = auditTrail.query(query);
        QueryAuditResponse.Builder b = QueryAuditResponse.newBuilder();
        entries.stream().limit(pageSize).forEach(e -> b.addEntries(ProtoMapping.auditEntry(e)));
        if (entries.size() > pageSize) {
            b.setNextPageToken(AuditPageToken.after(entries.get(pageSize - 1).seq()));
        }
        response.onNext(b.build());
        response.onCompleted();
    }

    @Override
    public void verifyAudit(VerifyAuditRequest request, StreamObserver<VerifyAuditResponse> response) {
        AuditVerification v = verifier.verify();
        response.onNext(VerifyAuditResponse.newBuilder()
                .setIntact(v.intact())
                .setEntriesChecked(v.entriesChecked())
                .setBrokenAtSeq(v.brokenAtSeq())
                .setProblem(ProtoMapping.nullToEmpty(v.problem()))
                .setHeadHash(v.headHash())
                .build());
        response.onCompleted();
    }
}
