package dev.modelarts.local.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.modelarts.local.auth.Credentials.InvalidCredentialsFile;
import dev.modelarts.local.config.NearestName;
import dev.modelarts.local.config.YamlLines;

/**
 * The credentials file's schema and its reader. The records below are the schema: exactly these
 * keys, each of its type, every one required but the two top-level lists. After binding, the
 * reader checks what a schema cannot: no token or access key listed twice, and every action
 * pattern matching an action this server knows. Every problem is reported in the operator's
 * words, with the file and the line: the parser's reason, not Jackson's.
 */
record CredentialsFile(List<TokenEntry> tokens, List<KeyEntry> accessKeys, Map<String, String> regions) {

    private static final Pattern AK = Pattern.compile("[A-Za-z0-9]{1,128}");
    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9:*]{1,128}");
    private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,64}");
    /** The keys of the file ("") and of an entry of each list, sorted as the messages list them. */
    private static final Map<String, List<String>> KEYS = Map.of(
            "", List.of("access_keys", "regions", "tokens"),
            "tokens", List.of("actions", "projects", "token"),
            "access_keys", List.of("actions", "ak", "projects", "sk"));

    @JsonCreator
    CredentialsFile(@JsonProperty("tokens") List<TokenEntry> tokens,
            @JsonProperty("access_keys") List<KeyEntry> accessKeys,
            @JsonProperty("regions") Map<String, String> regions) {
        this.tokens = tokens == null ? List.of() : List.copyOf(tokens);
        this.accessKeys = accessKeys == null ? List.of() : List.copyOf(accessKeys);
        Map<String, String> given = new HashMap<>();
        if (regions != null) {
            // a project given no region is reported, with its line, by check()
            regions.forEach((project, region) -> given.put(String.valueOf(project), region == null ? "" : region));
        }
        this.regions = Map.copyOf(given);
    }

    record TokenEntry(String token, Set<String> projects, List<String> actions) {
        @JsonCreator
        TokenEntry(@JsonProperty("token") String token, @JsonProperty("projects") Set<String> projects,
                @JsonProperty("actions") List<String> actions) {
            if (token == null) {
                throw new IllegalArgumentException("missing key 'token'");
            }
            if (!Credentials.wellFormedToken(token)) {
                throw new IllegalArgumentException("a token must be 1 to 16384 of A-Z a-z 0-9 . _ ~ + / = -");
            }
            this.token = token;
            this.projects = checkProjects(projects);
            this.actions = checkActions(actions);
        }
    }

    record KeyEntry(String ak, String sk, Set<String> projects, List<String> actions) {
        @JsonCreator
        KeyEntry(@JsonProperty("ak") String ak, @JsonProperty("sk") String sk,
                @JsonProperty("projects") Set<String> projects, @JsonProperty("actions") List<String> actions) {
            if (ak == null) {
                throw new IllegalArgumentException("missing key 'ak'");
            }
            if (!AK.matcher(ak).matches()) {
                throw new IllegalArgumentException("an access key (ak) must be 1 to 128 letters and digits");
            }
            if (sk == null || sk.isEmpty()) {
                throw new IllegalArgumentException("missing key 'sk': the access key " + ak + " has no secret key");
            }
            this.ak = ak;
            this.sk = sk;
            this.projects = checkProjects(projects);
            this.actions = checkActions(actions);
        }
    }

    static CredentialsFile read(Path path, Set<String> knownActions) {
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new InvalidCredentialsFile(path + ": no such file");
        } catch (IOException e) {
            throw new InvalidCredentialsFile(path + ": " + e.getMessage());
        }
        if (text.isBlank()) {
            throw new InvalidCredentialsFile(path + ": the file is empty");
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        JsonNode tree;
        CredentialsFile file;
        try {
            tree = yaml.readTree(text);
            Optional<String> unknown = unknownKey(text, tree);
            if (unknown.isPresent()) {
                throw new InvalidCredentialsFile(path + unknown.get());
            }
            file = yaml.treeToValue(tree, CredentialsFile.class);
        } catch (JsonProcessingException e) {
            throw new InvalidCredentialsFile(path + explain(text, e));
        }
        file.check(text, knownActions).ifPresent(problem -> {
            throw new InvalidCredentialsFile(path + problem);
        });
        return file;
    }

    /**
     * The first key the schema does not have, checked on the tree before binding: Jackson would
     * report a missing key of the same entry first, and the misspelling is the real cause.
     */
    private static Optional<String> unknownKey(String text, JsonNode tree) {
        if (!tree.isObject()) {
            return Optional.of(", line 1: the file must be a mapping with the keys tokens and access_keys");
        }
        Optional<String> top = unknownKey(text, tree, KEYS.get(""));
        if (top.isPresent()) {
            return top;
        }
        for (String list : List.of("tokens", "access_keys")) {
            JsonNode entries = tree.path(list);
            for (int i = 0; i < entries.size(); i++) {
                Optional<String> inEntry = unknownKey(text, entries.get(i), KEYS.get(list), list, i);
                if (inEntry.isPresent()) {
                    return inEntry;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> unknownKey(String text, JsonNode mapping, List<String> keys, Object... at) {
        Iterator<String> names = mapping.isObject() ? mapping.fieldNames() : Collections.emptyIterator();
        while (names.hasNext()) {
            String name = names.next();
            if (!keys.contains(name)) {
                Object[] steps = Arrays.copyOf(at, at.length + 1);
                steps[at.length] = name;
                return Optional.of(", line " + YamlLines.keyLineOf(text, steps) + ": unknown key '" + name + "'"
                        + NearestName.among(name, keys).map(k -> " (did you mean '" + k + "'?)").orElse("")
                        + "; the keys here are " + String.join(", ", keys));
            }
        }
        return Optional.empty();
    }

    /** The first problem a schema cannot see, as ", line N: reason". */
    private Optional<String> check(String text, Set<String> knownActions) {
        return duplicate(text, "tokens", tokens.stream().map(TokenEntry::token).toList(),
                token -> "the token " + Credentials.mask(token), "; list it once with all its projects and actions")
                .or(() -> duplicate(text, "access_keys", accessKeys.stream().map(KeyEntry::ak).toList(),
                        ak -> "the access key " + ak, ""))
                .or(() -> unknownAction(text, "tokens", tokens.stream().map(TokenEntry::actions).toList(), knownActions))
                .or(() -> unknownAction(text, "access_keys", accessKeys.stream().map(KeyEntry::actions).toList(),
                        knownActions))
                .or(() -> badRegion(text));
    }

    /** The first entry of {@code regions} that does not place a project in a region. */
    private Optional<String> badRegion(String text) {
        return regions.entrySet().stream()
                .filter(e -> e.getKey().isBlank() || e.getKey().equals("*") || !REGION.matcher(e.getValue()).matches())
                .map(e -> ", line " + YamlLines.keyLineOf(text, "regions", e.getKey()) + ": 'regions' maps project ids"
                        + " to region names such as cn-north-4, not " + e.getKey() + ": " + e.getValue())
                .findFirst();
    }

    /** The first entry of {@code list} whose key an earlier entry has, with both lines. */
    private static Optional<String> duplicate(String text, String list, List<String> keys,
            Function<String, String> named, String advice) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            Integer first = seen.putIfAbsent(keys.get(i), i);
            if (first != null) {
                return Optional.of(", line " + YamlLines.lineOf(text, list, i) + ": " + named.apply(keys.get(i))
                        + " is listed twice (first at line " + YamlLines.lineOf(text, list, first) + ")" + advice);
            }
        }
        return Optional.empty();
    }

    /** The first action of an entry of {@code list} that matches no action of this server. */
    private static Optional<String> unknownAction(String text, String list, List<List<String>> actionsPerEntry,
            Set<String> known) {
        for (int i = 0; i < actionsPerEntry.size(); i++) {
            Optional<String> unknown = actionsPerEntry.get(i).stream()
                    .filter(action -> known.stream().noneMatch(k -> Principal.matches(action, k)))
                    .findFirst();
            if (unknown.isPresent()) {
                return Optional.of(", line " + YamlLines.lineOf(text, list, i, "actions") + ": the action \""
                        + unknown.get() + "\" matches no action of this server; the actions are "
                        + String.join(", ", known.stream().sorted().toList()) + ", with * as a wildcard");
            }
        }
        return Optional.empty();
    }

    /** ", line N: reason" for a file the parser or the schema refuses. */
    private static String explain(String text, JsonProcessingException e) {
        MarkedYAMLException yaml = cause(e, MarkedYAMLException.class);
        if (yaml != null) {
            Mark mark = yaml.getProblemMark() != null ? yaml.getProblemMark() : yaml.getContextMark();
            String problem = yaml.getProblem() == null ? yaml.getContext() : yaml.getProblem();
            String reason = problem.contains("\\t(TAB)")
                    ? "a tab character; YAML indents with spaces only"
                    : problem + (yaml.getContext() != null && yaml.getProblem() != null ? " (" + yaml.getContext() + ")" : "");
            return (mark == null ? "" : ", line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1)) + ": " + reason;
        }
        String original = e.getOriginalMessage();
        if (!(e instanceof JsonMappingException mapping)) {
            String reason = original.startsWith("Duplicate field ")
                    ? "the key " + original.substring("Duplicate field ".length()) + " is given twice in one entry"
                    : original.split("\n")[0];
            return (e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNr()) + ": " + reason;
        }
        String line = ", line " + YamlLines.lineOf(text, mapping.getPath(), mapping.getLocation()) + ": ";
        if (e.getCause() instanceof IllegalArgumentException bad) {
            return line + bad.getMessage();
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String where = mapping.getPath().isEmpty() ? "the file"
                    : mapping.getPath().get(mapping.getPath().size() - 1).getFieldName() == null ? "a list entry"
                    : "'" + mapping.getPath().get(mapping.getPath().size() - 1).getFieldName() + "'";
            Class<?> type = mismatch.getTargetType();
            String kind = Collection.class.isAssignableFrom(type) ? "a list, such as [a, b]"
                    : type == String.class ? "a single text value" : "a mapping of keys to values";
            return line + where + " must be " + kind;
        }
        return line + original.split("\n")[0];
    }

    private static <T> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Set<String> checkProjects(Set<String> projects) {
        if (projects == null) {
            throw new IllegalArgumentException("missing key 'projects'");
        }
        if (projects.isEmpty() || projects.stream().anyMatch(p -> p == null || p.isBlank())) {
            throw new IllegalArgumentException("'projects' must list at least one project id (or \"*\")");
        }
        return Set.copyOf(projects);
    }

    private static List<String> checkActions(List<String> actions) {
        if (actions == null) {
            throw new IllegalArgumentException("missing key 'actions'");
        }
        if (actions.isEmpty() || actions.stream().anyMatch(a -> a == null || !ACTION.matcher(a).matches())) {
            throw new IllegalArgumentException(
                    "'actions' must list IAM actions such as \"modelarts:image:list\" or \"modelarts:image:*\"");
        }
        return List.copyOf(actions);
    }
}
