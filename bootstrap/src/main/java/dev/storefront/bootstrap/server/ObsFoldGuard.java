package dev.storefront.bootstrap.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Locale;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.StreamSourceConduit;

/**
 * Makes Undertow refuse a request with an obs-folded header line (a line of the header block that
 * starts with a space or tab, RFC 9112 §5.2). Undertow joins such a line to the one before, so
 * {@code Transfer-Encoding:} + {@code  chunked} on the next line is chunked to it while a proxy in
 * front may see no framing header at all: the body it forwards as a request of its own is smuggled.
 * Undertow's joined value cannot show the fold any more, so this conduit looks at the bytes before
 * Undertow parses them: it follows each request's framing (header block, then {@code Content-Length}
 * bytes or chunks) so that only header blocks are looked at, never a body, and overwrites the
 * whitespace that starts a folded line with a NUL byte. A NUL cannot start a header name, so
 * Undertow answers its own 400 and closes the connection (logged at debug only).
 *
 * <p>Where it cannot follow the framing (a length it cannot read, {@code Transfer-Encoding} other
 * than {@code chunked}, which {@code RequestFramingHandler} refuses and closes anyway), it stops
 * looking for that connection rather than guess.
 */
final class ObsFoldGuard extends AbstractStreamSourceConduit<StreamSourceConduit> {
    private static final int LINE_KEPT = 64;
    private static final String CONTENT_LENGTH = "content-length:";
    private static final String TRANSFER_ENCODING = "transfer-encoding:";

    private enum State { HEADERS, FIXED_BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_DATA_END, TRAILERS, OFF }

    private State state = State.HEADERS;
    /** Lines of the current header block seen so far (the request line is the first). */
    private int lines;
    /** Bytes of the current line, carriage returns left out. */
    private int lineLength;
    private final StringBuilder line = new StringBuilder(LINE_KEPT);
    private long contentLength = -1;
    private boolean chunked;
    private boolean unframable;
    private long remaining;
    private long chunkSize;
    private boolean chunkDigits;

    ObsFoldGuard(StreamSourceConduit next) {
        super(next);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int start = dst.position();
        int read = next.read(dst);
        if (read > 0) {
            look(dst, start, dst.position());
        }
        return read;
    }

    @Override
    public long read(ByteBuffer[] dsts, int offs, int len) throws IOException {
        int[] starts = new int[len];
        for (int i = 0; i < len; i++) {
            starts[i] = dsts[offs + i].position();
        }
        long read = next.read(dsts, offs, len);
        if (read > 0) {
            for (int i = 0; i < len; i++) {
                look(dsts[offs + i], starts[i], dsts[offs + i].position());
            }
        }
        return read;
    }

    /** Bytes that bypass the buffers cannot be followed: stop looking. */
    @Override
    public long transferTo(long position, long count, FileChannel target) throws IOException {
        state = State.OFF;
        return next.transferTo(position, count, target);
    }

    @Override
    public long transferTo(long count, ByteBuffer throughBuffer, StreamSinkChannel target) throws IOException {
        state = State.OFF;
        return next.transferTo(count, throughBuffer, target);
    }

    private void look(ByteBuffer buffer, int from, int to) {
        int i = from;
        while (i < to && state != State.OFF) {
            switch (state) {
                case FIXED_BODY -> {
                    int skip = (int) Math.min(remaining, to - i);
                    i += skip;
                    remaining -= skip;
                    if (remaining == 0) {
                        nextRequest();
                    }
                }
                case CHUNK_DATA -> {
                    int skip = (int) Math.min(remaining, to - i);
                    i += skip;
                    remaining -= skip;
                    if (remaining == 0) {
                        state = State.CHUNK_DATA_END;
                    }
                }
                default -> {
                    byte b = buffer.get(i);
                    if (state == State.HEADERS && lineLength == 0 && lines > 0 && (b == ' ' || b == '\t')) {
                        buffer.put(i, (byte) 0); // a folded line: Undertow answers 400 and closes
                        state = State.OFF;
                        return;
                    }
                    onByte(b);
                    i++;
                }
            }
        }
    }

    private void onByte(byte b) {
        if (b == '\r') {
            return;
        }
        if (b != '\n') {
            if (state == State.CHUNK_SIZE) {
                chunkSizeDigit(b);
            } else if (line.length() < LINE_KEPT) {
                line.append((char) (b & 0xff));
            }
            lineLength++;
            return;
        }
        boolean empty = lineLength == 0;
        switch (state) {
            case HEADERS -> {
                if (empty && lines > 0) {
                    endOfHeaders();
                } else if (!empty) {
                    headerLine();
                    lines++;
                }
            }
            case CHUNK_SIZE -> {
                if (!chunkDigits) {
                    state = State.OFF;
                } else if (chunkSize == 0) {
                    state = State.TRAILERS;
                } else {
                    remaining = chunkSize;
                    state = State.CHUNK_DATA;
                }
            }
            case CHUNK_DATA_END -> state = State.CHUNK_SIZE;
            case TRAILERS -> {
                if (empty) {
                    nextRequest();
                }
            }
            default -> { }
        }
        newLine();
    }

    private void chunkSizeDigit(byte b) {
        if (lineLength > 0 && line.length() > 0) {
            return; // past the size: a chunk extension
        }
        int digit = Character.digit(b, 16);
        if (digit < 0) {
            line.append(';'); // the size ended; what follows is not read
        } else if (chunkSize > (Long.MAX_VALUE >> 4)) {
            state = State.OFF;
        } else {
            chunkSize = chunkSize * 16 + digit;
            chunkDigits = true;
        }
    }

    private void headerLine() {
        String kept = line.toString().toLowerCase(Locale.ROOT);
        if (kept.startsWith(CONTENT_LENGTH)) {
            try {
                long length = Long.parseLong(kept.substring(CONTENT_LENGTH.length()).trim());
                unframable |= length < 0 || contentLength >= 0;
                contentLength = length;
            } catch (NumberFormatException e) {
                unframable = true;
            }
        } else if (kept.startsWith(TRANSFER_ENCODING)) {
            unframable |= chunked || !kept.substring(TRANSFER_ENCODING.length()).trim().equals("chunked");
            chunked = true;
        }
    }

    private void endOfHeaders() {
        if (unframable || (chunked && contentLength >= 0)) {
            state = State.OFF; // refused and closed by Undertow or RequestFramingHandler
        } else if (chunked) {
            startChunk();
        } else if (contentLength > 0) {
            remaining = contentLength;
            state = State.FIXED_BODY;
        } else {
            nextRequest();
        }
    }

    private void startChunk() {
        chunkSize = 0;
        chunkDigits = false;
        state = State.CHUNK_SIZE;
    }

    private void nextRequest() {
        state = State.HEADERS;
        lines = 0;
        contentLength = -1;
        chunked = false;
        unframable = false;
        newLine();
    }

    private void newLine() {
        lineLength = 0;
        line.setLength(0);
        if (state == State.CHUNK_SIZE) {
            chunkSize = 0;
            chunkDigits = false;
        }
    }
}
