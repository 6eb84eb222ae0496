package org.logmaster.collector.parse;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import org.logmaster.collector.parse.dialect.Dialects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector's parser: sends {@code <PRI>1 ...} to RFC 5424 and everything else to
 * RFC 3164 (which turns PRI-less input into malformed RAW events), then lets the vendor
 * {@link Dialects} add normalised fields and correct what the RFC grammar misread. It is
 * the last line of defence for "nothing is lost": should a grammar ever throw, the message
 * comes back RAW with the reason instead of taking the pipeline down. Stateless and
 * thread-safe.
 */
public final class SyslogParser implements MessageParser {
    private static final Logger LOG = LoggerFactory.getLogger(SyslogParser.class);

    private final MessageParser rfc5424;
    private final MessageParser rfc3164;
    private final Dialects dialects;
    private final ZoneId defaultZone;
    /** A parser bug would fail on every similar message: one stack trace is enough. */
    private final AtomicBoolean failureLogged = new AtomicBoolean();

    /** @param defaultZone zone for RFC 3164 senders whose {@link ParseContext} names none */
    public SyslogParser(ZoneId defaultZone) {
        this(defaultZone, Dialects.standard());
    }

    /** @param dialects the vendor dialects to apply after the RFC grammar */
    public SyslogParser(ZoneId defaultZone, Dialects dialects) {
        this(new Rfc5424Parser(), new Rfc3164Parser(Objects.requireNonNull(defaultZone, "defaultZone")),
                Objects.requireNonNull(dialects, "dialects"), defaultZone);
    }

    /** Package-private so that tests can put in a grammar that fails. */
    SyslogParser(MessageParser rfc5424, MessageParser rfc3164) {
        this(rfc5424, rfc3164, Dialects.standard(), ZoneId.of("UTC"));
    }

    private SyslogParser(MessageParser rfc5424, MessageParser rfc3164, Dialects dialects, ZoneId defaultZone) {
        this.rfc5424 = rfc5424;
        this.rfc3164 = rfc3164;
        this.dialects = dialects;
        this.defaultZone = defaultZone;
    }

    @Override
    public LogEvent parse(byte[] message, ParseContext context) {
        return parse(message, context, null);
    }

    /**
     * @param dialectHint the sender's registered device type (e.g. {@code fortigate},
     *                    {@code cisco-asa}, see {@link Dialects}), or null to detect the dialect
     */
    @Override
    public LogEvent parse(byte[] message, ParseContext context, String dialectHint) {
        try {
            LogEvent event = isRfc5424(message) ? rfc5424.parse(message, context) : rfc3164.parse(message, context);
            return dialects.apply(message, event, complete(context), dialectHint);
        } catch (RuntimeException e) {
            if (failureLogged.compareAndSet(false, true)) {
                LOG.warn("Parser failed; message kept raw (further failures are only flagged on the event)", e);
            } else {
                LOG.debug("Parser failed; message kept raw", e);
            }
            String text = message == null ? "" : MessageText.utf8(message, 0, message.length);
            return LogEvent.raw(text, "parser failure: " + e);
        }
    }

    /** Dialects read times inside messages too; they get the same arrival and zone defaults as RFC 3164. */
    private ParseContext complete(ParseContext context) {
        if (context != null && context.arrival() != null && context.senderZone() != null) {
            return context;
        }
        Instant arrival = context != null && context.arrival() != null ? context.arrival() : Instant.now();
        ZoneId zone = context != null && context.senderZone() != null ? context.senderZone() : defaultZone;
        return new ParseContext(arrival, zone);
    }

    /** {@code <PRI>1 } with a valid PRI: the RFC 5424 VERSION field. */
    static boolean isRfc5424(byte[] b) {
        if (b == null) {
            return false;
        }
        int pri = SyslogPri.parse(b, b.length);
        if (pri < 0) {
            return false;
        }
        int v = SyslogPri.length(pri);
        return v + 1 < b.length && b[v] == '1' && b[v + 1] == ' ';
    }
}
