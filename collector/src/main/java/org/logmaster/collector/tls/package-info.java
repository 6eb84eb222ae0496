/**
 * The appliance's TLS identity ({@link org.logmaster.collector.tls.ApplianceCertificate}): made on first
 * start, kept in a PKCS#12 file, pinned by clients through its SHA-256 fingerprint. Independent of syslog,
 * so every TLS port of the collector uses it.
 */
package org.logmaster.collector.tls;
