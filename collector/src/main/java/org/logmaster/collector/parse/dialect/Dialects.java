package org.logmaster.collector.parse.dialect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.logmaster.collector.parse.LogEvent;
import org.logmaster.collector.parse.ParseContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry of vendor dialects and the rule that picks one for a message:
 * <ol>
 *   <li>when the caller passes a dialect hint (the sender's registered device type, or a
 *       dialect name), the dialects for that type are tried first;</li>
 *   <li>then the dialect that owns the message's APP-NAME, if any ({@code filterlog},
 *       {@code dhcpd}, {@code RT_FLOW}, ...): a map lookup;</li>
 *   <li>then every dialect's cheap {@link Dialect#detect detect}, in registry order.</li>
 * </ol>
 * The first dialect that detects the message and understands it ({@link Dialect#apply}
 * returns an event) wins; a message no dialect understands keeps its RFC parse. A dialect
 * that throws is a bug, not a reason to lose the message: the RFC parse is returned and the
 * failure logged once. Immutable and thread-safe.
 */
public final class Dialects {
    private static final Logger LOG = LoggerFactory.getLogger(Dialects.class);

    /**
     * Every dialect, in auto-detection order: specific and cheap checks before general ones.
     * To add a dialect, write its class and add one line here.
     */
    private static final List<Dialect> STANDARD = List.of(
            new CiscoAsa(),
            new CiscoIos(),
            new FortiGate(),
            new JuniperSrx(),
            new PfFilterlog(),
            new IscDhcpd(),
            new Dnsmasq(),
            new Kea(),
            new Hostapd(),
            new MikroTik(),
            new Cef(),
            new Leef());

    private static final Dialects STANDARD_SET = new Dialects(STANDARD);

    private final List<Dialect> dialects;
    private final Map<String, List<Dialect>> byHint = new HashMap<>();
    private final Map<String, List<Dialect>> byAppName = new HashMap<>();
    private final AtomicBoolean failureLogged = new AtomicBoolean();

    public Dialects(List<Dialect> dialects) {
        this.dialects = List.copyOf(dialects);
        for (Dialect d : this.dialects) {
            byHint.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d);
            for (String type : d.deviceTypes()) {
                byHint.computeIfAbsent(type.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(d);
            }
            for (String app : d.appNames()) {
                byAppName.computeIfAbsent(app, k -> new ArrayList<>()).add(d);
            }
        }
        byHint.replaceAll((k, v) -> List.copyOf(v));
        byAppName.replaceAll((k, v) -> List.copyOf(v));
    }

    /** All built-in dialects. */
    public static Dialects standard() {
        return STANDARD_SET;
    }

    /** No dialects: events keep their RFC parse. */
    public static Dialects none() {
        return new Dialects(List.of());
    }

    public List<Dialect> all() {
        return dialects;
    }

    /** Every device type and dialect name a hint may use, for configuration checks and documentation. */
    public Set<String> hints() {
        return Set.copyOf(byHint.keySet());
    }

    /**
     * @param bytes the message as received (dialects whose header RFC 3164 misreads look at it again)
     * @param event the RFC parse of {@code bytes}
     * @param hint  the sender's device type or a dialect name, or null
     * @return the event with dialect fields, or {@code event} when no dialect understands it
     */
    public LogEvent apply(byte[] bytes, LogEvent event, ParseContext context, String hint) {
        Objects.requireNonNull(event, "event");
        if (dialects.isEmpty()) {
            return event;
        }
        DialectInput in = new DialectInput(bytes, event, context);
        List<Dialect> hinted = hint == null ? List.of() : byHint.getOrDefault(hint.toLowerCase(Locale.ROOT), List.of());
        LogEvent result = first(hinted, in, List.of());
        if (result != null) {
            return result;
        }
        List<Dialect> owners = event.appName() == null ? List.of() : byAppName.getOrDefault(event.appName(), List.of());
        result = first(owners, in, hinted);
        if (result != null) {
            return result;
        }
        result = first(dialects, in, hinted.isEmpty() ? owners : union(hinted, owners));
        return result != null ? result : event;
    }

    private LogEvent first(List<Dialect> candidates, DialectInput in, List<Dialect> alreadyTried) {
        for (Dialect d : candidates) {
            if (alreadyTried.contains(d)) {
                continue;
            }
            try {
                if (d.detect(in)) {
                    LogEvent result = d.apply(in);
                    if (result != null) {
                        return result;
                    }
                }
            } catch (RuntimeException e) {
                if (failureLogged.compareAndSet(false, true)) {
                    LOG.warn("Dialect {} failed; message kept as parsed (further failures logged at debug)", d.name(), e);
                } else {
                    LOG.debug("Dialect {} failed; message kept as parsed", d.name(), e);
                }
            }
        }
        return null;
    }

    private static List<Dialect> union(List<Dialect> a, List<Dialect> b) {
        Set<Dialect> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
