package org.logmaster.console.client;

import java.util.List;

import org.logmaster.api.v1.Device;
import org.logmaster.api.v1.RegisterDeviceRequest;
import org.logmaster.api.v1.UnknownSender;
import org.logmaster.api.v1.UpdateDeviceRequest;

/**
 * The collector's device registry ({@code DeviceService}). Blocking: never call on the display
 * thread. Every method throws {@link CallFailedException} with the server's message.
 */
public interface DeviceRegistry {

    /** Sorted by name. */
    List<Device> list(boolean includeRetired);

    /** Most recently seen first. */
    List<UnknownSender> unknownSenders();

    Device register(RegisterDeviceRequest request);

    Device update(UpdateDeviceRequest request);

    Device retire(String deviceId, String reason);
}
