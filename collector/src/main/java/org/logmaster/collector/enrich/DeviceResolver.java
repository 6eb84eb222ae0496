package org.logmaster.collector.enrich;

import org.logmaster.collector.ingest.RawFrame;

/** Decides which device a frame belongs to, and so which daily file it goes to. */
public interface DeviceResolver {
    DeviceId deviceFor(RawFrame frame);
}
