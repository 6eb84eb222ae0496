package org.logmaster.collector.api;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.NoSuchElementException;
import org.jooq.exception.DataAccessException;
import org.logmaster.collector.auth.AuthenticationException;
import org.logmaster.collector.auth.UsernameTakenException;
import org.logmaster.collector.enrich.DeviceConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns exceptions thrown by services into status codes in one place, so the services stay thin:
 * bad input → INVALID_ARGUMENT, unknown thing → NOT_FOUND, clash → ALREADY_EXISTS, wrong state →
 * FAILED_PRECONDITION, failed password check → UNAUTHENTICATED, database trouble → UNAVAILABLE,
 * anything else → INTERNAL without details (they go to the log, not to the client).
 */
public final class ExceptionInterceptor implements ServerInterceptor {
    private static final Logger log = LoggerFactory.getLogger(ExceptionInterceptor.class);

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        ServerCall.Listener<Q> listener = next.startCall(call, headers);
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onMessage(Q message) {
                guard(call, () -> super.onMessage(message));
            }

            @Override
            public void onHalfClose() {
                guard(call, super::onHalfClose);
            }

            @Override
            public void onReady() {
                guard(call, super::onReady);
            }
        };
    }

    private static void guard(ServerCall<?, ?> call, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            Status status = statusOf(call.getMethodDescriptor().getFullMethodName(), e);
            try {
                call.close(status, new Metadata());
            } catch (IllegalStateException alreadyClosed) {
                log.debug("call already closed when {} was thrown", e.toString());
            }
        }
    }

    static Status statusOf(String method, RuntimeException e) {
        return switch (e) {
            case StatusRuntimeException s -> s.getStatus();
            case AuthenticationException a -> Status.UNAUTHENTICATED.withDescription(a.getMessage());
            case DeviceConflictException c -> Status.ALREADY_EXISTS.withDescription(c.getMessage());
            case UsernameTakenException t -> Status.ALREADY_EXISTS.withDescription(t.getMessage());
            case NoSuchElementException n -> Status.NOT_FOUND.withDescription(n.getMessage());
            case IllegalArgumentException i -> Status.INVALID_ARGUMENT.withDescription(i.getMessage());
            case IllegalStateException i -> Status.FAILED_PRECONDITION.withDescription(i.getMessage());
            case DataAccessException d -> {
                log.error("{} failed: database error", method, d);
                yield Status.UNAVAILABLE.withDescription("index database unavailable");
            }
            default -> {
                log.error("{} failed", method, e);
                yield Status.INTERNAL.withDescription("internal error (see the collector's log)");
            }
        };
    }
}
