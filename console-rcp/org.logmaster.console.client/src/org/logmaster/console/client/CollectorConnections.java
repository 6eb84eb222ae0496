package org.logmaster.console.client;

import org.logmaster.console.client.internal.GrpcCollectorConnection;

/** Opens connections to a collector. */
public final class CollectorConnections {

    private CollectorConnections() {
    }

    /**
     * Creates the gRPC channel for the settings without touching the network; the first call
     * (for example {@link CollectorConnection#checkHealth}) connects.
     */
    public static CollectorConnection open(ConnectionSettings settings) {
        return GrpcCollectorConnection.open(settings);
    }
}
