package dev.modelarts.local.auth;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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
 * regions:                 # optional; a project not listed is in cn-north-4
 *   dev-project: cn-north-4
 * </pre>
 *
 * <p>{@link CredentialsFile} reads and checks the file.
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

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+/=-]{1,16384}");

    private final boolean development;
    private final Map<String, Principal> byToken = new LinkedHashMap<>();
    private final Map<String, Principal> byAccessKey = new HashMap<>();
    private final Map<String, String> secretKeys = new HashMap<>();
    private final Map<String, String> regions;
    private final Set<String> allProjects = new java.util.TreeSet<>();

    /** The region of a project the credentials file does not place. */
    public static final String DEFAULT_REGION = "cn-north-4";

    private Credentials(CredentialsFile file, boolean development) {
        this.development = development;
        this.regions = file.regions();
        allProjects.addAll(file.regions().keySet());
        file.tokens().forEach(t -> allProjects.addAll(t.projects()));
        file.accessKeys().forEach(k -> allProjects.addAll(k.projects()));
        allProjects.remove("*");
        for (CredentialsFile.TokenEntry t : file.tokens()) {
            byToken.put(t.token(), new Principal("token " + mask(t.token()), t.projects(), t.actions()));
        }
        for (CredentialsFile.KeyEntry k : file.accessKeys()) {
            byAccessKey.put(k.ak(), new Principal("AK " + k.ak(), k.projects(), k.actions()));
            secretKeys.put(k.ak(), k.sk());
        }
    }

    /** The one development credential used when no file is named, like LocalStack's test/test. */
    public static Credentials development() {
        List<String> all = List.of("modelarts:image:*");
        return new Credentials(new CredentialsFile(
                List.of(new CredentialsFile.TokenEntry(DEV_TOKEN, Set.of(DEV_PROJECT), all),
                        new CredentialsFile.TokenEntry(DEV_READER_TOKEN, Set.of(DEV_PROJECT), READ_ACTIONS)),
                List.of(new CredentialsFile.KeyEntry(DEV_AK, DEV_SK, Set.of(DEV_PROJECT), all)), Map.of()), true);
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
     * Reads a credentials file, checking it against its schema and the actions this server knows.
     *
     * @param knownActions the IAM actions of the spec's operations; every action pattern listed
     *        must match at least one of them, so that a misspelt action is caught at start
     * @throws InvalidCredentialsFile naming the file and the line of the first problem
     */
    public static Credentials read(Path path, Set<String> knownActions) {
        return new Credentials(CredentialsFile.read(path, knownActions), false);
    }

    /**
     * The projects {@code principal} may use, each with its region, sorted by id: those it is
     * bound to, or, bound to {@code *}, every project the credentials name.
     */
    public Map<String, String> projectsOf(Principal principal) {
        Map<String, String> result = new java.util.TreeMap<>();
        Set<String> ids = principal.projects().contains("*") ? allProjects : principal.projects();
        ids.stream().filter(id -> !id.equals("*")).forEach(id -> result.put(id, regions.getOrDefault(id, DEFAULT_REGION)));
        return result;
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
}
