package dev.modelarts.local.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.modelarts.local.api.model.FaultRule;
import dev.modelarts.local.api.model.StateDocument;
import dev.modelarts.local.api.model.TransitionRule;
import dev.modelarts.local.core.StateTransfer;
import dev.modelarts.local.errors.ApiException;
import dev.modelarts.local.faults.ApiOperations;
import dev.modelarts.local.faults.FaultRules;
import dev.modelarts.local.resources.StateViews;
import dev.modelarts.local.transitions.TransitionRules;

/**
 * The {@code --faults}, {@code --transitions} and {@code --state} files, in JSON or YAML: the
 * bodies that {@code POST /_modelarts/faults}, {@code POST /_modelarts/transitions} and
 * {@code PUT /_modelarts/state} take, checked the same way, a problem named with the file and the
 * entry ({@code faults[1].status}); and single rules for the JUnit extension.
 */
final class ControlFiles {

    /** A file that cannot be used; the message names the file, the entry and what is wrong. */
    static final class InvalidFile extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidFile(String message) {
            super(message);
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ControlFiles() {
    }

    /** One fault rule as JSON, checked as a file's entries are; for the JUnit extension. */
    static FaultRule fault(String json, ApiOperations operations) {
        return rule(json, "fault", FaultRule.class, rule -> FaultRules.check(rule, operations));
    }

    /** One transition rule as JSON, checked as a file's entries are; for the JUnit extension. */
    static TransitionRule transition(String json) {
        return rule(json, "transition", TransitionRule.class, TransitionRules::check);
    }

    /** The rules of a faults file: a list, or {@code {faults: [...]}}. */
    static List<FaultRule> faults(Path path, ApiOperations operations) {
        return rules(path, "faults", "fault", FaultRule.class, rule -> FaultRules.check(rule, operations));
    }

    /** The rules of a transitions file: a list, or {@code {transitions: [...]}}. */
    static List<TransitionRule> transitions(Path path) {
        return rules(path, "transitions", "transition", TransitionRule.class, TransitionRules::check);
    }

    /**
     * A rule as the JSON of its POST: bound (no unknown key), checked against the spec's schema,
     * then by {@code check}, which throws the API's 400.
     *
     * @throws IllegalArgumentException {@code Invalid KIND rule: ...}
     */
    private static <T> T rule(String json, String kind, Class<T> type, Consumer<T> check) {
        String invalid = "Invalid " + kind + " rule: ";
        T rule;
        try {
            rule = YAML.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(invalid + e.getOriginalMessage().split("\n")[0]);
        }
        SchemaCheck.firstViolation(rule).ifPresent(violation -> {
            throw new IllegalArgumentException(invalid + violation);
        });
        try {
            check.accept(rule);
        } catch (ApiException e) {
            throw new IllegalArgumentException(invalid + e.getMessage().replace("Parameter error: " + kind + " rule ", ""));
        }
        return rule;
    }

    /** A file of rules ({@code file} names the list and its entries), each read as {@link #rule} reads one. */
    private static <T> List<T> rules(Path path, String file, String kind, Class<T> type, Consumer<T> check) {
        JsonNode tree = tree(path, file);
        JsonNode list = tree != null && tree.isObject() ? tree.get(file) : tree;
        if (list == null || !list.isArray()) {
            throw new InvalidFile("Invalid " + file + " file " + path + ": it is neither a list of rules nor {"
                    + file + ": [...]}");
        }
        List<T> rules = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String entry = file + "[" + i + "]";
            T rule = bind(path, file, entry, list.get(i), type);
            try {
                check.accept(rule);
            } catch (ApiException e) {
                throw new InvalidFile("Invalid " + file + " file " + path + ": " + entry + ": "
                        + e.getMessage().replace("Parameter error: " + kind + " rule ", ""));
            }
            rules.add(rule);
        }
        return rules;
    }

    /** Replaces the state with the file's document. */
    static void loadState(Path path, StateTransfer state) {
        StateDocument document = bind(path, "state", "document", tree(path, "state"), StateDocument.class);
        try {
            StateTransfer.checkVersion(document.getFormatVersion());
            state.replace(StateViews.snapshot(document));
        } catch (ApiException e) {
            throw new InvalidFile("Invalid state file " + path + ": " + e.getMessage().replace("Parameter error: ", ""));
        }
    }

    private static JsonNode tree(Path path, String kind) {
        try {
            return YAML.readTree(Files.readString(path));
        } catch (JsonProcessingException e) {
            throw new InvalidFile("Invalid " + kind + " file " + path + ": " + e.getOriginalMessage().split("\n")[0]);
        } catch (IOException e) {
            throw new InvalidFile("Cannot read the " + kind + " file " + path + ": " + e.getMessage());
        }
    }

    private static <T> T bind(Path path, String kind, String entry, JsonNode node, Class<T> type) {
        T value;
        try {
            value = YAML.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new InvalidFile("Invalid " + kind + " file " + path + ": " + entry + ": "
                    + e.getOriginalMessage().split("\n")[0]);
        }
        if (value == null) {
            throw new InvalidFile("Invalid " + kind + " file " + path + ": it is empty");
        }
        SchemaCheck.firstViolation(value).ifPresent(violation -> {
            throw new InvalidFile("Invalid " + kind + " file " + path + ": " + entry + "." + violation);
        });
        return value;
    }
}
