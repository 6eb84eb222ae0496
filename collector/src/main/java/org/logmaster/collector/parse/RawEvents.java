package org.logmaster.collector.parse;

/**
 * The events a parser returns when it cannot follow the grammar: RAW, flagged, with the
 * whole text kept. Facility and severity are kept when the PRI itself was readable, so that
 * severity filters and alerts still see a malformed emergency message.
 */
final class RawEvents {
    private RawEvents() {}

    static LogEvent noBytes() {
        return LogEvent.raw("", "empty message");
    }

    /** @param pri the PRI value, or a negative {@link SyslogPri} result when there was none */
    static LogEvent malformed(byte[] b, int end, int pri, String why) {
        return new LogEvent(LogEvent.Format.RAW, SyslogPri.facility(pri), SyslogPri.severity(pri), null,
                null, null, null, null, null, MessageText.utf8(b, 0, end), true, why);
    }
}
