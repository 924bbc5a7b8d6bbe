package dev.modelarts.local.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Request bodies as the journal keeps them ({@code --journal-bodies}): the JSON as sent, the value
 * of every key that names a secret (a secret key, a password, a token, a signature) masked, at any
 * depth. A body that is not JSON is kept as its size only: the journal is no place for bytes a
 * test did not mean to send.
 */
public final class JournalBodies {

    /** The request property that carries the masked body from the body check to the journal. */
    public static final String PROPERTY = "dev.modelarts.local.journal.body";
    private static final Pattern SECRET = Pattern.compile("^(sk|secret.*|.*_secret|.*password.*|.*token.*|.*signature.*"
            + "|authorization|access_key_secret|secret_access_key)$");
    private static final TextNode MASK = TextNode.valueOf("***");
    /** Bodies larger than this are summarised, not kept. */
    private static final int MAX_KEPT = 64 * 1024;

    private final ObjectMapper json;

    public JournalBodies(ObjectMapper json) {
        this.json = json;
    }

    public String masked(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        if (body.length > MAX_KEPT) {
            return "(" + body.length + " bytes, not kept)";
        }
        try {
            JsonNode tree = json.readTree(new String(body, StandardCharsets.UTF_8));
            return tree == null ? null : json.writeValueAsString(mask(tree));
        } catch (IOException notJson) {
            return "(" + body.length + " bytes, not JSON)";
        }
    }

    private static JsonNode mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                object.set(name, SECRET.matcher(name.toLowerCase(Locale.ROOT)).matches() ? MASK : mask(object.get(name)));
            }
        } else if (node.isArray()) {
            node.forEach(JournalBodies::mask);
        }
        return node;
    }
}
