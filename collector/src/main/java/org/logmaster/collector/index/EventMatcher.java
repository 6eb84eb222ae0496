package org.logmaster.collector.index;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.logmaster.collector.enrich.DeviceId;

/**
 * The filter of a {@link SearchQuery} (devices with their aliases, time range, severity, text, fields)
 * applied to events in memory, by the same rules as {@link EventSearch} applies it in SQL: for
 * events that reach a live tail before anyone searches for them.
 */
public final class EventMatcher implements Predicate<IndexedEvent> {
    private final Set<String> devices;
    private final List<DeviceAlias> aliases;
    private final SearchQuery query;
    private final String text;

    EventMatcher(SearchQuery query, List<DeviceAlias> aliases) {
        this.devices = query.devices().stream().map(DeviceId::value).collect(Collectors.toUnmodifiableSet());
        this.aliases = List.copyOf(aliases);
        this.query = query;
        this.text = query.text() == null ? null : query.text().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean test(IndexedEvent e) {
        if (!devices.isEmpty() && !devices.contains(e.deviceId()) && aliases.stream().noneMatch(a -> a.covers(e.deviceId(), e.arrival()))) {
            return false;
        }
        if (query.from() != null && e.arrival().isBefore(query.from())) return false;
        if (query.to() != null && !e.arrival().isBefore(query.to())) return false;
        if (query.maxSeverity() != null && (e.severity() == null || e.severity() > query.maxSeverity())) return false;
        for (FieldFilter f : query.fields()) {
            if (!f.value().equals(e.fields().get(f.field().key()))) return false;
        }
        return text == null || (e.message() != null && e.message().toLowerCase(Locale.ROOT).contains(text));
    }
}
