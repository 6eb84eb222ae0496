package org.logmaster.collector.attribution;

import java.util.List;

import org.logmaster.collector.parse.Field;

/**
 * Builds Wi-Fi associations from access point events: a connect opens one per access point
 * and MAC (a second connect message for the same association only adds evidence), an
 * 802.1X identity names its user, a disconnect ends it.
 */
final class AssociationRecorder {
    private final AttributionStore store;

    AssociationRecorder(AttributionStore store) {
        this.store = store;
    }

    void connect(ObservedEvent e, String mac) {
        String ap = e.ref().deviceId();
        store.openAssociation(ap, mac).ifPresentOrElse(
                open -> store.save(open.with(e.field(Field.USER), null, e.evidence())),
                () -> store.save(new Association(store.nextId(), mac, ap, e.field(Field.INTERFACE), e.field(Field.USER),
                        e.time(), null, List.of(e.evidence()))));
    }

    void disconnect(ObservedEvent e, String mac) {
        store.openAssociation(e.ref().deviceId(), mac)
                .ifPresent(open -> store.save(open.with(null, e.time(), e.evidence())));
    }
}
