package org.logmaster.console.client;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

import org.logmaster.api.v1.ExportBundleRequest;
import org.logmaster.api.v1.ExportSummary;

/**
 * Signed evidence bundles for a court ({@code ExportService}). Blocking: never call on the display
 * thread.
 */
public interface EvidenceExports {

    /**
     * Streams the bundle into a temporary file beside {@code destination} and, once the collector's
     * last chunk with its summary arrived, moves it into place; the destination never holds a
     * partial bundle, and the temporary file is deleted on failure or cancellation.
     *
     * @param bytesReceived told the total bytes received after every chunk (on the calling thread)
     * @param cancelled     asked while waiting; when it answers true the call is cancelled
     * @throws CallFailedException       the collector refused or failed (code and its message)
     * @throws ExportCancelledException  {@code cancelled} said so
     * @throws IOException               the file could not be written, or the stream ended without a summary
     */
    ExportSummary export(ExportBundleRequest request, Path destination, LongConsumer bytesReceived,
            BooleanSupplier cancelled) throws IOException;

    /** The export was cancelled by the operator; nothing was saved. */
    final class ExportCancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ExportCancelledException() {
            super("export cancelled; nothing was saved");
        }
    }
}
