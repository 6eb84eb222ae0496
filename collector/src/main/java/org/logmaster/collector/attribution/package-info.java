/**
 * "Who had this IP address (and port) at that time?": intervals built from parsed events
 * (DHCP leases, static registrations, NAT translations, Wi-Fi associations), each carrying
 * the events that prove it, and {@link org.logmaster.collector.attribution.WhoHad} to ask
 * them. Persistence is the {@link org.logmaster.collector.attribution.AttributionStore}
 * interface: in memory for tests, {@link org.logmaster.collector.attribution.JdbcAttributionStore}
 * in the index database, kept up to date from indexed events by the
 * {@link org.logmaster.collector.attribution.AttributionFeed}; {@link org.logmaster.collector.attribution.WhoHadQuery}
 * adds the evidence lines from the daily files. Answers state overlaps and gaps in the evidence
 * instead of guessing.
 */
package org.logmaster.collector.attribution;
