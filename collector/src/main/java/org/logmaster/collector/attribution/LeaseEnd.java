package org.logmaster.collector.attribution;

/** Where a lease's end comes from. */
public enum LeaseEnd {
    /** start (or last renewal) plus the lease length the server logged */
    LEASE_TIME,
    /** last renewal plus the lease length the operator configured for a server that does not log it */
    CONFIGURED_LEASE_TIME,
    /** the server logged the client's release */
    RELEASED,
    /** the server logged the lease's expiry */
    EXPIRED,
    /** no end was logged, but the server gave the address to another client (an ACK is the evidence) */
    SUPERSEDED,
    /** no end observed: the lease holds from its start on, on the strength of its last evidence */
    NOT_OBSERVED
}
