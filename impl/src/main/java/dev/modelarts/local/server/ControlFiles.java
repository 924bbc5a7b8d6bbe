package dev.modelarts.local.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.modelarts.local.api.model.StateDocument;
import dev.modelarts.local.api.model.TransitionRule;
import dev.modelarts.local.core.StateTransfer;
import dev.modelarts.local.errors.ApiException;
import dev.modelarts.local.resources.StateViews;
import dev.modelarts.local.transitions.TransitionRules;

/**
 * The {@code --transitions} and {@code --state} files, in JSON or YAML: the bodies that
 * {@code POST /_modelarts/transitions} and {@code PUT /_modelarts/state} take, checked the same
 * way, a problem named with the file and the entry.
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

    /** One rule as JSON, checked as a file's entries are; for the JUnit extension. */
    static TransitionRule transition(String json) {
        try {
            TransitionRule rule = check(Path.of("(rule)"), "rule", YAML.readValue(json, TransitionRule.class));
            SchemaCheck.firstViolation(rule).ifPresent(violation -> {
                throw new IllegalArgumentException("Invalid transition rule: " + violation);
            });
            return rule;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid transition rule: " + e.getOriginalMessage().split("\n")[0]);
        } catch (InvalidFile e) {
            throw new IllegalArgumentException(e.getMessage().replace("Invalid transitions file (rule): rule",
                    "Invalid transition rule"));
        }
    }

    /** The rules of a transitions file: a list, or {@code {transitions: [...]}}. */
    static List<TransitionRule> transitions(Path path) {
        JsonNode tree = tree(path, "transitions");
        JsonNode list = tree != null && tree.isObject() ? tree.get("transitions") : tree;
        if (list == null || !list.isArray()) {
            throw new InvalidFile("Invalid transitions file " + path + ": it is neither a list of rules nor {transitions: [...]}");
        }
        List<TransitionRule> rules = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String entry = "transitions[" + i + "]";
            rules.add(check(path, entry, bind(path, "transitions", entry, list.get(i), TransitionRule.class)));
        }
        return rules;
    }

    private static TransitionRule check(Path path, String entry, TransitionRule rule) {
        try {
            TransitionRules.check(rule);
            return rule;
        } catch (ApiException e) {
            throw new InvalidFile("Invalid transitions file " + path + ": " + entry + ": "
                    + e.getMessage().replace("Parameter error: transition rule ", ""));
        }
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
