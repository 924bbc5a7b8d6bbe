package dev.modelarts.local.transitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.modelarts.local.api.model.ImageStatus;
import dev.modelarts.local.api.model.TransitionRule;
import dev.modelarts.local.api.model.TransitionRule.OperationEnum;
import dev.modelarts.local.errors.ApiException;
import dev.modelarts.local.model.Transition;

/** The arithmetic of status over time and the rules' checks, as plain values. */
class TransitionArithmeticTest {

    private static final List<ImageStatus> CREATING_ACTIVE = List.of(ImageStatus.CREATING, ImageStatus.ACTIVE);

    @Test
    void byPollsEveryCallAnswersWhatItFoundAndTheNthMovesItOneStep() {
        Transition t = new Transition("i", Transition.Kind.REGISTER, CREATING_ACTIVE, 2, null, null, 0, 0);
        // the status each ShowImage call answers: the step after the calls before it
        assertThat(List.of(0, 1, 2, 3).stream().map(before -> t.status(t.stepAfterPolls(before)).orElseThrow()))
                .containsExactly(ImageStatus.CREATING, ImageStatus.CREATING, ImageStatus.ACTIVE, ImageStatus.ACTIVE);
        assertThat(t.doneAt(t.stepAfterPolls(2))).isTrue();
        assertThat(t.stepAfterPolls(-5)).as("a count gone negative stays at the start").isZero();
    }

    @Test
    void byTimeAStepIsTakenAtTheExactMillisecond() {
        Transition t = new Transition("i", Transition.Kind.REGISTER, CREATING_ACTIVE, null, 2_000L, null, 10_000, 0);
        assertThat(t.status(t.stepAt(11_999))).contains(ImageStatus.CREATING);
        assertThat(t.status(t.stepAt(12_000))).contains(ImageStatus.ACTIVE);
        assertThat(t.stepAt(1_000_000)).isEqualTo(1);
        assertThat(t.stepAt(0)).as("a clock set before the start").isZero();
        assertThat(t.dueAfter(0)).isEqualTo(12_000);
        assertThat(t.reachedAt(1)).isEqualTo(12_000);
    }

    @Test
    void theFailureMessageShowsAtTheLastStatusOnly() {
        Transition t = new Transition("i", Transition.Kind.REGISTER,
                List.of(ImageStatus.INIT, ImageStatus.CREATING, ImageStatus.CREATE_FAILED), 1, null, "layer failed", 0, 0);
        assertThat(t.statusMessageAt(0)).isNull();
        assertThat(t.statusMessageAt(1)).isNull();
        assertThat(t.statusMessageAt(2)).isEqualTo("layer failed");
    }

    @Test
    void aDeletionShowsDeletedThenTheImageIsGone() {
        Transition t = new Transition("i", Transition.Kind.DELETE, List.of(ImageStatus.DELETED), 3, null, null, 0, 0);
        assertThat(t.status(t.stepAfterPolls(2))).contains(ImageStatus.DELETED);
        assertThat(t.status(t.stepAfterPolls(3))).isEmpty();
        assertThat(t.doneAt(t.stepAfterPolls(3))).isTrue();
    }

    @Test
    void aTransitionGoesByPollsOrByTimeNeverBoth() {
        assertThatThrownBy(() -> new Transition("i", Transition.Kind.REGISTER, CREATING_ACTIVE, 1, 1L, null, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rulesAreCheckedAsTheIssueStatesThem() {
        assertThat(StatusRule.check("r", rule(CREATING_ACTIVE).polls(2)).path()).isEqualTo(CREATING_ACTIVE);
        assertThat(StatusRule.check("r", new TransitionRule().operation(OperationEnum.DELETE_IMAGE).polls(1)).path())
                .containsExactly(ImageStatus.DELETED);
        assertThat(StatusRule.check("r", rule(CREATING_ACTIVE).seconds(0.25)).stepMs()).isEqualTo(250);
        refused(rule(List.of(ImageStatus.ACTIVE)).polls(1), "at least two statuses");
        refused(rule(List.of(ImageStatus.ACTIVE, ImageStatus.ACTIVE)).polls(1), "first status must be INIT or CREATING");
        refused(rule(List.of(ImageStatus.CREATING, ImageStatus.INIT)).polls(1), "last status must be");
        refused(rule(List.of(ImageStatus.CREATING, ImageStatus.ERROR, ImageStatus.ACTIVE)).polls(1),
                "between the first and the last");
        refused(rule(CREATING_ACTIVE), "exactly one of 'polls' and 'seconds'");
        refused(rule(CREATING_ACTIVE).polls(1).seconds(1.0), "exactly one of 'polls' and 'seconds'");
        refused(new TransitionRule().operation(OperationEnum.DELETE_IMAGE).path(CREATING_ACTIVE).polls(1), "[DELETED]");
    }

    @Test
    void swrPathGlobsMatchAnyRunOrOneCharacter() {
        StatusRule slow = StatusRule.check("r", rule(CREATING_ACTIVE).polls(1).swrPath("swr.example.com/slow/*"));
        assertThat(slow.matches(Transition.Kind.REGISTER, "p", "swr.example.com/slow/app:v1")).isTrue();
        assertThat(slow.matches(Transition.Kind.REGISTER, "p", "swr.example.com/fast/app:v1")).isFalse();
        assertThat(slow.matches(Transition.Kind.DELETE, "p", "swr.example.com/slow/app:v1")).isFalse();
        StatusRule one = StatusRule.check("r", rule(CREATING_ACTIVE).polls(1).swrPath("r/n/a?p:v1").projectId("p"));
        assertThat(one.matches(Transition.Kind.REGISTER, "p", "r/n/abp:v1")).isTrue();
        assertThat(one.matches(Transition.Kind.REGISTER, "q", "r/n/abp:v1")).isFalse();
        assertThat(StatusRule.glob("a.b[c]*").matcher("a.b[c]xyz").matches()).as("other characters are literal").isTrue();
        assertThat(StatusRule.glob("a.b").matcher("axb").matches()).isFalse();
    }

    private static TransitionRule rule(List<ImageStatus> path) {
        return new TransitionRule().path(path);
    }

    private static void refused(TransitionRule rule, String why) {
        assertThatThrownBy(() -> StatusRule.check("r", rule)).isInstanceOf(ApiException.class).hasMessageContaining(why);
    }
}
