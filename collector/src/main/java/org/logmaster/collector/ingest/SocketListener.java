package org.logmaster.collector.ingest;

/** A listener bound to a network port. */
public interface SocketListener extends Listener {

    /** The port actually bound (useful when port 0 asked the kernel to choose); -1 before {@link #start()}. */
    int localPort();
}
