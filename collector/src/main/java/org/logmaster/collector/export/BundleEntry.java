package org.logmaster.collector.export;

/** One file of a bundle as the manifest lists it: its path in the zip, SHA-256 (lower-case hex) and size. */
public record BundleEntry(String path, String sha256, long size) {
}
