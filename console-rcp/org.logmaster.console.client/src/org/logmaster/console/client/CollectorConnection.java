package org.logmaster.console.client;

import java.time.Duration;
import java.util.function.Consumer;

import org.logmaster.api.v1.EventFilter;

/**
 * The console's connection to one collector. Views talk to this interface only, so they can be
 * tested without gRPC; {@link CollectorConnections#open} makes the real one.
 *
 * <p>Calls that go over the network block the calling thread: never call them on the display
 * thread. Status listeners run on whichever thread changed the status.
 */
public interface CollectorConnection extends AutoCloseable {

    ConnectionSettings settings();

    /** The last known state; {@link ConnectionState#DISCONNECTED} until the first call. */
    ConnectionStatus status();

    /**
     * Runs the standard gRPC health check ({@code grpc.health.v1.Health/Check}) against the whole
     * server and returns the resulting status. Network and TLS failures are reported in the
     * status, not thrown.
     */
    ConnectionStatus checkHealth(Duration timeout);

    /**
     * Logs in ({@code AuthService.Login}); later calls carry the session token. Returns who is
     * logged in with which permissions. Throws {@link CallFailedException} (UNAUTHENTICATED for a
     * wrong login, with the server's message).
     */
    SessionInfo login(Credentials credentials);

    /** The session's user, role and permissions as the collector sees them now. */
    SessionInfo whoAmI();

    LogQueries logs();

    /**
     * The collector's live stream of events matching the filter ({@code LogService.Tail}), as a
     * source that is not started yet. Once started it follows the stream on its own thread: it
     * reconnects after a loss (resuming after the last item it received, waiting 1 s, doubling up
     * to 30 s between attempts) and stops when the collector refuses the session. It reports its
     * state to {@code statusListener}, on its own thread. Stop it before closing the connection.
     */
    LiveEventSource liveTail(EventFilter filter, Consumer<LiveTailStatus> statusListener);

    DeviceRegistry devices();

    ComplianceRecords compliance();

    UserAdministration users();

    /** Signed evidence bundles; needs {@code EVIDENCE_EXPORT}. */
    EvidenceExports evidence();

    void addStatusListener(Consumer<ConnectionStatus> listener);

    void removeStatusListener(Consumer<ConnectionStatus> listener);

    /** Releases the channel; the status becomes {@link ConnectionState#DISCONNECTED}. */
    @Override
    void close();
}
