package dev.modelarts.local.core;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SWR image address, {@code [registry[:port]/]namespace/name:tag}, split into its parts. The
 * namespace and name follow ListImageGroup's rules for those parameters.
 */
public record SwrPath(String registry, String namespace, String name, String tag) {

    /** The same rule as the spec's ImageRegRequest.swr_path pattern, with groups. */
    private static final Pattern FORM = Pattern.compile(
            "(?:([A-Za-z0-9.-]+(?::[0-9]{1,5})?)/)?([a-z][A-Za-z0-9._-]{0,63})/([a-z0-9._-]{1,512}):([A-Za-z0-9._-]{1,128})");

    public static Optional<SwrPath> parse(String path) {
        if (path == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SwrPath(m.group(1), m.group(2), m.group(3), m.group(4)));
    }
}
