package dev.modelarts.conformance;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the runner has learnt about the endpoint so far: the project, the ids of an image and a
 * group it may read (or, with writes, ones it made), and values seen in list answers, by field
 * name, to use as the filters of later requests (a {@code namespace} that exists, a {@code name}
 * that matches).
 */
final class Knowledge {

    private final String projectId;
    private final Map<String, Set<String>> seen = new LinkedHashMap<>();
    private String imageId;
    private String groupId;

    Knowledge(String projectId) {
        this.projectId = projectId;
    }

    String projectId() {
        return projectId;
    }

    /** Learns from a list answer: each record's scalar fields, and the first ids. */
    void learn(String operationId, JsonNode body) {
        if (body == null || !body.path("data").isArray()) {
            return;
        }
        for (JsonNode record : body.path("data")) {
            record.fields().forEachRemaining(field -> {
                if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                    seen.computeIfAbsent(field.getKey(), k -> new LinkedHashSet<>()).add(field.getValue().asText());
                }
            });
            String id = record.path("id").asText(null);
            if (id != null && operationId.equals("listImage") && imageId == null) {
                imageId = id;
            }
            if (id != null && operationId.equals("listImageGroup") && groupId == null) {
                groupId = id;
            }
        }
    }

    /** Uses an image and group of the runner's own from now on (with writes). */
    void own(String image, String group) {
        this.imageId = image;
        this.groupId = group;
    }

    /** The first value seen of a field, if any. */
    Optional<String> seen(String field) {
        return seen.getOrDefault(field, Set.of()).stream().findFirst();
    }

    /**
     * The value of a path parameter for a request that should succeed: the project, or the id of
     * an image or a group, by where the parameter sits in the path.
     */
    Optional<String> pathValue(String path, String name) {
        if (name.equals("project_id")) {
            return Optional.of(projectId);
        }
        if (path.contains("/group/{" + name + "}")) {
            return Optional.ofNullable(groupId);
        }
        if (path.contains("/images/{" + name + "}")) {
            return Optional.ofNullable(imageId);
        }
        return Optional.empty();
    }

    /** Where a path parameter names a resource (an image or a group), as opposed to the project. */
    static boolean namesResource(String path, String name) {
        return List.of("/group/{" + name + "}", "/images/{" + name + "}").stream().anyMatch(path::contains);
    }
}
