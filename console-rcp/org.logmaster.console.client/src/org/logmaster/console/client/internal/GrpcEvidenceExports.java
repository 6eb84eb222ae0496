package org.logmaster.console.client.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import org.logmaster.api.v1.ExportBundleChunk;
import org.logmaster.api.v1.ExportBundleRequest;
import org.logmaster.api.v1.ExportServiceGrpc.ExportServiceBlockingStub;
import org.logmaster.api.v1.ExportSummary;
import org.logmaster.console.client.EvidenceExports;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * {@link EvidenceExports} over {@code logmaster.v1.ExportService}. The call runs in a cancellable
 * gRPC context; a watcher asks {@code cancelled} every 100 ms, so Cancel works even while the
 * collector is still building the first chunk (it hashes and signs before it streams).
 */
final class GrpcEvidenceExports implements EvidenceExports {

    private static final long CANCEL_POLL_MILLIS = 100;

    private final Supplier<ExportServiceBlockingStub> stub;

    /** @param stub a fresh stub with the session's token and no deadline (a bundle may take minutes) */
    GrpcEvidenceExports(Supplier<ExportServiceBlockingStub> stub) {
        this.stub = stub;
    }

    @Override
    public ExportSummary export(ExportBundleRequest request, Path destination, LongConsumer bytesReceived,
            BooleanSupplier cancelled) throws IOException {
        Path target = destination.toAbsolutePath();
        Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        Context.CancellableContext context = Context.current().withCancellation();
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "export-cancel-watcher");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(() -> {
            if (cancelled.getAsBoolean()) {
                context.cancel(Status.CANCELLED.withDescription("cancelled by the operator").asException());
            }
        }, CANCEL_POLL_MILLIS, CANCEL_POLL_MILLIS, TimeUnit.MILLISECONDS);
        boolean saved = false;
        try {
            ExportSummary summary = context.call(() -> receive(request, partial, bytesReceived));
            if (cancelled.getAsBoolean()) {
                throw new ExportCancelledException(); // pressed while the last chunk came: still nothing saved
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            saved = true;
            return summary;
        } catch (StatusRuntimeException e) {
            if (context.isCancelled() && cancelled.getAsBoolean()) {
                throw new ExportCancelledException();
            }
            return GrpcCalls.call(() -> {
                throw e;
            });
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            watcher.shutdownNow();
            context.cancel(null);
            if (!saved) {
                Files.deleteIfExists(partial);
            }
        }
    }

    private ExportSummary receive(ExportBundleRequest request, Path partial, LongConsumer bytesReceived)
            throws IOException {
        long received = 0;
        try (OutputStream out = Files.newOutputStream(partial)) {
            Iterator<ExportBundleChunk> chunks = stub.get().export(request);
            while (chunks.hasNext()) {
                ExportBundleChunk chunk = chunks.next();
                chunk.getData().writeTo(out);
                received += chunk.getData().size();
                bytesReceived.accept(received);
                if (chunk.hasSummary()) {
                    return chunk.getSummary();
                }
            }
        }
        throw new IOException("the collector ended the export without its summary after " + received
                + " bytes: not a complete bundle");
    }
}
