package dev.modelarts.local.edge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpBrokenContent;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.modelarts.local.errors.ErrorCode;
import dev.modelarts.local.http.RequestLine;
import dev.modelarts.local.http.RequestTarget.Problem;
import dev.modelarts.local.requestid.RequestId;

/**
 * Grizzly's HTTP/1.1 codec with a stricter request line and ModelArts answers for what it cannot
 * parse. Grizzly refuses a malformed request head with a bare status and no body (a 505 for any
 * protocol token it does not know); here each refusal says what was wrong, with the limit where
 * one was passed, as JSON with an {@code X-Request-Id}, and is logged as an access line. The
 * request line is checked by {@link RequestLine}.
 *
 * <p>A subclass, not a filter beside the codec: Grizzly reports a malformed head only to the
 * codec's own protected hooks ({@code onHttpHeaderError}, {@code customizeErrorResponse}), after
 * which the connection is closed without passing anything up the chain.
 */
final class StrictHttpCodec extends HttpServerFilter {

    private static final Logger LOG = LoggerFactory.getLogger(StrictHttpCodec.class);
    private static final String ERROR = StrictHttpCodec.class.getName() + ".error";
    private static final Pattern INVALID_CHARACTER = Pattern.compile("invalid character (0x[0-9a-fA-F]+) was found in the header (name|value)");

    private final int maxHeadSize;
    private final int maxHeaders;
    private final RequestId requestIds;

    @SuppressWarnings("deprecation") // the constructor Grizzly's own HttpServer uses
    StrictHttpCodec(NetworkListener listener, ServerConfiguration config, int maxHeadSize, RequestId requestIds) {
        super(listener.isChunkingEnabled(), maxHeadSize, null, listener.getKeepAlive(), null,
                listener.getMaxRequestHeaders(), listener.getMaxResponseHeaders());
        this.maxHeadSize = maxHeadSize;
        this.maxHeaders = listener.getMaxRequestHeaders();
        this.requestIds = requestIds;
        setAllowPayloadForUndefinedHttpMethods(config.isAllowPayloadForUndefinedHttpMethods());
        setMaxPayloadRemainderToSkip(config.getMaxPayloadRemainderToSkip());
    }

    @Override
    protected boolean onHttpHeaderParsed(HttpHeader header, Buffer buffer, FilterChainContext ctx) {
        HttpRequestPacket request = (HttpRequestPacket) header;
        String version = request.getProtocolDC().toString(StandardCharsets.ISO_8859_1);
        Optional<Problem> refusal = RequestLine.check(request.getMethodDC().toString(StandardCharsets.ISO_8859_1), version);
        if (refusal.isPresent()) {
            request.setAttribute(ERROR, refusal.get());
            request.setProtocol(Protocol.HTTP_1_1);
            return true; // an error: Grizzly calls onHttpHeaderError, which answers it
        }
        if (RequestLine.servedAsHttp11(version)) {
            request.setProtocol(Protocol.HTTP_1_1);
        }
        return super.onHttpHeaderParsed(header, buffer, ctx);
    }

    @Override
    protected void onHttpHeaderError(HttpHeader header, FilterChainContext ctx, Throwable t) throws IOException {
        HttpRequestPacket request = (HttpRequestPacket) header;
        Problem refusal = request.getAttribute(ERROR) instanceof Problem chosen ? chosen : classify(request, t);
        request.setAttribute(ERROR, refusal);
        HttpResponsePacket response = request.getResponse();
        response.setProtocol(Protocol.HTTP_1_1);
        response.setStatus(refusal.code().status().getStatusCode());
        LOG.debug("Refused a request head: {}", t.toString());
        super.onHttpHeaderError(header, ctx, t);
    }

    /**
     * A body that breaks its framing has been answered (400) and its connection closed by
     * {@link #onHttpContentError}; Grizzly would still pass the broken content up the chain,
     * where it surfaces as a logged filter-chain failure. A request already being served reads
     * the closed connection as the end of its body and answers that itself.
     */
    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        NextAction action = super.handleRead(ctx);
        if (ctx.getMessage() instanceof HttpBrokenContent broken
                && broken.getHttpHeader() instanceof HttpRequestPacket request
                && request.getAttribute(ERROR) instanceof Problem) {
            return ctx.getStopAction();
        }
        return action;
    }

    @Override
    protected void onHttpContentError(HttpHeader header, FilterChainContext ctx, Throwable t) throws IOException {
        HttpRequestPacket request = (HttpRequestPacket) header;
        request.setAttribute(ERROR, new Problem(ErrorCode.MALFORMED_REQUEST,
                "Bad request: the request body is malformed (its chunked encoding or length is wrong)."));
        LOG.debug("Refused a request body: {}", t.toString());
        super.onHttpContentError(header, ctx, t);
    }

    /**
     * What a parse failure means. Grizzly reports a head over its size limit and a bad header
     * character only in the exception's message, so those are read from it; a change there makes
     * the raw-socket tests fail rather than the client see a wrong status.
     */
    private Problem classify(HttpRequestPacket request, Throwable t) {
        String message = String.valueOf(t.getMessage());
        if (t instanceof MimeHeaders.MaxHeaderCountExceededException) {
            return new Problem(ErrorCode.HEADERS_TOO_LARGE,
                    "Request header fields too large: more than " + maxHeaders + " header fields.");
        }
        if (message.contains("intial line is too large") || message.contains("initial line is too large")) {
            return new Problem(ErrorCode.REQUEST_LINE_TOO_LONG,
                    "Request URI too large: the request line exceeds " + maxHeadSize + " bytes.");
        }
        if (message.contains("header is too large")) {
            return new Problem(ErrorCode.HEADERS_TOO_LARGE,
                    "Request header fields too large: the request line and header fields exceed " + maxHeadSize + " bytes.");
        }
        Matcher bad = INVALID_CHARACTER.matcher(message);
        if (bad.find()) {
            int character = Integer.parseUnsignedInt(bad.group(1).substring(2), 16) & 0xFF;
            return new Problem(ErrorCode.MALFORMED_REQUEST, String.format(
                    "Bad request: a header %s has the byte 0x%02X, which HTTP does not allow there%s.", bad.group(2),
                    character, character == '\n' ? " (lines end with CR LF)" : ""));
        }
        boolean http11 = "HTTP/1.1".equals(request.getProtocolDC().toString(StandardCharsets.ISO_8859_1));
        if (http11 && request.getHeaders().getValue(Header.Host) == null) {
            return new Problem(ErrorCode.MALFORMED_REQUEST, "Bad request: HTTP/1.1 requires a Host header.");
        }
        if (request.getHeaders().getValue(Header.ContentLength) != null) {
            return new Problem(ErrorCode.MALFORMED_REQUEST,
                    "Bad request: the Content-Length header is not one non-negative number.");
        }
        return new Problem(ErrorCode.MALFORMED_REQUEST, "Bad request: the request head is not valid HTTP/1.1.");
    }

    /** Grizzly's hook for the answer to a head or body it refused; it builds the response from the request. */
    @Override
    protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
        HttpRequestPacket request = response.getRequest();
        Problem refusal = request.getAttribute(ERROR) instanceof Problem chosen ? chosen
                : response.getStatus() == 417
                        ? new Problem(ErrorCode.EXPECTATION_FAILED, "Expectation failed: only 'Expect: 100-continue' is supported.")
                        : new Problem(ErrorCode.MALFORMED_REQUEST, "Bad request: the request is not valid HTTP/1.1.");
        // a request line without a version reads as HTTP/0.9, whose answers Grizzly writes
        // without headers; this answer is an HTTP/1.1 one whatever the request said
        request.setProtocol(Protocol.HTTP_1_1);
        EdgeRequest view = EdgeRequest.of(request, requestIds);
        byte[] body = EdgeErrors.refusal(view, refusal.code(), refusal.message());
        response.setStatus(refusal.code().status().getStatusCode());
        response.setContentType(EdgeErrors.JSON_TYPE);
        response.setHeader(RequestId.HEADER, view.id());
        response.setContentLength(body.length);
        return HttpContent.builder(response)
                .content(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, body))
                .last(true)
                .build();
    }
}
