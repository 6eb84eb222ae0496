package org.logmaster.console.client.internal;

import java.util.function.Supplier;

import org.logmaster.console.client.CallFailedException;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** Runs one blocking call and turns a gRPC failure into the facade's {@link CallFailedException}. */
final class GrpcCalls {

    private GrpcCalls() {
    }

    static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            Status status = e.getStatus();
            throw new CallFailedException(status.getCode().name(), serverMessage(status), e);
        }
    }

    /** What the server said, or the local cause's message when the call never reached it; "" for neither. */
    static String serverMessage(Status status) {
        return status.getDescription() != null ? status.getDescription()
                : status.getCause() != null ? String.valueOf(status.getCause().getMessage()) : "";
    }
}
