package org.logmaster.console.client.internal;

import java.util.concurrent.Executor;

import io.grpc.CallCredentials;
import io.grpc.Metadata;

/**
 * Sends the session token as {@code authorization: Bearer <token>} on every call once logged in.
 * The token lives only in memory and is never logged.
 */
final class BearerToken extends CallCredentials {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private volatile String token = "";

    void set(String sessionToken) {
        token = sessionToken;
    }

    @Override
    public void applyRequestMetadata(RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
        String current = token;
        if (current.isEmpty()) {
            // let the call go without a token: the server answers UNAUTHENTICATED with its message
            applier.apply(new Metadata());
            return;
        }
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + current);
        applier.apply(headers);
    }

    @Override
    public String toString() {
        return "BearerToken[" + (token.isEmpty() ? "none" : "***") + "]";
    }
}
