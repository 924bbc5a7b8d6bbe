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

import dev.modelarts.local.api.model.FaultRule;
import dev.modelarts.local.errors.ApiException;
import dev.modelarts.local.faults.ApiOperations;
import dev.modelarts.local.faults.FaultRules;

/**
 * The {@code --faults} file: fault rules as {@code POST /_modelarts/faults} takes them, in JSON
 * or YAML, either a list or {@code {"faults": [...]}}; each checked against the spec's schema
 * and the rules' own checks, naming the entry ({@code faults[1].status}) when one fails.
 */
final class FaultsFile {

    /** A faults file that cannot be used; the message names the file, the entry and what is wrong. */
    static final class InvalidFaultsFile extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidFaultsFile(String message) {
            super(message);
        }
    }

    private FaultsFile() {
    }

    /** One rule as JSON, checked as a file's entries are; for the JUnit extension. */
    static FaultRule parse(String json, ApiOperations operations) {
        try {
            FaultRule rule = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(json, FaultRule.class);
            check(Path.of("(rule)"), "rule", rule, operations);
            return rule;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid fault rule: " + e.getOriginalMessage().split("\n")[0]);
        } catch (InvalidFaultsFile e) {
            throw new IllegalArgumentException(e.getMessage().replace("Invalid faults file (rule): rule", "Invalid fault rule"));
        }
    }

    /** The file's rules, each checked; {@code operations} names the operations a rule may match. */
    static List<FaultRule> read(Path path, ApiOperations operations) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<FaultRule> rules = new ArrayList<>();
        try {
            JsonNode tree = yaml.readTree(Files.readString(path));
            JsonNode list = tree != null && tree.isObject() ? tree.get("faults") : tree;
            if (list == null || !list.isArray()) {
                throw new InvalidFaultsFile("Invalid faults file " + path + ": it is neither a list of rules nor {faults: [...]}");
            }
            for (int i = 0; i < list.size(); i++) {
                String entry = "faults[" + i + "]";
                FaultRule rule;
                try {
                    rule = yaml.treeToValue(list.get(i), FaultRule.class);
                } catch (JsonProcessingException e) {
                    throw new InvalidFaultsFile("Invalid faults file " + path + ": " + entry + ": "
                            + e.getOriginalMessage().split("\n")[0]);
                }
                check(path, entry, rule, operations);
                rules.add(rule);
            }
        } catch (IOException e) {
            throw new InvalidFaultsFile("Cannot read the faults file " + path + ": " + e.getMessage());
        }
        return rules;
    }

    private static void check(Path path, String entry, FaultRule rule, ApiOperations operations) {
        SchemaCheck.firstViolation(rule).ifPresent(violation -> {
            throw new InvalidFaultsFile("Invalid faults file " + path + ": " + entry + "." + violation);
        });
        try {
            FaultRules.check(rule, operations);
        } catch (ApiException e) {
            throw new InvalidFaultsFile("Invalid faults file " + path + ": " + entry + ": "
                    + e.getMessage().replace("Parameter error: fault rule ", ""));
        }
    }
}
