package dev.modelarts.local.errors;

import java.util.Set;

import jakarta.ws.rs.container.ResourceInfo;

/**
 * The bodies whose invalid fields answer {@code ModelArts.0104} ("Parameter error") rather than
 * ModelArts' 6335/6336, which describe ModelArts' own bodies: this server's fault rules, whose
 * every problem is a parameter error naming the field (docs/faults.md).
 */
final class ParameterBodies {

    private static final Set<String> OPERATIONS = Set.of("addFault");

    private ParameterBodies() {
    }

    /** Whether the request being answered is one of those operations. */
    static boolean answering(ResourceInfo resource) {
        return resource != null && resource.getResourceMethod() != null
                && OPERATIONS.contains(resource.getResourceMethod().getName());
    }
}
