package org.logmaster.collector.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a syslog byte stream into frames (RFC 6587). Pure: no I/O, fed with whatever a read returned,
 * so frames may be split across reads and one read may hold many frames. One decoder per connection.
 *
 * <p>The framing is chosen once, from the first byte that is not a stray LF, CR or NUL: a digit means
 * octet counting ({@code LEN SP MSG}), anything else non-transparent framing, where LF or NUL ends a
 * frame and a CR before the LF is dropped. A sender that starts with neither a digit nor {@code '<'}
 * breaks RFC 6587, but its lines are still kept (raw) rather than refused.
 *
 * <p>Nothing received is silently lost: a frame longer than {@code maxFrameBytes} is stored as its first
 * {@code maxFrameBytes} bytes and flagged oversized (octet counting skips the rest and resynchronises on
 * the next count; an over-long line is cut into several flagged frames). A malformed octet count cannot
 * be resynchronised; the bytes from the bad count to the end of that read are handed over as one frame
 * and {@link MalformedFrameException} tells the caller to close the connection.
 */
public final class SyslogFrameDecoder {

    /** Receives each frame; may block (that is how a full queue pushes back on the sender). */
    @FunctionalInterface
    public interface FrameHandler {
        void frame(byte[] payload, boolean oversized) throws InterruptedException;
    }

    public enum Framing { UNDECIDED, OCTET_COUNTING, NON_TRANSPARENT, BROKEN }

    private static final byte LF = '\n';
    private static final byte CR = '\r';
    private static final byte NUL = 0;
    private static final byte SP = ' ';
    /** RFC 6587 has no limit; nine digits keep the count in an int and far above any sane message. */
    private static final int MAX_COUNT_DIGITS = 9;

    private final int maxFrameBytes;
    private Framing framing;

    // octet counting: either reading the count, or filling `body`, then skipping what exceeds the maximum
    private int countDigits;
    private int count;
    private byte[] body;
    private int bodyFilled;
    private int toSkip;

    // non-transparent: the start of a line that continues in the next read
    private byte[] line = new byte[0];
    private int lineLength;
    private boolean cuttingLongLine;

    private SyslogFrameDecoder(int maxFrameBytes, Framing framing) {
        if (maxFrameBytes < 1) throw new IllegalArgumentException("maxFrameBytes must be positive: " + maxFrameBytes);
        this.maxFrameBytes = maxFrameBytes;
        this.framing = framing;
    }

    /** For syslog streams (TCP, TLS): the framing is detected from the first byte. */
    public static SyslogFrameDecoder detecting(int maxFrameBytes) {
        return new SyslogFrameDecoder(maxFrameBytes, Framing.UNDECIDED);
    }

    /** For text files: one line is one frame. */
    public static SyslogFrameDecoder lines(int maxFrameBytes) {
        return new SyslogFrameDecoder(maxFrameBytes, Framing.NON_TRANSPARENT);
    }

    public Framing framing() {
        return framing;
    }

    /** Bytes consumed but not yet handed over because their frame is incomplete. */
    public int pendingBytes() {
        return switch (framing) {
            case NON_TRANSPARENT -> lineLength;
            case OCTET_COUNTING -> body != null ? bodyFilled : countDigits;
            default -> 0;
        };
    }

    /** Feeds {@code len} bytes of {@code buf} from {@code off}; hands every completed frame to {@code out}. */
    public void decode(byte[] buf, int off, int len, FrameHandler out) throws MalformedFrameException,
            InterruptedException {
        int end = off + len;
        int i = off;
        while (i < end) {
            switch (framing) {
                case UNDECIDED -> {
                    byte b = buf[i];
                    if (isFiller(b)) {
                        i++;
                    } else {
                        framing = isDigit(b) ? Framing.OCTET_COUNTING : Framing.NON_TRANSPARENT;
                    }
                }
                case OCTET_COUNTING -> i = decodeOctetCounted(buf, i, end, out);
                case NON_TRANSPARENT -> i = decodeLines(buf, i, end, out);
                case BROKEN -> throw new IllegalStateException("the stream was malformed; close the connection");
            }
        }
    }

    /**
     * The stream ended: hands over an incomplete last frame (a line without trailer is normal; an
     * octet-counted frame cut short is kept with the bytes that arrived).
     *
     * @return true if an octet-counted frame was incomplete, which the caller may want to report
     */
    public boolean finish(FrameHandler out) throws InterruptedException {
        switch (framing) {
            case NON_TRANSPARENT -> {
                if (lineLength > 0) {
                    byte[] frame = Arrays.copyOf(line, stripCr(line, 0, lineLength));
                    boolean oversized = cuttingLongLine;
                    lineLength = 0;
                    cuttingLongLine = false;
                    if (frame.length > 0) out.frame(frame, oversized);
                }
                return false;
            }
            case OCTET_COUNTING -> {
                if (body != null) {
                    byte[] frame = Arrays.copyOf(body, bodyFilled);
                    body = null;
                    out.frame(frame, false);
                    return true;
                }
                if (countDigits > 0) {
                    byte[] frame = countPrefix();
                    countDigits = 0;
                    count = 0;
                    out.frame(frame, false);
                    return true;
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    private int decodeOctetCounted(byte[] buf, int i, int end, FrameHandler out) throws MalformedFrameException,
            InterruptedException {
        while (i < end) {
            if (body != null) {
                int n = Math.min(end - i, body.length - bodyFilled);
                System.arraycopy(buf, i, body, bodyFilled, n);
                bodyFilled += n;
                i += n;
                if (bodyFilled == body.length) {
                    byte[] frame = body;
                    body = null;
                    out.frame(frame, toSkip > 0);
                }
            } else if (toSkip > 0) {
                int n = Math.min(end - i, toSkip);
                toSkip -= n;
                i += n;
            } else {
                byte b = buf[i];
                if (isDigit(b)) {
                    if (countDigits == 0 && b == '0') {
                        malformed("octet count starts with 0", buf, i, end, out);
                    }
                    if (countDigits == MAX_COUNT_DIGITS) {
                        malformed("octet count has more than " + MAX_COUNT_DIGITS + " digits", buf, i, end, out);
                    }
                    count = count * 10 + (b - '0');
                    countDigits++;
                    i++;
                } else if (b == SP && countDigits > 0) {
                    i++;
                    body = new byte[Math.min(count, maxFrameBytes)];
                    bodyFilled = 0;
                    toSkip = count - body.length;
                    countDigits = 0;
                    count = 0;
                } else if (countDigits == 0 && isFiller(b)) {
                    i++; // some senders end octet-counted frames with a LF anyway
                } else {
                    malformed("expected an octet count, found byte 0x%02x".formatted(b & 0xff), buf, i, end, out);
                }
            }
        }
        return i;
    }

    private void malformed(String reason, byte[] buf, int from, int end, FrameHandler out)
            throws MalformedFrameException, InterruptedException {
        byte[] prefix = countPrefix();
        int available = prefix.length + (end - from);
        byte[] kept = Arrays.copyOf(prefix, Math.min(available, maxFrameBytes));
        System.arraycopy(buf, from, kept, prefix.length, kept.length - prefix.length);
        framing = Framing.BROKEN;
        out.frame(kept, available > maxFrameBytes);
        throw new MalformedFrameException(reason);
    }

    /** The digits of a count already consumed (they have no leading zero, so the value gives them back). */
    private byte[] countPrefix() {
        return countDigits == 0 ? new byte[0] : Integer.toString(count).getBytes(StandardCharsets.US_ASCII);
    }

    private int decodeLines(byte[] buf, int i, int end, FrameHandler out) throws InterruptedException {
        int start = i;
        for (; i < end; i++) {
            byte b = buf[i];
            if (b == LF || b == NUL) {
                completeLine(buf, start, i, out);
                start = i + 1;
                continue;
            }
            int held = lineLength + (i - start);
            // a full line may still be followed by CR LF, so a CR waits one byte before the line is cut
            if (held > maxFrameBytes || (held == maxFrameBytes && b != CR)) {
                start = cutLine(buf, start, i, out);
            }
        }
        appendToLine(buf, start, end);
        return end;
    }

    private void completeLine(byte[] buf, int start, int stop, FrameHandler out) throws InterruptedException {
        byte[] frame;
        if (lineLength == 0) {
            frame = Arrays.copyOfRange(buf, start, stripCr(buf, start, stop));
        } else {
            appendToLine(buf, start, stop);
            frame = Arrays.copyOf(line, stripCr(line, 0, lineLength));
            lineLength = 0;
        }
        boolean oversized = cuttingLongLine;
        cuttingLongLine = false;
        if (frame.length > 0) out.frame(frame, oversized);
    }

    /**
     * The line goes on beyond the maximum: hand over its first {@code maxFrameBytes} bytes, flagged, and keep
     * the rest (at most a CR) as the start of the next piece.
     *
     * @return where the next piece starts in {@code buf}
     */
    private int cutLine(byte[] buf, int start, int stop, FrameHandler out) throws InterruptedException {
        byte[] frame;
        int next;
        if (lineLength == 0) {
            frame = Arrays.copyOfRange(buf, start, start + maxFrameBytes);
            next = start + maxFrameBytes;
        } else if (lineLength <= maxFrameBytes) {
            next = start + (maxFrameBytes - lineLength);
            appendToLine(buf, start, next);
            frame = Arrays.copyOf(line, maxFrameBytes);
            lineLength = 0;
        } else { // the held-back CR is the last byte of the saved line
            frame = Arrays.copyOf(line, maxFrameBytes);
            line[0] = line[maxFrameBytes];
            lineLength = 1;
            next = start;
        }
        cuttingLongLine = true;
        out.frame(frame, true);
        return next;
    }

    private void appendToLine(byte[] buf, int start, int stop) {
        int n = stop - start;
        if (n == 0) return;
        if (lineLength + n > line.length) {
            // room for the maximum plus a CR held back until the next byte shows whether a LF follows
            line = Arrays.copyOf(line, Math.min(maxFrameBytes + 1, Math.max(lineLength + n, line.length * 2)));
        }
        System.arraycopy(buf, start, line, lineLength, n);
        lineLength += n;
    }

    /** End index without one trailing CR. */
    private static int stripCr(byte[] buf, int start, int stop) {
        return stop > start && buf[stop - 1] == CR ? stop - 1 : stop;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isFiller(byte b) {
        return b == LF || b == CR || b == NUL;
    }
}
