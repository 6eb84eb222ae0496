package org.logmaster.collector.parse;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What a parser may need besides the bytes: the arrival time (RFC 3164 timestamps have no
 * year and no zone, so the year is inferred from it) and the sender's time zone.
 */
public record ParseContext(Instant arrival, ZoneId senderZone) {}
