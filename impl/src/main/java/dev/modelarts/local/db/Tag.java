package dev.modelarts.local.db;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A key/value tag, stored in a JSON text column. */
public record Tag(String key, String value) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Tag>> LIST = new TypeReference<>() {
    };

    static String toJson(List<Tag> tags) {
        if (tags == null || tags.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Tag> fromJson(String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        try {
            return List.copyOf(JSON.readValue(json, LIST));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("malformed tags column: " + json, e);
        }
    }
}
