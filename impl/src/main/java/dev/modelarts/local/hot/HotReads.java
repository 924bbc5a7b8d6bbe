package dev.modelarts.local.hot;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;

import dev.modelarts.local.auth.Credentials;
import dev.modelarts.local.auth.IamActions;
import dev.modelarts.local.auth.Principal;
import dev.modelarts.local.auth.SdkHmacSha256;
import dev.modelarts.local.edge.EdgeRequest;
import dev.modelarts.local.edge.Shortcut;
import dev.modelarts.local.http.KeptJson;
import dev.modelarts.local.http.ParameterConstraints;
import dev.modelarts.local.http.RecentRequests;
import dev.modelarts.local.requestid.RequestId;
import dev.modelarts.local.threads.NoWait;

/**
 * The hot reads (the group listing, ListImage, ShowImage) answered at the edge, without
 * Jersey's routing, filters, validation and writer, when the request is one whose answer is
 * plainly a 200: a GET of a plain target ({@link OperationRoute}), an {@code X-Auth-Token} or an
 * SDK-HMAC-SHA256 signature (as the official SDKs sign) of a credential bound to the path's
 * project and allowed the operation's IAM action, no body, no content negotiation beyond JSON,
 * arguments that meet the spec's constraints ({@link ParameterConstraints}), and a resource
 * method that returns. Anything else (a refusal of any kind, an error in the read) is left
 * untouched to Jersey, which answers it as it always does; a read that failed here is read again
 * there.
 *
 * <p>The answer is the one Jersey would send: the same resource method on the same resource
 * object, its view's JSON as the same mapper writes it (a kept view's bytes as Jersey wrote them,
 * through {@link KeptJson}), the status, {@code Content-Type} and {@code X-Request-Id}; the same
 * access line, journal entry and request timer. {@code HotReadsEquivalenceIT} holds both paths
 * to the same answers. Why: Jersey's layers were more than half the time of a kept read, and
 * most of what the JIT had to compile before the server was fast (BENCHMARKS.md, "The hot reads
 * at the edge").
 *
 * <p>Given a {@link NoWait}, the edge asks on the I/O thread that read the request; the read then
 * runs with that thread marked, and one that would wait is refused with the {@link NoWait.WouldWait}
 * the data layer threw: the edge asks again once a step that needs no waiting thread is done
 * (PostgreSQL's scope revisions), or on a worker thread (a scope not yet loaded, a row not kept,
 * a timed status step due).
 */
public final class HotReads implements Shortcut {

    /** The request attribute holding what the first ask of a read left to be asked again found. */
    private static final String ASKED = HotReads.class.getName() + ".asked";

    /** One hot read: the operation's route and the resource object that serves it. */
    private record Read(OperationRoute route, Object resource, String action, ParameterConstraints constraints) {
    }

    /**
     * A request the first ask found to be a hot read, and let through, before the read would
     * wait: asked again, only the read runs (the request has not changed; the time logged and
     * timed is from the first ask).
     */
    private record Asked(long start, Read read, Object[] args, Principal principal) {
    }

    private final List<Read> reads;
    private final EdgeCredentials credentials;
    private final KeptJson kept;
    private final ObjectWriter json;
    private final EdgeRecords records;
    private final RequestTimes times;
    private final NoWait noWait;

    /**
     * @param resources each resource object and the name of its read operation's method, on the
     *        generated interface it implements
     * @param journal where answered requests are recorded; null when the control API is off
     * @param clock the machine's clock, for the journal's times and signatures' dates
     * @param noWait marks the I/O thread while it reads there; null to answer on worker threads only
     */
    public HotReads(List<Resource> resources, Credentials credentials, IamActions actions, KeptJson kept,
            ObjectWriter json, RecentRequests journal, RequestTimes times, Clock clock, NoWait noWait) {
        List<Read> found = new ArrayList<>();
        for (Resource resource : resources) {
            Method method = resource.method();
            OperationRoute route = OperationRoute.of(method.getDeclaringClass(), method);
            if (route.bodySlot() >= 0) {
                throw new IllegalArgumentException(method + " takes a body: not a read");
            }
            Optional<String> action = actions.forOperation(method.getName());
            Optional<ParameterConstraints> constraints = ParameterConstraints.of(resource.object().getClass(), method);
            if (action.isPresent() && constraints.isPresent()) {
                found.add(new Read(route, resource.object(), action.get(), constraints.get()));
            }
        }
        // Jersey tries the template with more literal characters first: /images/group before /images/{id}
        found.sort(Comparator.comparingInt((Read read) -> read.route().literalCharacters()).reversed());
        this.reads = List.copyOf(found);
        this.credentials = new EdgeCredentials(credentials, clock);
        this.kept = kept;
        this.json = json;
        this.records = new EdgeRecords(journal, clock);
        this.times = times;
        this.noWait = noWait;
    }

    /** A resource object and its read method, named on the generated interface {@code api}. */
    public record Resource(Object object, Method method) {
        public static Resource of(Object object, Class<?> api, String methodName) {
            return new Resource(object, Arrays.stream(api.getMethods())
                    .filter(m -> m.getName().equals(methodName)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(api + " has no " + methodName)));
        }
    }

    @Override
    public boolean answersInPlace() {
        return noWait != null;
    }

    @Override
    public boolean answer(Request request, Response response, EdgeRequest view, boolean inPlace) throws IOException {
        if (inPlace && noWait == null) {
            return false;
        }
        Asked asked = request.getAttribute(ASKED) instanceof Asked first ? first : let(request, view);
        return asked != null && answer(request, response, view, inPlace, asked);
    }

    /** What the first ask finds: a hot read whose answer is plainly a 200, or null. */
    private Asked let(Request request, EdgeRequest view) {
        long start = System.nanoTime();
        if (!"GET".equals(view.method())) {
            return null;
        }
        String[] parts = OperationRoute.split(view.rawPath());
        Read read = route(parts);
        if (read == null || !RequestHeaders.plain(request)) {
            return null;
        }
        Object[] args = read.route().arguments(parts, view.rawQuery());
        Principal principal = args == null ? null : principal(request, view);
        if (principal == null || !principal.boundTo(read.route().projectOf(args)) || !principal.allows(read.action())
                || !read.constraints().allPass(args)) {
            return null;
        }
        return new Asked(start, read, args, principal);
    }

    /** The credential, or null: {@link EdgeCredentials}; a GET has no body (RequestHeaders.plain). */
    private Principal principal(Request request, EdgeRequest view) {
        return EdgeCredentials.sendsToken(request) ? credentials.ofToken(request)
                : credentials.ofSignature(request, view, () -> SdkHmacSha256.EMPTY_BODY_SHA256);
    }

    private boolean answer(Request request, Response response, EdgeRequest view, boolean inPlace, Asked asked)
            throws IOException {
        Read read = asked.read();
        byte[] body;
        try (NoWait.Marked marked = inPlace ? noWait.mark() : NoWait.Marked.NONE) {
            body = kept.json(read.route().method().invoke(read.resource(), asked.args()), this::write);
        } catch (InvocationTargetException e) {
            if (inPlace && e.getCause() instanceof NoWait.WouldWait wait) {
                request.setAttribute(ASKED, asked);
                throw wait; // the edge asks again: later, or on a worker thread
            }
            return false; // Jersey reads it again and answers as it does
        } catch (IllegalAccessException | RuntimeException e) {
            return false;
        }
        String principal = asked.principal().name();
        records.journal(view, 200, principal, System.nanoTime() - asked.start(), null);
        response.setStatus(200);
        response.setHeader(RequestId.HEADER, view.id());
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        long nanos = System.nanoTime() - asked.start();
        EdgeRecords.accessLine(view, 200, nanos, body.length, principal);
        times.served("GET", read.route().template(), 200, nanos);
        return true;
    }

    private Read route(String[] parts) {
        for (Read read : reads) {
            if (read.route().matches(parts)) {
                return read;
            }
        }
        return null;
    }

    private byte[] write(Object view) {
        try {
            return json.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a view that Jackson cannot write", e);
        }
    }
}
