package dev.modelarts.local.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

import dev.modelarts.local.config.EdgeLimits;
import dev.modelarts.local.errors.ApiException;
import dev.modelarts.local.errors.ErrorCode;

/**
 * Refuses request bodies over {@link EdgeLimits#maxBodyBytes()} (1 MiB) with 413 ModelArts.4104: at once when
 * Content-Length says so, otherwise as soon as a chunked body passes the limit. A state document
 * ({@code PUT /_modelarts/state}) may be up to {@link EdgeLimits#maxStateBodyBytes()} (8 MiB): it holds every
 * project's images.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
public final class BodySizeLimit implements ContainerRequestFilter {

    public static final int MAX_BYTES = EdgeLimits.DEFAULT.maxBodyBytes();
    public static final int STATE_MAX_BYTES = EdgeLimits.DEFAULT.maxStateBodyBytes();
    private static final String STATE_PATH = "_modelarts/state";

    @Override
    public void filter(ContainerRequestContext request) {
        int max = STATE_PATH.equals(request.getUriInfo().getPath(false)) ? STATE_MAX_BYTES : MAX_BYTES;
        if (request.getLength() > max) {
            throw tooLarge(max);
        }
        if (hasEntity(request)) {
            request.setEntityStream(new Limited(request.getEntityStream(), max));
        }
    }

    /**
     * Whether a body follows, which Jersey finds out by reading: a client that stops sending
     * before the first byte of its body has the 400 of one that stops later, not a 500.
     */
    private static boolean hasEntity(ContainerRequestContext request) {
        try {
            return request.hasEntity();
        } catch (ProcessingException e) {
            if (e.getCause() instanceof IOException) {
                throw JsonBodyCheck.unreadable();
            }
            throw e;
        }
    }

    private static ApiException tooLarge(int max) {
        return new ApiException(ErrorCode.BODY_TOO_LARGE,
                "The request body exceeds the maximum size of " + max + " bytes.");
    }

    private static final class Limited extends FilterInputStream {
        private final int max;
        private long read;

        Limited(InputStream in, int max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw tooLarge(max);
            }
        }
    }
}
