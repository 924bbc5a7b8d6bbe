package dev.modelarts.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import dev.modelarts.conformance.ApiSpec.Operation;
import dev.modelarts.conformance.ApiSpec.Param;
import dev.modelarts.conformance.Case.Expect;
import dev.modelarts.conformance.Case.Family;
import dev.modelarts.conformance.Target.Auth;
import dev.modelarts.conformance.Target.Request;

/**
 * The cases the spec implies for one operation, built from its parameters' schemas and the
 * values the runner has seen. A read gets requests that should succeed (bare, then with each
 * filter) and requests that must be refused; a write gets only requests that cannot succeed by
 * construction (no or a wrong credential, an unknown id, an invalid parameter or body, an empty
 * path segment), so they are safe against a real account. The writes that should succeed are
 * {@link WriteScenario}'s, and only with {@code --allow-writes}.
 */
final class Cases {

    /** A project no credential is bound to: every operation in it is refused with 403. */
    static final String OTHER_PROJECT = "conformance-other-project";

    private final Knowledge knowledge;
    private final Random random;

    Cases(Knowledge knowledge, Random random) {
        this.knowledge = knowledge;
        this.random = random;
    }

    /** The cases of one operation, in the order they run. */
    List<Case> of(Operation op) {
        List<Case> cases = new ArrayList<>();
        Optional<Map<String, String>> valid = validPath(op);
        if (op.reads() && valid.isPresent()) {
            cases.add(new Case(op, "valid, no filters", request(op, valid.get(), List.of(), null, Auth.CREDENTIAL),
                    Expect.success()));
            for (Param p : op.params("query")) {
                for (String value : Values.valid(p, knowledge)) {
                    cases.add(new Case(op, "valid " + p.name() + "=" + value,
                            request(op, valid.get(), List.of(Map.entry(p.name(), value)), null, Auth.CREDENTIAL),
                            Expect.success()));
                }
            }
        }
        // refusals use an id nobody has unless the operation only reads
        Map<String, String> safe = op.reads() && valid.isPresent() ? valid.get() : unknownIds(op);
        String body = op.requestBody() == null ? null : "{}";
        for (Param p : op.params("query")) {
            for (Map.Entry<String, String> invalid : Values.invalid(p).entrySet()) {
                cases.add(new Case(op, "invalid " + p.name() + ": " + invalid.getKey(),
                        request(op, safe, List.of(Map.entry(p.name(), invalid.getValue())), body, Auth.CREDENTIAL),
                        Expect.error(400, Family.MODELARTS)));
            }
        }
        for (Param p : op.params("path")) {
            if (p.name().equals("project_id")) {
                continue;
            }
            for (Map.Entry<String, String> invalid : Values.invalidInPath(p).entrySet()) {
                cases.add(new Case(op, "invalid " + p.name() + ": " + invalid.getKey(),
                        request(op, with(safe, p.name(), invalid.getValue()), List.of(), body, Auth.CREDENTIAL),
                        Expect.error(400, Family.MODELARTS)));
            }
            if (Knowledge.namesResource(op.path(), p.name())) {
                cases.add(new Case(op, "unknown " + p.name(),
                        request(op, unknownIds(op), List.of(), body, Auth.CREDENTIAL), Expect.error(400, Family.MODELARTS)));
            }
        }
        if (op.requestBody() != null) {
            cases.addAll(Bodies.invalid(op, request(op, safe, List.of(), null, Auth.CREDENTIAL)));
        }
        if (op.secured()) {
            cases.add(new Case(op, "no credential", request(op, safe, List.of(), body, Auth.NONE),
                    Expect.error(401, Family.EITHER)));
            cases.add(new Case(op, "a credential the endpoint does not know",
                    request(op, safe, List.of(), body, Auth.WRONG), Expect.error(401, Family.EITHER)));
        }
        if (op.secured() && op.params("path").stream().anyMatch(p -> p.name().equals("project_id"))) {
            cases.add(new Case(op, "another project's path",
                    request(op, with(safe, "project_id", OTHER_PROJECT), List.of(), body, Auth.CREDENTIAL),
                    Expect.error(403, Family.MODELARTS)));
        }
        for (Param p : op.params("path")) {
            if (op.path().endsWith("{" + p.name() + "}")) {
                // without its last segment the path is another one (the collection), not a missing one
                continue;
            }
            cases.add(new Case(op, "empty path segment for " + p.name(),
                    request(op, with(safe, p.name(), ""), List.of(), body, Auth.CREDENTIAL),
                    Expect.error(404, Family.APIG)));
        }
        return cases;
    }

    /** The path parameters for a request that should succeed, if the runner knows them all. */
    Optional<Map<String, String>> validPath(Operation op) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Param p : op.params("path")) {
            Optional<String> value = knowledge.pathValue(op.path(), p.name())
                    .or(() -> Optional.ofNullable(p.example()).map(String::valueOf));
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.put(p.name(), value.get());
        }
        return Optional.of(values);
    }

    private Map<String, String> unknownIds(Operation op) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Param p : op.params("path")) {
            values.put(p.name(), p.name().equals("project_id") ? knowledge.projectId()
                    : new UUID(random.nextLong(), random.nextLong()).toString());
        }
        return values;
    }

    static Request request(Operation op, Map<String, String> path, List<Map.Entry<String, String>> query,
            String body, Auth auth) {
        String resolved = op.path();
        for (Map.Entry<String, String> e : path.entrySet()) {
            resolved = resolved.replace("{" + e.getKey() + "}", Target.encode(e.getValue()));
        }
        return new Request(op.method(), resolved, query, body, auth);
    }

    private static Map<String, String> with(Map<String, String> values, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return copy;
    }
}
