package dev.modelarts.local.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Function;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The API views of kept answers, and their JSON, written once and sent again as bytes. The
 * data layer gives a kept answer as the very object it gave before (the group pages, ListImage's
 * pages, ShowImage's rows, each while it is still exact); a resource asks here for that
 * object's view ({@link #view}) and gets the view it got before, and this interceptor writes the
 * view's body as Jackson wrote it the first time. On the hot reads that takes the mapping to the
 * generated models and Jackson out of every request but the first (BENCHMARKS.md, "the hot path
 * without Bean Validation, and kept JSON").
 *
 * <p>Why it is exact: the caches are keyed by identity (weak keys), and an answer, a view and a
 * body are made from one another and never changed; an answer that is no longer kept by the data
 * layer is collected, and its view and body go with it. Only views made here are written from
 * bytes; any other entity (a write's answer, an error) goes through Jackson as always.
 */
@Priority(Priorities.USER + 500) // inside BodyBytes, which counts what is written here
public final class KeptJson implements WriterInterceptor {

    private final Cache<Object, Object> views;
    /**
     * The views made here, so that a body evicted by weight is kept again the next time it is
     * written: marked apart from the bodies, since the view outlives its body in the cache.
     */
    private final Cache<Object, Boolean> keptViews;
    private final Cache<Object, byte[]> bodies;

    /**
     * @param maxViews how many answers' views are kept at most
     * @param maxBodyBytes how many bytes of JSON are kept at most
     */
    public KeptJson(long maxViews, long maxBodyBytes) {
        this.views = Caffeine.newBuilder().weakKeys().maximumSize(maxViews).executor(Runnable::run).build();
        this.keptViews = Caffeine.newBuilder().weakKeys().maximumSize(maxViews).executor(Runnable::run).build();
        this.bodies = Caffeine.newBuilder().weakKeys().maximumWeight(maxBodyBytes)
                .weigher((Object view, byte[] body) -> body.length + 1).executor(Runnable::run).build();
    }

    /**
     * The view of {@code answer}: the one made before for this very object while it is kept,
     * else {@code toView}'s, kept with it. {@code toView} must depend on the answer alone, and the
     * view must not be changed afterwards.
     */
    @SuppressWarnings("unchecked")
    public <A, V> V view(A answer, Function<A, V> toView) {
        return (V) views.get(answer, a -> {
            V view = toView.apply((A) a);
            keptViews.put(view, Boolean.TRUE);
            return view;
        });
    }

    /**
     * The JSON body of {@code view}, for an answer written without Jersey (the hot reads'
     * shortcut): a kept view's bytes as written before, else {@code write}'s, which are kept
     * when the view is a kept one (written for the first time, or since its bytes were evicted).
     */
    public byte[] json(Object view, Function<Object, byte[]> write) {
        byte[] body = bodies.getIfPresent(view);
        if (body != null) {
            return body;
        }
        byte[] written = write.apply(view);
        if (keptViews.getIfPresent(view) != null) {
            bodies.put(view, written);
        }
        return written;
    }

    /** Drops every kept body, as the weight limit may drop any of them; the views stay kept (tests). */
    void dropBodies() {
        bodies.invalidateAll();
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        Object entity = context.getEntity();
        byte[] body = entity == null ? null : bodies.getIfPresent(entity);
        if (body != null) {
            context.getOutputStream().write(body);
        } else if (entity == null || keptViews.getIfPresent(entity) == null) {
            context.proceed(); // not a kept view
        } else {
            OutputStream out = context.getOutputStream();
            ByteArrayOutputStream copy = new ByteArrayOutputStream(1024);
            context.setOutputStream(copy);
            context.proceed();
            byte[] written = copy.toByteArray();
            out.write(written);
            context.setOutputStream(out);
            bodies.put(entity, written);
        }
    }
}
