package org.logmaster.collector.seal;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A day that was just sealed: what the statement says, where its files are, and the TSA's time.
 *
 * @param statementSha256 SHA-256 of the {@code .seal} file, which the next day's seal links to
 */
public record SealedDay(SealStatement statement, Path sealFile, String statementSha256, Instant tsaTime) {
}
