package org.logmaster.collector.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.seal.SealFiles;

/** The device folders under {@code <data-dir>/logs}, for commands that work on "every device". */
final class DeviceFolders {
    private DeviceFolders() {
    }

    static List<DeviceId> all(Path dataDir) throws IOException {
        return SealFiles.devices(dataDir);
    }

    static List<DeviceId> withDay(Path dataDir, LocalDate day) throws IOException {
        return all(dataDir).stream().filter(device -> {
            try {
                return SealFiles.logDays(dataDir, device).contains(day);
            } catch (IOException e) {
                return true; // let sealing report why the folder cannot be read
            }
        }).toList();
    }
}
