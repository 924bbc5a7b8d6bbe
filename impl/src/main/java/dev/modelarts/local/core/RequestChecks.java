package dev.modelarts.local.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.modelarts.local.api.model.JournalEntry;
import dev.modelarts.local.api.model.RequestCheck;
import dev.modelarts.local.api.model.RequestCheckFailure;
import dev.modelarts.local.api.model.RequestCheckResult;
import dev.modelarts.local.errors.ApiException;
import dev.modelarts.local.errors.ErrorCode;
import dev.modelarts.local.faults.ApiOperations;

/**
 * The request journal asked, not only read ({@code GET /_modelarts/requests} with filters,
 * {@code POST /_modelarts/requests/verify}): each entry named by its operation and project, the
 * entries a set of criteria matches, and a count checked, with the near misses when it does not
 * hold (WireMock's verification, in this server's words). Plain values in, plain values out.
 */
public final class RequestChecks {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "TRACE");
    private static final int NEAR_MISSES = 10;

    /** What an entry must be; null criteria match anything. */
    public record Criteria(String operation, String projectId, String method, Integer status, String path, Long since) {
    }

    private final ApiOperations operations;

    public RequestChecks(ApiOperations operations) {
        this.operations = operations;
    }

    /** The criteria, the operation's name spelt as the journal spells it; a 400 for an unknown one. */
    public Criteria criteria(String operation, String projectId, String method, Integer status, String path, Long since) {
        String named = operation == null ? null : operations.named(operation).orElseThrow(() -> new ApiException(
                ErrorCode.PARAMETER_ERROR, "Parameter error: 'operation' " + operation + " is none of "
                        + String.join(", ", operations.names()) + "."));
        if (method != null && !METHODS.contains(method)) {
            throw new ApiException(ErrorCode.PARAMETER_ERROR, "Parameter error: 'method' must be one of "
                    + String.join(", ", METHODS.stream().sorted().toList()) + ".");
        }
        return new Criteria(named, projectId, method, status, path, since);
    }

    /** Each entry with its operation and project, as far as its method and path tell. */
    public List<JournalEntry> named(List<JournalEntry> entries) {
        List<JournalEntry> result = new ArrayList<>(entries.size());
        for (JournalEntry entry : entries) {
            JournalEntry copy = JournalEntry.builder().time(entry.getTime()).method(entry.getMethod())
                    .path(entry.getPath()).query(entry.getQuery()).status(entry.getStatus())
                    .requestId(entry.getRequestId()).principal(entry.getPrincipal()).durationMs(entry.getDurationMs())
                    .faultId(entry.getFaultId()).faultAction(entry.getFaultAction()).body(entry.getBody()).build();
            operations.match(entry.getMethod(), entry.getPath()).ifPresent(match -> {
                copy.setOperation(match.operation());
                copy.setProjectId(match.projectId());
            });
            result.add(copy);
        }
        return result;
    }

    public List<JournalEntry> matching(List<JournalEntry> named, Criteria criteria) {
        return named.stream().filter(e -> misses(e, criteria) == 0).toList();
    }

    /**
     * Checks the count of {@code named} entries that {@code check} describes.
     *
     * @throws ApiException 409 with the count and the near misses when it does not hold
     */
    public RequestCheckResult verify(List<JournalEntry> named, RequestCheck check) {
        Criteria criteria = criteria(check.getOperation(), check.getProjectId(),
                check.getMethod() == null ? null : check.getMethod().toString(), check.getStatus(), check.getPath(),
                check.getSince());
        if (check.getCount() != null && (check.getAtLeast() != null || check.getAtMost() != null)) {
            throw new ApiException(ErrorCode.PARAMETER_ERROR,
                    "Parameter error: give 'count', or 'at_least' and/or 'at_most', not both.");
        }
        List<JournalEntry> matches = matching(named, criteria);
        int found = matches.size();
        int least = check.getCount() != null ? check.getCount()
                : check.getAtLeast() != null ? check.getAtLeast() : check.getAtMost() != null ? 0 : 1;
        int most = check.getCount() != null ? check.getCount()
                : check.getAtMost() != null ? check.getAtMost() : Integer.MAX_VALUE;
        if (found >= least && found <= most) {
            return new RequestCheckResult(found, matches);
        }
        String message = "Expected " + expectation(check, least, most) + " requests" + described(criteria)
                + ", found " + found + ".";
        // the same operation first (another project, status, ...), then the newest
        Comparator<JournalEntry> closest = Comparator.comparing(
                (JournalEntry e) -> criteria.operation() != null && !criteria.operation().equals(e.getOperation()))
                .thenComparing(Comparator.comparing(JournalEntry::getTime).reversed());
        List<JournalEntry> near = named.stream().filter(e -> misses(e, criteria) == 1).sorted(closest)
                .limit(NEAR_MISSES).toList();
        throw new ApiException(ErrorCode.VERIFICATION_FAILED, message,
                new RequestCheckFailure(ErrorCode.VERIFICATION_FAILED.code(), message, found, near));
    }

    /** How many of the criteria the entry fails. */
    private static int misses(JournalEntry e, Criteria c) {
        int misses = 0;
        misses += c.operation() != null && !c.operation().equals(e.getOperation()) ? 1 : 0;
        misses += c.projectId() != null && !c.projectId().equals(e.getProjectId()) ? 1 : 0;
        misses += c.method() != null && !c.method().equals(e.getMethod()) ? 1 : 0;
        misses += c.status() != null && !c.status().equals(e.getStatus()) ? 1 : 0;
        misses += c.path() != null && !c.path().equals(e.getPath()) ? 1 : 0;
        misses += c.since() != null && e.getTime() < c.since() ? 1 : 0;
        return misses;
    }

    private static String expectation(RequestCheck check, int least, int most) {
        if (check.getCount() != null) {
            return "exactly " + least;
        }
        return most == Integer.MAX_VALUE ? "at least " + least
                : least == 0 ? "at most " + most : "from " + least + " to " + most;
    }

    private static String described(Criteria c) {
        List<String> parts = new ArrayList<>();
        add(parts, "of operation", c.operation());
        add(parts, "in project", c.projectId());
        add(parts, "by method", c.method());
        add(parts, "answered", c.status() == null ? null : c.status().toString());
        add(parts, "to path", c.path());
        add(parts, "since", c.since() == null ? null : c.since().toString());
        return parts.isEmpty() ? "" : " " + String.join(" ", parts);
    }

    private static void add(List<String> parts, String what, String value) {
        if (!Objects.isNull(value)) {
            parts.add(what + " " + value);
        }
    }
}
