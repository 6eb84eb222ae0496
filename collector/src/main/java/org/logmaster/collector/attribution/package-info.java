/**
 * "Who had this IP address (and port) at that time?": intervals built from parsed events
 * (DHCP leases, static registrations, NAT translations, Wi-Fi associations), each carrying
 * the events that prove it, and {@link org.logmaster.collector.attribution.WhoHad} to ask
 * them. Pure domain code: persistence is the {@link org.logmaster.collector.attribution.AttributionStore}
 * interface, with an in-memory implementation; answers state overlaps and gaps in the
 * evidence instead of guessing.
 */
package org.logmaster.collector.attribution;
