package org.logmaster.collector.attribution;

import java.time.Instant;

/**
 * One proof behind an answer.
 *
 * @param ref  the event in the legal record, or null for an operator's static registration
 * @param time when it happened (the device's time when it wrote one, else the arrival time)
 * @param what the normalised event kind ({@code dhcp_ack}, {@code session_start}, ...) or
 *             {@code static} with the registration's source
 */
public record Evidence(EvidenceRef ref, Instant time, String what) {}
