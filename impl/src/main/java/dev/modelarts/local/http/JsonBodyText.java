package dev.modelarts.local.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * What a JSON request body may not carry even when Jackson would read it: bytes that are not
 * UTF-8 (Jackson decodes the overlong {@code C0 AF} as {@code /} and other invalid sequences as
 * lone surrogates), a {@code \u0000} (PostgreSQL cannot store it in text), an unpaired surrogate
 * written as an escape, or nesting deeper than the limit. Each is named by the field it is in,
 * when there is one. A body that is not JSON at all passes: Jackson reports that itself.
 */
public final class JsonBodyText {

    /** Why a body is refused, and where (a field path such as {@code tags[0].key}, or empty). */
    public record Problem(String field, String reason, boolean nesting) {
        public String message() {
            return field.isEmpty() ? "the request body " + reason : "'" + field + "' " + reason;
        }
    }

    private JsonBodyText() {
    }

    public static Optional<Problem> check(byte[] body, JsonFactory json) {
        int bad = firstInvalidUtf8(body);
        if (bad >= 0) {
            return Optional.of(new Problem(fieldAt(body, bad, json), "is not valid UTF-8", false));
        }
        try (JsonParser parser = json.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING) {
                    String reason = textProblem(parser.getText());
                    if (reason != null) {
                        return Optional.of(new Problem(path(parser), reason, false));
                    }
                }
            }
        } catch (StreamConstraintsException e) {
            return Optional.of(new Problem("", "is nested deeper than "
                    + json.streamReadConstraints().getMaxNestingDepth() + " levels", true));
        } catch (IOException e) {
            // not JSON: the mapper answers that with its own code
        }
        return Optional.empty();
    }

    /** The offset of the first byte that does not belong to valid UTF-8, or -1. */
    static int firstInvalidUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(Math.min(body.length, 8192) + 1);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                return decoder.flush(out).isError() ? in.position() : -1;
            }
            out.clear();
        }
    }

    private static String textProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "contains the character U+0000, which is not allowed";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains an unpaired surrogate (\\u" + Integer.toHexString(c) + "), which is not Unicode text";
            }
        }
        return null;
    }

    /**
     * The field the parser is at, as {@code a.b[2]}; the field itself while its name is read.
     * Empty when a name is not a plain identifier: the answer echoes no arbitrary client text.
     */
    private static String path(JsonParser parser) {
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        StringBuilder field = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit) && field.length() > 0) {
                field.append('[').append(part).append(']');
            } else if (part.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
                field.append(field.length() > 0 ? "." : "").append(part);
            } else {
                return "";
            }
        }
        return field.toString();
    }

    /** The field whose text holds offset {@code at}: the context after reading everything before it. */
    private static String fieldAt(byte[] body, int at, JsonFactory json) {
        JsonParser parser = null;
        try {
            parser = json.createParser(body, 0, at);
            while (parser.nextToken() != null) {
                // read up to the bad byte
            }
        } catch (IOException e) {
            // the cut ends inside a string: the context still says where
        }
        return parser == null ? "" : path(parser);
    }
}
