package org.logmaster.collector.api;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.logmaster.collector.audit.AuditEvent;
import org.logmaster.collector.audit.AuditTrail;
import org.logmaster.collector.auth.Authenticator;
import org.logmaster.collector.auth.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one gate of the API. For every call it looks up the method's {@link MethodPolicy}, checks
 * the session token ("authorization: Bearer &lt;token&gt;") and the role's permission, refuses with
 * UNAUTHENTICATED (no, unknown or expired token) or PERMISSION_DENIED (role lacks the permission,
 * or the method is not in the table), and appends an audit entry for audited methods and for
 * every PERMISSION_DENIED: when the call ends, and for server streams also when they start. If
 * the audit trail cannot be written, the call fails (UNAVAILABLE) instead of passing unrecorded.
 */
public final class AccessInterceptor implements ServerInterceptor {
    private static final Logger log = LoggerFactory.getLogger(AccessInterceptor.class);
    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final String BEARER = "bearer ";

    private final Authenticator authenticator;
    private final MethodPolicies policies;
    private final AuditTrail auditTrail;

    public AccessInterceptor(Authenticator authenticator, MethodPolicies policies, AuditTrail auditTrail) {
        this.authenticator = authenticator;
        this.policies = policies;
        this.auditTrail = auditTrail;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String method = call.getMethodDescriptor().getFullMethodName();
        String remote = remoteAddress(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
        AuditNote note = new AuditNote();
        Optional<MethodPolicy> found = policies.find(method);
        if (found.isEmpty()) {
            return refuse(new AuditedCall<>(call, note, remote, null),
                    Status.PERMISSION_DENIED.withDescription("method " + method + " is not in the permission matrix"));
        }
        MethodPolicy policy = found.get();
        Principal principal = null;
        if (policy.needsSession()) {
            String token = bearerToken(headers);
            if (token == null) {
                return refuse(auditedOrPlain(call, policy, note, remote, null), Status.UNAUTHENTICATED
                        .withDescription("no session token: log in and send 'authorization: Bearer <token>'"));
            }
            try {
                principal = authenticator.authenticate(token).orElse(null);
            } catch (RuntimeException e) {
                log.error("session check failed", e);
                return refuse(call, Status.UNAVAILABLE.withDescription("user database unavailable"));
            }
            if (principal == null) {
                return refuse(auditedOrPlain(call, policy, note, remote, null), Status.UNAUTHENTICATED
                        .withDescription("session unknown, expired or ended: log in again"));
            }
            if (!principal.may(policy.permission())) {
                return refuse(new AuditedCall<>(call, note, remote, principal), Status.PERMISSION_DENIED.withDescription(
                        "role " + principal.role().name().toLowerCase(Locale.ROOT) + " does not grant "
                                + policy.permission().name().toLowerCase(Locale.ROOT)));
            }
        }
        Context context = Context.current().withValues(CallContext.PRINCIPAL, principal,
                CallContext.AUDIT_NOTE, note, CallContext.REMOTE_ADDRESS, remote);
        if (!policy.audited()) {
            return Contexts.interceptCall(context, call, headers, next);
        }
        AuditedCall<Q, R> audited = new AuditedCall<>(call, note, remote, principal);
        return audited.listen(Contexts.interceptCall(context, audited, headers, next));
    }

    private <Q, R> ServerCall<Q, R> auditedOrPlain(ServerCall<Q, R> call, MethodPolicy policy, AuditNote note,
                                                   String remote, Principal principal) {
        return policy.audited() ? new AuditedCall<>(call, note, remote, principal) : call;
    }

    private static <Q> ServerCall.Listener<Q> refuse(ServerCall<Q, ?> call, Status status) {
        call.close(status, new Metadata());
        return new ServerCall.Listener<>() {};
    }

    static String bearerToken(Metadata headers) {
        String value = headers.get(AUTHORIZATION);
        if (value == null || value.length() <= BEARER.length()
                || !value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return value.substring(BEARER.length()).strip();
    }

    private static String remoteAddress(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress() + ":" + inet.getPort();
        }
        return address == null ? "unknown" : address.toString();
    }

    /** Appends the call's audit entry when it ends, exactly once, and at the start of server streams. */
    private final class AuditedCall<Q, R> extends ForwardingServerCall.SimpleForwardingServerCall<Q, R> {
        private final AuditNote note;
        private final String remote;
        private final Principal principal;
        private final AtomicBoolean recorded = new AtomicBoolean();

        AuditedCall(ServerCall<Q, R> call, AuditNote note, String remote, Principal principal) {
            super(call);
            this.note = note;
            this.remote = remote;
            this.principal = principal;
        }

        @Override
        public void close(Status status, Metadata trailers) {
            Status effective = status;
            if (recorded.compareAndSet(false, true) && !append(outcome(status), details(status)) && status.isOk()) {
                effective = Status.UNAVAILABLE.withDescription("audit trail unavailable: the call could not be recorded");
            }
            super.close(effective, trailers);
        }

        ServerCall.Listener<Q> listen(ServerCall.Listener<Q> listener) {
            boolean streaming = getMethodDescriptor().getType() == MethodDescriptor.MethodType.SERVER_STREAMING;
            return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
                @Override
                public void onMessage(Q message) {
                    note.request(RequestText.of(message));
                    super.onMessage(message);
                }

                @Override
                public void onHalfClose() {
                    if (streaming && !append("STARTED", note.request())) {
                        close(Status.UNAVAILABLE.withDescription("audit trail unavailable: the stream was not started"), new Metadata());
                        return;
                    }
                    super.onHalfClose();
                }

                @Override
                public void onComplete() {
                    // completed without passing close(): the gRPC runtime ended the call itself,
                    // for instance because the request could not be parsed
                    if (recorded.compareAndSet(false, true)) {
                        append(Status.Code.UNKNOWN.name(), "ended by the gRPC runtime (unreadable request?)");
                    }
                    super.onComplete();
                }

                @Override
                public void onCancel() {
                    if (recorded.compareAndSet(false, true)) {
                        append(Status.Code.CANCELLED.name(), note.request());
                    }
                    super.onCancel();
                }
            };
        }

        private boolean append(String outcome, String details) {
            String username = principal != null ? principal.username() : note.username();
            try {
                auditTrail.append(new AuditEvent(username, remote, getMethodDescriptor().getFullMethodName(),
                        note.target(), outcome, details));
                return true;
            } catch (RuntimeException e) {
                log.error("audit trail append failed for {} by {}", getMethodDescriptor().getFullMethodName(), username, e);
                return false;
            }
        }

        private static String outcome(Status status) {
            return status.isOk() ? AuditEvent.OK : status.getCode().name();
        }

        private String details(Status status) {
            String request = note.request();
            if (status.isOk() || status.getDescription() == null) {
                return request;
            }
            return request == null || request.isEmpty() ? status.getDescription() : request + " | " + status.getDescription();
        }
    }
}
