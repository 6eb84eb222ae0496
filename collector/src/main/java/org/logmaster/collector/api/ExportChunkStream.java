package org.logmaster.collector.api;

import io.grpc.stub.ServerCallStreamObserver;
import java.io.IOException;
import java.io.OutputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import com.google.protobuf.ByteString;
import org.logmaster.api.v1.ExportBundleChunk;

/**
 * An output stream that sends what is written as {@link ExportBundleChunk}s of up to 64 KiB,
 * waiting while the client is not ready (gRPC flow control), so a bundle of any size streams in
 * constant memory. A cancelled call makes the next write fail, which stops the export.
 */
final class ExportChunkStream extends OutputStream {
    static final int CHUNK_BYTES = 64 * 1024;
    private final ServerCallStreamObserver<ExportBundleChunk> out;
    private final byte[] buffer = new byte[CHUNK_BYTES];
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private volatile boolean cancelled;
    private int filled;
    private long total;

    ExportChunkStream(ServerCallStreamObserver<ExportBundleChunk> out) {
        this.out = out;
        out.setOnReadyHandler(this::signal);
        out.setOnCancelHandler(() -> {
            cancelled = true;
            signal();
        });
    }

    @Override
    public void write(int b) throws IOException {
        if (filled == buffer.length) sendBuffer();
        buffer[filled++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (filled == buffer.length) sendBuffer();
            int n = Math.min(length, buffer.length - filled);
            System.arraycopy(bytes, offset, buffer, filled, n);
            filled += n;
            offset += n;
            length -= n;
        }
    }

    /** Sends what is buffered with the summary as the last chunk. */
    void finish(org.logmaster.api.v1.ExportSummary summary) throws IOException {
        awaitReady();
        out.onNext(ExportBundleChunk.newBuilder().setData(ByteString.copyFrom(buffer, 0, filled)).setSummary(
                summary.toBuilder().setSize(total + filled)).build());
        total += filled;
        filled = 0;
    }

    long size() {
        return total + filled;
    }

    private void sendBuffer() throws IOException {
        awaitReady();
        out.onNext(ExportBundleChunk.newBuilder().setData(ByteString.copyFrom(buffer, 0, filled)).build());
        total += filled;
        filled = 0;
    }

    private void awaitReady() throws IOException {
        lock.lock();
        try {
            while (!isCancelled() && !out.isReady()) {
                // the ready and cancel handlers signal; the timeout only guards against a missed signal
                ready.await(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("export interrupted");
        } finally {
            lock.unlock();
        }
        if (isCancelled()) {
            throw new IOException("the client cancelled the export");
        }
    }

    private boolean isCancelled() {
        return cancelled || out.isCancelled();
    }

    private void signal() {
        lock.lock();
        try {
            ready.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
