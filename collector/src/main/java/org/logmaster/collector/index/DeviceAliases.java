package org.logmaster.collector.index;

import java.util.Collection;
import java.util.List;
import org.logmaster.collector.enrich.DeviceId;

/** Where the former ids of devices are kept ({@link DeviceAlias}); searches by device consult it. */
@FunctionalInterface
public interface DeviceAliases {
    /** No device has former ids. */
    DeviceAliases NONE = devices -> List.of();

    /** The aliases of these devices. */
    List<DeviceAlias> of(Collection<DeviceId> devices);
}
