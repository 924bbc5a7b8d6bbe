package dev.modelarts.local.faults;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.nio.transport.TCPNIOConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelarts.local.api.model.ErrorResponse;
import dev.modelarts.local.api.model.JournalEntry;
import dev.modelarts.local.edge.EdgeRequest;
import dev.modelarts.local.edge.Interception;
import dev.modelarts.local.faults.FaultRules.Decision;
import dev.modelarts.local.http.JsonMapperProvider;
import dev.modelarts.local.http.RecentRequests;
import dev.modelarts.local.requestid.RequestId;

/**
 * Does what a fault rule that fires on a request says, at the edge, below Jersey: an error or a
 * throttling answer written here; a delay that parks the request without a thread and hands it
 * on later; a broken connection. Every firing is counted, logged on the access line
 * ({@code fault=ID}) and recorded in the journal with the rule and its action.
 */
public final class FaultActions implements Interception {

    /** The request attribute naming the rule that fired: "ID ACTION", read by the access log. */
    static final String ATTRIBUTE = RequestId.FAULT_ATTRIBUTE;
    private static final Logger LOG = LoggerFactory.getLogger(FaultActions.class);
    private static final ObjectMapper JSON = JsonMapperProvider.createMapper();
    private static final long STALL_MINUTES = 5;

    private final FaultRules rules;
    private final ScheduledExecutorService timer;
    private final RecentRequests journal;
    private final BiConsumer<String, String> counter;
    private final Clock clock;

    /**
     * @param journal where faulted requests are recorded; null when the control API is off
     * @param counter told (action, operation) for every firing
     */
    public FaultActions(FaultRules rules, ScheduledExecutorService timer, RecentRequests journal,
            BiConsumer<String, String> counter, Clock clock) {
        this.rules = rules;
        this.timer = timer;
        this.journal = journal;
        this.counter = counter;
        this.clock = clock;
    }

    /** No rule held, and none to read again now: nothing would be taken, nothing asked. */
    @Override
    public boolean idle() {
        return !rules.mayFire();
    }

    /**
     * Applies the rule that fires on this request, if one does; true when the request is taken
     * care of here (answered, broken, or parked to go on with {@code serve} later).
     */
    @Override
    public boolean intercept(Request request, Response response, EdgeRequest view, Runnable serve) throws IOException {
        if (idle()) {
            return false;
        }
        Optional<Decision> fired = rules.decide(view.method(), view.rawPath(), credential(request), view.client());
        if (fired.isEmpty()) {
            return false;
        }
        Decision decision = fired.get();
        Rule rule = decision.rule();
        counter.accept(rule.actionName(), decision.operation());
        request.setAttribute(ATTRIBUTE, rule.id() + " " + rule.actionName());
        switch (rule.action()) {
            case ERROR, THROTTLE -> answer(request, response, view, decision);
            case DELAY -> {
                response.suspend();
                Executor workers = request.getContext().getConnection().getTransport().getWorkerThreadPool();
                timer.schedule(() -> workers.execute(serve), decision.delayMs(), TimeUnit.MILLISECONDS);
            }
            default -> breakConnection(request, response, view, decision);
        }
        return true;
    }

    private void answer(Request request, Response response, EdgeRequest view, Decision decision) throws IOException {
        String requestId = view.id();
        Rule rule = decision.rule();
        boolean throttle = rule.action() == Rule.Action.THROTTLE;
        String code = throttle ? "APIG.0308" : rule.errorCode();
        ErrorResponse body = new ErrorResponse(code, throttle ? rule.throttledMessage() : rule.errorMsg());
        if (code.startsWith("APIG.")) {
            body.setRequestId(requestId); // the gateway's errors carry it in the body too
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        int status = throttle ? 429 : rule.status();
        jakarta.ws.rs.core.Response.Status known = jakarta.ws.rs.core.Response.Status.fromStatusCode(status);
        response.setStatus(status, known == null ? "Error" : known.getReasonPhrase());
        response.setContentType("application/json");
        response.setHeader(RequestId.HEADER, requestId);
        if (decision.retryAfterSeconds() >= 0) {
            response.setHeader("Retry-After", String.valueOf(decision.retryAfterSeconds()));
        }
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        record(view, status, decision);
        view.logAccess(status, bytes.length, request.getAttribute(ATTRIBUTE));
    }

    /** reset, empty, garbage, truncate, stall: the answer never comes whole. */
    private void breakConnection(Request request, Response response, EdgeRequest view, Decision decision)
            throws IOException {
        String requestId = view.id();
        Connection<?> connection = request.getContext().getConnection();
        response.suspend(); // nothing of Grizzly's own is written after this
        record(view, 0, decision);
        view.logAccess(0, 0, request.getAttribute(ATTRIBUTE));
        SocketChannel channel = connection instanceof TCPNIOConnection tcp && tcp.getChannel() instanceof SocketChannel s
                ? s : null;
        switch (decision.rule().action()) {
            case RESET -> {
                if (channel != null) {
                    channel.socket().setSoLinger(true, 0); // closing now sends RST
                }
                connection.closeSilently();
            }
            case EMPTY -> connection.closeSilently();
            case GARBAGE -> {
                byte[] noise = new byte[256];
                new Random(decision.rule().seed() ^ clock.millis()).nextBytes(noise);
                noise[0] = 0; // never the start of a status line
                writeRaw(channel, noise);
                connection.closeSilently();
            }
            case TRUNCATE -> {
                byte[] body = ("{\"error_msg\":\"" + "x".repeat(480) + "\"}").getBytes(StandardCharsets.US_ASCII);
                String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\n" + RequestId.HEADER + ": " + requestId + "\r\n\r\n";
                writeRaw(channel, head.getBytes(StandardCharsets.US_ASCII));
                writeRaw(channel, java.util.Arrays.copyOf(body, body.length / 2));
                connection.closeSilently();
            }
            default -> stall(connection, channel, requestId);
        }
    }

    /**
     * Never answers: the connection is closed after five minutes, or as soon as the client
     * closes its end (looked for every half second: Grizzly does not read a connection whose
     * answer is pending), which is logged as the client going, not as an error.
     */
    private void stall(Connection<?> connection, SocketChannel channel, String requestId) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(STALL_MINUTES);
        ScheduledFuture<?>[] watch = new ScheduledFuture<?>[1];
        watch[0] = timer.scheduleWithFixedDelay(() -> {
            boolean gone = clientGone(channel);
            if (gone || System.nanoTime() > deadline || !connection.isOpen()) {
                watch[0].cancel(false);
                connection.closeSilently();
                LOG.info("Stalled request {} closed: {}", requestId,
                        gone ? "the client went away" : "after " + STALL_MINUTES + " minutes");
            }
        }, 500, 500, TimeUnit.MILLISECONDS);
    }

    /** Whether the client has closed its end: a read that finds the end of the stream. */
    private static boolean clientGone(SocketChannel channel) {
        if (channel == null) {
            return false;
        }
        try {
            return channel.read(ByteBuffer.allocate(256)) < 0;
        } catch (IOException e) {
            return true;
        }
    }

    /** Straight onto the socket, past the HTTP codec (a few hundred bytes: the send buffer takes them). */
    private static void writeRaw(SocketChannel channel, byte[] bytes) {
        if (channel == null) {
            return;
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            for (int tries = 0; buffer.hasRemaining() && tries < 100; tries++) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            // the client has gone: the fault happened anyway
        }
    }

    private void record(EdgeRequest view, int status, Decision decision) {
        if (journal == null) {
            return;
        }
        String query = view.rawQuery();
        journal.record(JournalEntry.builder()
                .time(clock.millis())
                .method(view.method())
                .path(view.rawPath())
                .query(query == null || query.isEmpty() ? null : query)
                .status(status)
                .requestId(view.id())
                .durationMs(0.0)
                .faultId(decision.rule().id())
                .faultAction(decision.rule().actionName())
                .build());
    }

    /** Who the request says it is, for a throttle per user: the token, or the access key it signs with. */
    private static String credential(Request request) {
        String token = request.getHeader("X-Auth-Token");
        if (token != null) {
            return "token:" + token;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            int access = authorization.indexOf("Access=");
            if (access >= 0) {
                int end = authorization.indexOf(',', access);
                return "ak:" + authorization.substring(access + 7, end < 0 ? authorization.length() : end).trim();
            }
        }
        return "anonymous";
    }
}
