package dev.modelarts.local.core;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.modelarts.local.errors.ApiException;
import dev.modelarts.local.errors.ErrorCode;

/**
 * A provider state's params, checked before anything is made: each known key's value has the
 * form the spec gives that value elsewhere (a project id, a workspace id, an SWR namespace, name
 * and tag, a count of versions); an unknown key or a bad value is a 400 naming it, never a 500 or
 * a 200 that made nothing.
 */
final class StateParams {

    private static final int MAX_VERSIONS = 1000;
    private static final Map<String, Pattern> FORMS = Map.of(
            "project_id", Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}"),
            "workspace_id", Pattern.compile("0|[0-9a-z]{32}"),
            "namespace", Pattern.compile("[a-z][a-z0-9._-]{0,63}"),
            "name", Pattern.compile("[a-z0-9][a-z0-9._-]{0,511}"),
            "tag", Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}"));
    private static final Map<String, String> DESCRIBED = Map.of(
            "project_id", "1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit",
            "workspace_id", "0 or 32 lowercase letters and digits",
            "namespace", "a lowercase SWR organization (lowercase letters, digits, '.', '_', '-')",
            "name", "a lowercase image name (lowercase letters, digits, '.', '_', '-')",
            "tag", "1 to 128 letters, digits, '.', '_' or '-'");

    private final String state;
    private final Map<String, Object> params;

    private StateParams(String state, Map<String, Object> params) {
        this.state = state;
        this.params = params == null ? Map.of() : params;
    }

    /** The params of {@code state}, which takes the keys {@code allowed}; throws 400 on any problem. */
    static StateParams check(String state, Map<String, Object> params, Set<String> allowed) {
        StateParams checked = new StateParams(state, params);
        for (Map.Entry<String, Object> param : checked.params.entrySet()) {
            if (!allowed.contains(param.getKey())) {
                throw checked.invalid(param.getKey(), "is not a param of this state; its params are "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
            if (!"versions".equals(param.getKey())) {
                checked.text(param.getKey(), "");
            }
        }
        return checked;
    }

    /** The value of {@code key}, or {@code fallback} when it is not given. */
    String text(String key, String fallback) {
        Object value = params.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String text) || !FORMS.get(key).matcher(text).matches()) {
            throw invalid(key, "must be " + DESCRIBED.get(key) + ", not " + quoted(value));
        }
        return text;
    }

    /** {@code versions}: a whole number from 1 to 1000, as a JSON number or a string of digits. */
    int versions(int fallback) {
        Object value = params.get("versions");
        if (value == null) {
            return fallback;
        }
        String digits = value instanceof Number || value instanceof String ? String.valueOf(value) : "";
        if (digits.matches("[0-9]{1,4}")) {
            int versions = Integer.parseInt(digits);
            if (versions >= 1 && versions <= MAX_VERSIONS) {
                return versions;
            }
        }
        throw invalid("versions", "must be a whole number from 1 to " + MAX_VERSIONS + ", not " + quoted(value));
    }

    private static String quoted(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }

    private ApiException invalid(String key, String why) {
        return new ApiException(ErrorCode.PARAMETER_ERROR,
                "Parameter error: provider state '" + state + "': param '" + key + "' " + why + ".");
    }
}
