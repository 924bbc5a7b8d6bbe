package dev.modelarts.local.db;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelarts.local.model.Tag;

/** Tags are stored as a JSON array in one text column (null when there are none). */
final class TagsColumn {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Tag>> LIST = new TypeReference<>() {
    };

    private TagsColumn() {
    }

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
