package org.logmaster.collector.enrich;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.logmaster.collector.ingest.RawFrame;

/**
 * Names a device after its sender address ("ip-192-0-2-7", "ip6-2001-db8-0-0-0-0-0-1") unless the
 * listener fixed the device (tailed files). This is the stable id an unregistered sender's
 * files are kept under until it is registered by MAC address.
 */
public final class SenderAddressResolver implements DeviceResolver {
    private final ConcurrentMap<InetAddress, DeviceId> cache = new ConcurrentHashMap<>();

    @Override
    public DeviceId deviceFor(RawFrame frame) {
        if (frame.deviceHint() != null) {
            return new DeviceId(frame.deviceHint());
        }
        return cache.computeIfAbsent(frame.sender(), SenderAddressResolver::idOf);
    }

    static DeviceId idOf(InetAddress address) {
        String host = address.getHostAddress();
        if (address instanceof Inet6Address) {
            int zone = host.indexOf('%');
            if (zone >= 0) host = host.substring(0, zone);
            return new DeviceId("ip6-" + host.toLowerCase().replace(':', '-'));
        }
        return new DeviceId("ip-" + host.replace('.', '-'));
    }
}
