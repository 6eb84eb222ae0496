package org.logmaster.collector.index;

import java.time.Instant;
import org.logmaster.collector.parse.LogEvent;
import org.logmaster.collector.store.DeviceDay;

/**
 * One indexed line: where it is in the legal record and what the parser understood of it.
 *
 * @param deviceDay  the daily file
 * @param fileOffset byte offset of the line in that file
 * @param arrival    arrival time from the line
 * @param sender     sender address from the line
 * @param listener   listener name from the line
 * @param event      the parsed message
 */
public record EventRow(DeviceDay deviceDay, long fileOffset, Instant arrival, String sender, String listener,
                       LogEvent event) {}
