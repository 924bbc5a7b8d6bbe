package dev.modelarts.conformance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.modelarts.conformance.ApiSpec.Operation;
import dev.modelarts.conformance.Case.Expect;
import dev.modelarts.conformance.Target.Auth;
import dev.modelarts.conformance.Target.Exchange;

/**
 * The writes that should succeed, only with {@code --allow-writes}: two versions of one new
 * image (a name no one else uses), which the reads then use; at the end its group is updated,
 * one version synced and deleted, and the group deleted with the other. Whatever is left after a
 * failure is deleted by {@link #cleanUp}, which reports nothing but what it could not delete.
 */
final class WriteScenario {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Operation> operations;
    private final Knowledge knowledge;
    private final String swrImage;
    private final Set<String> createdImages = new LinkedHashSet<>();
    private String group;

    /**
     * @param swrImage the SWR path of the first version, {@code host/namespace/name:tag}; the
     *                 second version gets the tag with {@code -2} appended
     */
    WriteScenario(Map<String, Operation> operations, Knowledge knowledge, String swrImage) {
        this.operations = operations;
        this.knowledge = knowledge;
        this.swrImage = swrImage;
    }

    /** Registers the two versions and finds their group; the reads then use them. */
    void setUp(Function<Case, Optional<Exchange>> run) {
        Operation register = operations.get("registerImage");
        String first = register(run, register, swrImage);
        register(run, register, swrImage + "-2");
        String name = swrImage.substring(swrImage.lastIndexOf('/') + 1, swrImage.lastIndexOf(':'));
        Operation groups = operations.get("listImageGroup");
        run.apply(new Case(groups, "valid, the group the runner registered",
                Cases.request(groups, Map.of("project_id", knowledge.projectId()),
                        List.of(Map.entry("name", name), Map.entry("name_fuzzy_match", "false")), null, Auth.CREDENTIAL),
                Expect.success()))
                .map(answer -> Checks.parse(answer.body()))
                .ifPresent(body -> group = body.path("data").path(0).path("id").asText(null));
        if (first != null) {
            knowledge.own(first, group);
        }
    }

    /** Changes and deletes what {@link #setUp} made, each a case that should succeed. */
    void finish(Function<Case, Optional<Exchange>> run) {
        List<String> images = new ArrayList<>(createdImages);
        if (group != null) {
            Operation update = operations.get("updateImageGroup");
            run.apply(valid(update, Map.of("id", group), JSON.valueToTree(update.requestExample()).toString()));
        }
        if (!images.isEmpty()) {
            Operation sync = operations.get("syncImage");
            run.apply(valid(sync, Map.of("image_id", images.get(0)), null));
            Operation delete = operations.get("deleteImage");
            run.apply(valid(delete, Map.of("id", images.get(0)), null))
                    .filter(a -> a.status() == 200).ifPresent(a -> createdImages.remove(images.get(0)));
        }
        if (group != null) {
            run.apply(valid(operations.get("deleteImageGroup"), Map.of("id", group), null))
                    .filter(a -> a.status() == 200).ifPresent(a -> {
                        createdImages.clear();
                        group = null;
                    });
        }
    }

    /** Deletes what is left; returns what it could not delete. */
    List<String> cleanUp(Function<Case, Optional<Exchange>> quietly) {
        List<String> left = new ArrayList<>();
        for (String image : List.copyOf(createdImages)) {
            Optional<Exchange> answer = quietly.apply(valid(operations.get("deleteImage"), Map.of("id", image), null));
            if (answer.isEmpty() || answer.get().status() != 200) {
                left.add("image " + image);
            }
        }
        createdImages.clear();
        return left;
    }

    private String register(Function<Case, Optional<Exchange>> run, Operation register, String swrPath) {
        ObjectNode body = register.requestExample() == null ? JSON.createObjectNode()
                : (ObjectNode) JSON.valueToTree(register.requestExample());
        body.put("swr_path", swrPath);
        body.put("description", "registered by modelarts-conformance; deleted when it ends");
        Optional<JsonNode> answer = run.apply(valid(register, Map.of(), body.toString()))
                .filter(a -> a.status() == 200).map(a -> Checks.parse(a.body()));
        String id = answer.map(b -> b.path("id").asText(null)).orElse(null);
        if (id != null) {
            createdImages.add(id);
        }
        return id;
    }

    private Case valid(Operation op, Map<String, String> ids, String body) {
        Map<String, String> path = new java.util.LinkedHashMap<>(ids);
        path.put("project_id", knowledge.projectId());
        return new Case(op, "valid", Cases.request(op, path, List.of(), body, Auth.CREDENTIAL), Expect.success());
    }
}
