/**
 * The first stage of the data path: listeners that receive syslog and hand every message, unparsed, to
 * a {@link org.logmaster.collector.ingest.FrameSink} as a {@link org.logmaster.collector.ingest.RawFrame}.
 *
 * <ul>
 *   <li>{@link org.logmaster.collector.ingest.UdpListener} — RFC 5426, SO_REUSEPORT sockets, kernel drops
 *       read from /proc ({@link org.logmaster.collector.ingest.UdpKernelDrops});</li>
 *   <li>{@link org.logmaster.collector.ingest.TcpListener} and {@link org.logmaster.collector.ingest.TlsListener}
 *       — RFC 6587 / RFC 5425 streams split by {@link org.logmaster.collector.ingest.SyslogFrameDecoder};
 *       a blocked sink stops reading, so TCP flow control pushes back on the sender;</li>
 *   <li>{@link org.logmaster.collector.ingest.FileTailer} — lines of a local file, across rotation,
 *       truncation and restarts.</li>
 * </ul>
 *
 * Listeners never parse and never drop silently: oversized frames are kept cut and counted, broken
 * streams are kept up to the break and counted, and every count lives in
 * {@link org.logmaster.collector.ingest.ListenerCounters}.
 */
package org.logmaster.collector.ingest;
