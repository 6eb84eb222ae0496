package org.logmaster.collector.enrich;

import java.net.InetAddress;

/**
 * A sender that was unknown now belongs to a registered device: messages from {@code sender} go
 * to {@code device} from now on, and those already filed under {@code previous} may be moved.
 * The same assignment may be reported more than once; handlers must be idempotent.
 */
public record SenderAssignment(InetAddress sender, DeviceId previous, DeviceId device) {}
