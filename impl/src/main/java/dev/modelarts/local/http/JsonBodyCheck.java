package dev.modelarts.local.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonFactory;

import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import dev.modelarts.local.errors.ApiException;
import dev.modelarts.local.errors.ErrorCode;

/**
 * Reads a request body whole (it is at most {@link BodySizeLimit#MAX_BYTES}, a state document
 * {@link BodySizeLimit#STATE_MAX_BYTES}) before Jackson does,
 * to refuse what {@link JsonBodyText} finds, naming the field; and answers a body that ends early
 * (the client stopped sending, a broken chunk) as the client's fault: a 400, logged at debug.
 */
public final class JsonBodyCheck implements ReaderInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(JsonBodyCheck.class);

    private final JsonFactory json;
    private final JournalBodies journal;

    /** @param journal keeps the body for the request journal, when it records bodies; null when not */
    public JsonBodyCheck(JsonFactory json, JournalBodies journal) {
        this.json = json;
        this.journal = journal;
    }

    /** The refusal of a body that ends early: the client's fault, whichever layer reads it. */
    public static ApiException unreadable() {
        return new ApiException(ErrorCode.MALFORMED_REQUEST, "Bad request: the request body could not be read to its end.");
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body;
        try (InputStream in = context.getInputStream()) {
            body = in.readAllBytes();
        } catch (IOException e) {
            LOG.debug("Request body could not be read: {}", e.toString());
            throw unreadable();
        }
        if (journal != null) {
            context.setProperty(JournalBodies.PROPERTY, journal.masked(body));
        }
        JsonBodyText.check(body, json).ifPresent(problem -> {
            throw problem.nesting()
                    ? new ApiException(ErrorCode.INVALID_PAYLOAD, "Invalid request payload: " + problem.message() + ".")
                    : new ApiException(ErrorCode.PARAMETER_ERROR, "Parameter error: " + problem.message() + ".");
        });
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
