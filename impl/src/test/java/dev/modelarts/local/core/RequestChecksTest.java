package dev.modelarts.local.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.modelarts.local.api.model.JournalEntry;
import dev.modelarts.local.api.model.RequestCheck;
import dev.modelarts.local.api.model.RequestCheckFailure;
import dev.modelarts.local.auth.IamActions;
import dev.modelarts.local.errors.ApiException;
import dev.modelarts.local.faults.ApiOperations;

/** The journal's entries named, matched and counted, as plain values. */
class RequestChecksTest {

    private final RequestChecks checks = new RequestChecks(ApiOperations.fromSpec(IamActions.readSpec()));

    private static JournalEntry entry(long time, String method, String path, int status) {
        return JournalEntry.builder().time(time).method(method).path(path).query("a=1").status(status)
                .requestId("r" + time).principal("token abcd...(9)").durationMs(1.5).faultId("f").faultAction("delay")
                .body("{}").build();
    }

    @Test
    void namingAnEntryKeepsEveryFieldAndAddsItsOperationAndProject() {
        JournalEntry original = entry(1, "GET", "/v1/p/images/abc", 200);
        JournalEntry named = checks.named(List.of(original)).get(0);
        JournalEntry expected = entry(1, "GET", "/v1/p/images/abc", 200).operation("ShowImage").projectId("p");
        assertThat(named).isEqualTo(expected);
        assertThat(checks.named(List.of(entry(2, "GET", "/health", 200))).get(0).getOperation()).isNull();
    }

    @Test
    void aFailedCountNamesTheNearMissesOfTheSameOperationFirst() {
        List<JournalEntry> journal = checks.named(List.of(
                entry(1, "GET", "/v1/p/images/a", 200),
                entry(2, "GET", "/v1/q/images/a", 200),
                entry(3, "GET", "/v1/p/images", 200),
                entry(4, "DELETE", "/v1/q/images/a", 200)));
        assertThatThrownBy(() -> checks.verify(journal, new RequestCheck().operation("ShowImage").projectId("p").count(2)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    RequestCheckFailure failure = (RequestCheckFailure) e.body();
                    assertThat(failure.getCount()).isEqualTo(1);
                    assertThat(failure.getErrorMsg()).isEqualTo(
                            "Expected exactly 2 requests of operation ShowImage in project p, found 1.");
                    assertThat(failure.getNearMisses()).extracting(JournalEntry::getTime).containsExactly(2L, 3L);
                });
        assertThat(checks.verify(journal, new RequestCheck().projectId("q").atLeast(2)).getCount()).isEqualTo(2);
        assertThat(checks.verify(journal, new RequestCheck().since(4L)).getCount()).isEqualTo(1);
    }
}
