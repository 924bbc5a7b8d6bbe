package dev.modelarts.local.hot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.memory.Buffers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelarts.local.auth.Credentials;
import dev.modelarts.local.auth.IamActions;
import dev.modelarts.local.auth.Principal;
import dev.modelarts.local.auth.SdkHmacSha256;
import dev.modelarts.local.edge.EdgeRequest;
import dev.modelarts.local.errors.ApiException;
import dev.modelarts.local.edge.Shortcut;
import dev.modelarts.local.http.CreatedStatus;
import dev.modelarts.local.http.JournalBodies;
import dev.modelarts.local.http.JsonBodyCheck;
import dev.modelarts.local.http.JsonBodyText;
import dev.modelarts.local.http.KeptJson;
import dev.modelarts.local.http.ParameterConstraints;
import dev.modelarts.local.http.RecentRequests;
import dev.modelarts.local.requestid.RequestId;

/**
 * The writes with a JSON body answered at the edge, without Jersey's routing, filters, Bean
 * Validation and writer (RegisterImage): a POST of a plain target ({@link OperationRoute}) with
 * a JSON body of a known length ({@link RequestHeaders#jsonBody}), a credential bound to the
 * path's project and allowed the operation's IAM action ({@link EdgeCredentials}, a signature
 * over the body as sent), a body that {@link JsonBodyText} and Jackson read without complaint
 * and whose values meet the spec's constraints ({@link ParameterConstraints}, which vouch for a
 * body through {@code BodyConstraints}). Anything else is Jersey's: the body, once read, is put
 * back for it ({@link Request#replayPayload}), and Jersey answers as it always does. A body that
 * ends early (the client stopped sending) cannot be put back: it is answered here as Jersey
 * answers it ({@link #endedEarly}).
 *
 * <p>Once the resource method is called, its outcome is answered here, whatever it is: a write is
 * never run twice. A refusal or a failure it throws is answered as Jersey's exception mappers
 * answer it (the {@code errors} function), with the same access line, journal entry (the masked
 * body included) and request timer. {@code HotWritesEquivalenceIT} holds both paths to the same answers. Why: Jersey's
 * layers were most of a registration's time on the request threads (BENCHMARKS.md,
 * "RegisterImage at the edge").
 *
 * <p>Never in place: the body is read, and the write waits for its commit, on a worker thread.
 */
public final class HotWrites implements Shortcut {

    /** One hot write: the operation's route, the resource object that serves it, and its success status. */
    private record Write(OperationRoute route, Object resource, String action, ParameterConstraints constraints,
            Class<?> bodyType, int status) {
    }

    /** An answer to send: its status, JSON and extra headers. */
    private record Answer(int status, byte[] json, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(HotWrites.class);

    private final List<Write> writes;
    private final EdgeCredentials credentials;
    private final ObjectMapper json;
    private final JsonFactory factory;
    private final KeptJson kept;
    private final Function<Throwable, jakarta.ws.rs.core.Response> errors;
    private final JournalBodies journalBodies;
    private final EdgeRecords records;
    private final RequestTimes times;
    private final int maxBodyBytes;

    /**
     * @param resources each resource object and its write operation's method, on the generated
     *        interface it implements
     * @param json the mapper Jersey reads and writes bodies with
     * @param errors what Jersey's exception mappers answer to each exception
     * @param journalBodies how the journal keeps request bodies; null when it keeps none
     * @param journal where answered requests are recorded; null when the control API is off
     * @param clock the machine's clock, for the journal's times and signatures' dates
     * @param maxBodyBytes the largest body Jersey reads for these operations
     */
    public HotWrites(List<HotReads.Resource> resources, Credentials credentials, IamActions actions,
            CreatedStatus created, ObjectMapper json, KeptJson kept, Function<Throwable, jakarta.ws.rs.core.Response> errors,
            JournalBodies journalBodies, RecentRequests journal, RequestTimes times, Clock clock, int maxBodyBytes) {
        List<Write> found = new ArrayList<>();
        for (HotReads.Resource resource : resources) {
            var method = resource.method();
            OperationRoute route = OperationRoute.of(method.getDeclaringClass(), method);
            Optional<String> action = actions.forOperation(method.getName());
            Optional<ParameterConstraints> constraints = ParameterConstraints.of(resource.object().getClass(), method);
            if (route.bodySlot() < 0) {
                throw new IllegalArgumentException(method + " takes no body");
            }
            if (action.isPresent() && constraints.isPresent()) {
                found.add(new Write(route, resource.object(), action.get(), constraints.get(),
                        method.getParameterTypes()[route.bodySlot()], created.creates(method.getName()) ? 201 : 200));
            }
        }
        this.writes = List.copyOf(found);
        this.credentials = new EdgeCredentials(credentials, clock);
        this.json = json;
        this.factory = json.getFactory();
        this.kept = kept;
        this.errors = errors;
        this.journalBodies = journalBodies;
        this.records = new EdgeRecords(journal, clock);
        this.times = times;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean answer(Request request, Response response, EdgeRequest view, boolean inPlace) throws IOException {
        long start = System.nanoTime();
        if (inPlace || !"POST".equals(view.method())) {
            return false;
        }
        String[] parts = OperationRoute.split(view.rawPath());
        Write write = route(parts);
        if (write == null || RequestHeaders.jsonBody(request, maxBodyBytes) < 0) {
            return false;
        }
        Object[] args = write.route().arguments(parts, view.rawQuery());
        if (args == null) {
            return false;
        }
        Principal principal = null;
        boolean token = EdgeCredentials.sendsToken(request);
        boolean signed = !token && EdgeCredentials.signedPlainly(request, view);
        if (token || signed && EdgeCredentials.sendsBodyHash(request)) {
            // checked before the body is read: a token, or a signature over the body's hash it sends
            principal = allowed(token ? credentials.ofToken(request)
                    : credentials.ofSignature(request, view, () -> null), write, args);
            if (principal == null) {
                return false; // nothing read yet: Jersey refuses it as it does
            }
        } else if (!signed) {
            return false;
        }
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try {
            request.getInputStream().transferTo(received); // on a worker thread: waits for the body
        } catch (IOException ended) {
            boolean none = received.size() == 0;
            send(response, view, none ? null : principal, null, write, error(endedEarly(request, view, principal, none)),
                    start);
            return true;
        }
        byte[] body = received.toByteArray();
        if (principal == null) {
            principal = allowed(credentials.ofSignature(request, view, () -> SdkHmacSha256.sha256Hex(body)), write, args);
        }
        if (principal == null || JsonBodyText.check(body, factory).isPresent() || !bind(body, write, args)
                || !write.constraints().allPass(args)) {
            request.replayPayload(Buffers.wrap(request.getContext().getMemoryManager(), body));
            return false; // Jersey reads the same body and answers
        }
        String journalBody = journalBodies == null ? null : journalBodies.masked(body);
        Answer answer;
        try {
            Object result = write.route().method().invoke(write.resource(), args);
            answer = new Answer(write.status(), kept.json(result, this::bytes), null);
        } catch (InvocationTargetException e) {
            answer = error(e.getCause());
        } catch (IllegalAccessException e) {
            answer = error(e);
        }
        send(response, view, principal, journalBody, write, answer, start);
        return true;
    }

    /**
     * What Jersey answers to a body that ended before its end (the client stopped sending): the
     * 400 of {@link JsonBodyCheck}, from the body size check before any credential is looked at
     * when not one byte came, else after the credential was accepted; for a signature over the
     * body, whatever the check of the signature refuses before it comes to the body's hash.
     */
    private ApiException endedEarly(Request request, EdgeRequest view, Principal principal, boolean noByte) {
        ApiException unreadable = JsonBodyCheck.unreadable();
        return noByte || principal != null ? unreadable
                : credentials.refusalOfSignatureWithoutBody(request, view, unreadable);
    }

    private Write route(String[] parts) {
        for (Write write : writes) {
            if (write.route().matches(parts)) {
                return write;
            }
        }
        return null;
    }

    /** The principal, when it is bound to the path's project and allowed the operation; else null. */
    private static Principal allowed(Principal principal, Write write, Object[] args) {
        return principal != null && principal.boundTo(write.route().projectOf(args)) && principal.allows(write.action())
                ? principal : null;
    }

    /** The body bound to the operation's type in its slot of {@code args}; false when Jackson would refuse it. */
    private boolean bind(byte[] body, Write write, Object[] args) {
        try {
            Object bound = json.readValue(body, write.bodyType());
            args[write.route().bodySlot()] = bound;
            return bound != null;
        } catch (IOException | RuntimeException refused) {
            return false;
        }
    }

    /** What Jersey's exception mappers answer to {@code e} (the mapper for a failure logs it, once). */
    private Answer error(Throwable e) {
        jakarta.ws.rs.core.Response mapped = errors.apply(e);
        Object entity = mapped.getEntity();
        return new Answer(mapped.getStatus(), entity == null ? new byte[0] : bytes(entity), mapped.getHeaders());
    }

    private void send(Response response, EdgeRequest view, Principal principal, String body, Write write, Answer answer,
            long start) {
        String name = principal == null ? null : principal.name();
        records.journal(view, answer.status(), name, System.nanoTime() - start, body);
        response.setStatus(answer.status());
        if (answer.headers() != null) {
            answer.headers().forEach((header, values) -> {
                if (!"Content-Type".equalsIgnoreCase(header)) {
                    values.forEach(value -> response.addHeader(header, String.valueOf(value)));
                }
            });
        }
        response.setHeader(RequestId.HEADER, view.id());
        response.setContentType("application/json");
        response.setContentLength(answer.json().length);
        try {
            response.getOutputStream().write(answer.json());
        } catch (IOException gone) {
            // the client closed the connection before its answer: as in Jersey, not the server's failure
            LOG.debug("Answer not sent, the client is gone: {}", gone.toString());
        }
        long nanos = System.nanoTime() - start;
        EdgeRecords.accessLine(view, answer.status(), nanos, answer.json().length, name);
        times.served(view.method(), write.route().template(), answer.status(), nanos);
    }

    private byte[] bytes(Object view) {
        try {
            return json.writeValueAsBytes(view);
        } catch (IOException e) {
            throw new IllegalStateException("a view that Jackson cannot write", e);
        }
    }
}
