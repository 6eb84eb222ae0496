package org.logmaster.collector.api;

import io.grpc.stub.StreamObserver;
import org.logmaster.api.v1.AuthServiceGrpc;
import org.logmaster.api.v1.ChangePasswordRequest;
import org.logmaster.api.v1.ChangePasswordResponse;
import org.logmaster.api.v1.LoginRequest;
import org.logmaster.api.v1.LoginResponse;
import org.logmaster.api.v1.LogoutRequest;
import org.logmaster.api.v1.LogoutResponse;
import org.logmaster.api.v1.WhoAmIRequest;
import org.logmaster.api.v1.WhoAmIResponse;
import org.logmaster.collector.auth.Authenticator;
import org.logmaster.collector.auth.Principal;

/** AuthService over {@link Authenticator}. */
public final class AuthGrpcService extends AuthServiceGrpc.AuthServiceImplBase {
    private final Authenticator authenticator;

    public AuthGrpcService(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void login(LoginRequest request, StreamObserver<LoginResponse> response) {
        CallContext.audit().username(request.getUsername()).target(request.getUsername());
        Authenticator.Session session = authenticator.login(request.getUsername(), request.getPassword(), CallContext.remoteAddress());
        Principal p = session.principal();
        CallContext.audit().username(p.username()).target(p.username());
        response.onNext(LoginResponse.newBuilder()
                .setSessionToken(session.token())
                .setExpiresAt(ProtoMapping.timestamp(p.sessionExpiresAt()))
                .setRole(ProtoMapping.role(p.role()))
                .setUsername(p.username())
                .build());
        response.onCompleted();
    }

    @Override
    public void logout(LogoutRequest request, StreamObserver<LogoutResponse> response) {
        authenticator.logout(CallContext.principal());
        response.onNext(LogoutResponse.getDefaultInstance());
        response.onCompleted();
    }

    @Override
    public void whoAmI(WhoAmIRequest request, StreamObserver<WhoAmIResponse> response) {
        Principal p = CallContext.principal();
        WhoAmIResponse.Builder b = WhoAmIResponse.newBuilder()
                .setUsername(p.username())
                .setRole(ProtoMapping.role(p.role()))
                .setSessionExpiresAt(ProtoMapping.timestamp(p.sessionExpiresAt()));
        p.permissions().forEach(permission -> b.addPermissions(ProtoMapping.permission(permission)));
        response.onNext(b.build());
        response.onCompleted();
    }

    @Override
    public void changePassword(ChangePasswordRequest request, StreamObserver<ChangePasswordResponse> response) {
        Principal p = CallContext.principal();
        CallContext.audit().target(p.username());
        authenticator.changePassword(p, request.getCurrentPassword(), request.getNewPassword());
        response.onNext(ChangePasswordResponse.getDefaultInstance());
        response.onCompleted();
    }
}
