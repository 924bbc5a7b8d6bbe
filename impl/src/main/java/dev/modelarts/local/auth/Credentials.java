package dev.modelarts.local.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The tokens and access keys the server accepts, from the operator's YAML file:
 *
 * <pre>
 * tokens:
 *   - token: dev-token
 *     projects: [dev-project]
 *     actions: ["modelarts:image:*"]
 * access_keys:
 *   - ak: DEVACCESSKEY0000000
 *     sk: dev-secret-key
 *     projects: [dev-project]
 *     actions: ["modelarts:image:*"]
 * </pre>
 */
public final class Credentials {

    public static final String DEV_TOKEN = "dev-token";
    public static final String DEV_AK = "DEVACCESSKEY0000000";
    public static final String DEV_PROJECT = "dev-project";
    /** A development token that may only read (for the Pact state "a credential that may only read"). */
    public static final String DEV_READER_TOKEN = "dev-reader-token";
    private static final List<String> READ_ACTIONS =
            List.of("modelarts:image:list", "modelarts:image:listGroup", "modelarts:image:get");
    static final String DEV_SK = "dev-secret-key";

    private static final Pattern AK = Pattern.compile("[A-Za-z0-9]{1,128}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+/=-]{1,16384}");
    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9:*]{1,128}");

    private final boolean development;
    private final Map<String, Principal> byToken = new LinkedHashMap<>();
    private final Map<String, Principal> byAccessKey = new HashMap<>();
    private final Map<String, String> secretKeys = new HashMap<>();

    private Credentials(File file, boolean development) {
        this.development = development;
        for (TokenEntry t : file.tokens) {
            byToken.put(t.token, new Principal("token " + mask(t.token), t.projects, t.actions));
        }
        for (KeyEntry k : file.accessKeys) {
            byAccessKey.put(k.ak, new Principal("AK " + k.ak, k.projects, k.actions));
            secretKeys.put(k.ak, k.sk);
        }
    }

    /** The one development credential used when no file is named, like LocalStack's test/test. */
    public static Credentials development() {
        List<String> all = List.of("modelarts:image:*");
        return new Credentials(new File(
                List.of(new TokenEntry(DEV_TOKEN, Set.of(DEV_PROJECT), all),
                        new TokenEntry(DEV_READER_TOKEN, Set.of(DEV_PROJECT), READ_ACTIONS)),
                List.of(new KeyEntry(DEV_AK, DEV_SK, Set.of(DEV_PROJECT), all))), true);
    }

    /** Whether these are the built-in development credentials (no --credentials file). */
    public boolean isDevelopment() {
        return development;
    }

    /**
     * A token that may read but not register, and a project it is bound to (not "*"): the first
     * such token listed.
     */
    public Optional<Map.Entry<String, String>> readOnlyToken() {
        for (Map.Entry<String, Principal> entry : byToken.entrySet()) {
            Principal p = entry.getValue();
            Optional<String> project = p.projects().stream().filter(x -> !x.equals("*")).sorted().findFirst();
            if (p.allows("modelarts:image:get") && !p.allows("modelarts:image:register") && project.isPresent()) {
                return Optional.of(Map.entry(entry.getKey(), project.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * Reads a credentials file.
     *
     * @throws InvalidCredentialsFile naming the file and the line of the first problem
     */
    public static Credentials read(Path path) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
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
        try {
            return new Credentials(yaml.readValue(text, File.class), false);
        } catch (JsonMappingException e) {
            // the line of the entry at fault, not where the parser noticed
            String problem = e.getCause() instanceof IllegalArgumentException bad ? bad.getMessage()
                    : e.getOriginalMessage().split("\n")[0];
            throw new InvalidCredentialsFile(path + ", line " + YamlLines.lineOf(text, e.getPath(), e.getLocation())
                    + ": " + problem);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new InvalidCredentialsFile(path + (where == null ? "" : ", line " + where.getLineNr()) + ": "
                    + e.getOriginalMessage().split("\n")[0]);
        }
    }

    public Optional<Principal> forToken(String token) {
        return Optional.ofNullable(byToken.get(token));
    }

    public Optional<Principal> forAccessKey(String ak) {
        return Optional.ofNullable(byAccessKey.get(ak));
    }

    Optional<String> secretKey(String ak) {
        return Optional.ofNullable(secretKeys.get(ak));
    }

    static boolean wellFormedToken(String token) {
        return TOKEN.matcher(token).matches();
    }

    /** First four characters and the length: enough to tell tokens apart in a log, not to use one. */
    static String mask(String token) {
        return token.substring(0, Math.min(4, token.length())) + "...(" + token.length() + ")";
    }

    /** A credentials file that cannot be used; its message names the file and line. */
    public static final class InvalidCredentialsFile extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidCredentialsFile(String message) {
            super("Invalid credentials file " + message);
        }
    }

    // The file's YAML shape. Constructors check each entry; Jackson reports the line.

    private static final class File {
        final List<TokenEntry> tokens;
        final List<KeyEntry> accessKeys;

        @JsonCreator
        File(@JsonProperty("tokens") List<TokenEntry> tokens,
                @JsonProperty("access_keys") List<KeyEntry> accessKeys) {
            this.tokens = tokens == null ? List.of() : tokens;
            this.accessKeys = accessKeys == null ? List.of() : accessKeys;
            Set<String> seen = new HashSet<>();
            for (KeyEntry k : this.accessKeys) {
                if (!seen.add(k.ak)) {
                    throw new IllegalArgumentException("the access key " + k.ak + " is listed twice");
                }
            }
        }
    }

    private static final class TokenEntry {
        final String token;
        final Set<String> projects;
        final List<String> actions;

        @JsonCreator
        TokenEntry(@JsonProperty(value = "token", required = true) String token,
                @JsonProperty(value = "projects", required = true) Set<String> projects,
                @JsonProperty(value = "actions", required = true) List<String> actions) {
            if (token == null || !wellFormedToken(token)) {
                throw new IllegalArgumentException("a token must be 1 to 16384 of A-Z a-z 0-9 . _ ~ + / = -");
            }
            this.token = token;
            this.projects = checkProjects(projects);
            this.actions = checkActions(actions);
        }
    }

    private static final class KeyEntry {
        final String ak;
        final String sk;
        final Set<String> projects;
        final List<String> actions;

        @JsonCreator
        KeyEntry(@JsonProperty(value = "ak", required = true) String ak,
                @JsonProperty(value = "sk", required = true) String sk,
                @JsonProperty(value = "projects", required = true) Set<String> projects,
                @JsonProperty(value = "actions", required = true) List<String> actions) {
            if (ak == null || !AK.matcher(ak).matches()) {
                throw new IllegalArgumentException("an access key (ak) must be 1 to 128 letters and digits");
            }
            if (sk == null || sk.isEmpty()) {
                throw new IllegalArgumentException("the access key " + ak + " has no secret key (sk)");
            }
            this.ak = ak;
            this.sk = sk;
            this.projects = checkProjects(projects);
            this.actions = checkActions(actions);
        }
    }

    private static Set<String> checkProjects(Set<String> projects) {
        if (projects == null || projects.isEmpty() || projects.stream().anyMatch(p -> p == null || p.isBlank())) {
            throw new IllegalArgumentException("'projects' must list at least one project id (or \"*\")");
        }
        return projects;
    }

    private static List<String> checkActions(List<String> actions) {
        if (actions == null || actions.isEmpty()
                || actions.stream().anyMatch(a -> a == null || !ACTION.matcher(a).matches())) {
            throw new IllegalArgumentException(
                    "'actions' must list IAM actions such as \"modelarts:image:list\" or \"modelarts:image:*\"");
        }
        return actions;
    }
}
