package dev.modelarts.local.http;

import java.util.concurrent.atomic.AtomicLong;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

/**
 * Counts the bytes of every response body as it is written, for the access line: Jersey knows
 * a body's length only when it buffered it whole, so its own figure is often missing.
 */
public final class BodyBytes implements WriterInterceptor {

    /**
     * The request property where the count goes once the body is written: into the
     * {@code AtomicLong} the access log put there, else as a {@code Long}.
     */
    static final String PROPERTY = "dev.modelarts.local.bodyBytes";

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        Counting counting = new Counting(context.getOutputStream());
        context.setOutputStream(counting);
        try {
            context.proceed();
        } finally {
            if (context.getProperty(PROPERTY) instanceof AtomicLong holder) {
                holder.set(counting.count);
            } else {
                context.setProperty(PROPERTY, counting.count);
            }
        }
    }

    private static final class Counting extends FilterOutputStream {

        private long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }
    }
}
