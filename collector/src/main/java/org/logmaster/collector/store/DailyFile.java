package org.logmaster.collector.store;

import java.nio.file.Path;

/** A daily file found on disk. */
public record DailyFile(DeviceDay deviceDay, Path path) {}
