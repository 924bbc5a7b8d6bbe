package dev.modelarts.conformance;

import java.util.Set;

import dev.modelarts.conformance.ApiSpec.Operation;
import dev.modelarts.conformance.Target.Request;

/**
 * One request the runner sends and what the spec says must come back.
 *
 * @param name   what the case tries, e.g. {@code invalid limit: below minimum 1}
 * @param expect the statuses that may answer it and the error family an error must carry
 */
record Case(Operation operation, String name, Request request, Expect expect) {

    /** Which gateway or service an error body must name in its {@code error_code}. */
    enum Family {
        /** {@code ModelArts.NNNN}: the service refused the request */
        MODELARTS("ModelArts."),
        /** {@code APIG.NNNN}: the API gateway refused it (unknown path, failed signature) */
        APIG("APIG."),
        /** either, as the spec allows for this case */
        EITHER("");

        final String prefix;

        Family(String prefix) {
            this.prefix = prefix;
        }
    }

    /**
     * @param statuses the acceptable statuses; empty means any documented 2xx
     * @param family   for an error, the family its code must have
     */
    record Expect(Set<Integer> statuses, Family family) {

        static Expect success() {
            return new Expect(Set.of(), Family.EITHER);
        }

        static Expect error(int status, Family family) {
            return new Expect(Set.of(status), family);
        }

        boolean accepts(int status) {
            return statuses.isEmpty() ? status >= 200 && status < 300 : statuses.contains(status);
        }

        String describe() {
            return statuses.isEmpty() ? "a documented 2xx" : String.join(" or ", statuses.stream().sorted()
                    .map(String::valueOf).toList()) + (family == Family.EITHER ? "" : " with " + family.prefix + "*");
        }
    }

    /** The name JUnit XML and the summary show: the operation, then the case. */
    String title() {
        return operation.id() + ": " + name;
    }
}
