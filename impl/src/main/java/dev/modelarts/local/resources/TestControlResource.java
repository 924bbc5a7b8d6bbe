package dev.modelarts.local.resources;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import dev.modelarts.local.api.TestControlApi;
import dev.modelarts.local.api.model.ClearResult;
import dev.modelarts.local.api.model.ClockChange;
import dev.modelarts.local.api.model.ClockState;
import dev.modelarts.local.api.model.StateDocument;
import dev.modelarts.local.api.model.StateImportResult;
import dev.modelarts.local.api.model.TransitionRule;
import dev.modelarts.local.api.model.TransitionRuleList;
import dev.modelarts.local.api.model.FaultRule;
import dev.modelarts.local.api.model.FaultRuleList;
import dev.modelarts.local.api.model.JournalEntry;
import dev.modelarts.local.api.model.ProviderStateChange;
import dev.modelarts.local.api.model.RequestCheck;
import dev.modelarts.local.api.model.RequestCheckResult;
import dev.modelarts.local.api.model.RequestJournal;
import dev.modelarts.local.api.model.ResetResult;
import dev.modelarts.local.api.model.SeedDocument;
import dev.modelarts.local.api.model.SeedResult;
import dev.modelarts.local.core.ClockControl;
import dev.modelarts.local.core.RequestChecks;
import dev.modelarts.local.core.StateTransfer;
import dev.modelarts.local.core.TestControl;
import dev.modelarts.local.errors.ApiException;
import dev.modelarts.local.errors.ErrorCode;
import dev.modelarts.local.faults.FaultRules;
import dev.modelarts.local.http.RecentRequests;
import dev.modelarts.local.model.StateSnapshot;
import dev.modelarts.local.transitions.TransitionRules;

/**
 * The test-control API under /_modelarts/ (this server only): reset, seed, provider states,
 * journal, fault rules, status transitions, the clock, state export and import.
 */
public final class TestControlResource implements TestControlApi {

    private final TestControl control;
    private final RecentRequests journal;
    private final FaultRules faults;
    private final TransitionRules transitions;
    private final ClockControl clock;
    private final StateTransfer state;
    private final RequestChecks requests;

    public TestControlResource(TestControl control, RecentRequests journal, RequestChecks requests,
            FaultRules faults, TransitionRules transitions, ClockControl clock, StateTransfer state) {
        this.requests = requests;
        this.control = control;
        this.journal = journal;
        this.faults = faults;
        this.transitions = transitions;
        this.clock = clock;
        this.state = state;
    }

    /** Forgets the images, groups, fault and transition rules; the clock goes back to its start. */
    @Override
    public ResetResult resetState() {
        TestControl.ResetCount deleted = control.reset();
        return new ResetResult(deleted.images(), deleted.groups());
    }

    /** Answered 201 ({@link dev.modelarts.local.http.CreatedStatus}). */
    @Override
    public TransitionRule addTransition(TransitionRule rule) {
        return transitions.add(rule);
    }

    @Override
    public TransitionRuleList listTransitions() {
        return new TransitionRuleList(transitions.list());
    }

    @Override
    public ClearResult clearTransitions() {
        return new ClearResult((long) transitions.clear());
    }

    @Override
    public TransitionRule removeTransition(String ruleId) {
        return transitions.remove(ruleId);
    }

    @Override
    public ClockState getClock() {
        return clock.state();
    }

    @Override
    public ClockState changeClock(ClockChange change) {
        return clock.change(change);
    }

    @Override
    public StateDocument exportState() {
        return StateViews.document(state.export());
    }

    @Override
    public StateImportResult importState(StateDocument document) {
        StateTransfer.checkVersion(document.getFormatVersion());
        StateSnapshot snapshot = StateViews.snapshot(document);
        state.replace(snapshot);
        return new StateImportResult((long) snapshot.groups().size(), snapshot.imageCount(),
                (long) snapshot.transitions().size());
    }

    /** Answered 201 ({@link dev.modelarts.local.http.CreatedStatus}). */
    @Override
    public FaultRule addFault(FaultRule faultRule) {
        return faults.add(faultRule);
    }

    @Override
    public FaultRuleList listFaults() {
        return new FaultRuleList(faults.list());
    }

    @Override
    public ClearResult clearFaults() {
        return new ClearResult((long) faults.clear());
    }

    @Override
    public FaultRule removeFault(String faultId) {
        return faults.remove(faultId);
    }

    @Override
    public SeedResult seedImages(SeedDocument document) {
        TestControl.SeedCount count = control.seed(document.getImages());
        return new SeedResult(count.registered(), count.existing());
    }

    /** The request's query, for a state change sent as query parameters. */
    @Context
    private UriInfo uriInfo;

    @Override
    public Map<String, Object> changeProviderState(String state, String action, ProviderStateChange change) {
        // the spec's enum, checked whether or not the body is the one used (an inline enum on a
        // query parameter is generated as a plain String)
        if (action != null && !action.equals("setup") && !action.equals("teardown")) {
            throw new ApiException(ErrorCode.PARAMETER_ERROR,
                    "Parameter error: query parameter 'action' must be setup or teardown.");
        }
        if (change != null) {
            boolean setup = change.getAction() != ProviderStateChange.ActionEnum.TEARDOWN;
            return control.providerState(change.getState(), change.getParams(), setup);
        }
        // pact_verifier_cli --state-change-as-query: state and action, every other parameter a param
        Map<String, Object> params = new HashMap<>();
        uriInfo.getQueryParameters().forEach((name, values) -> {
            if (!name.equals("state") && !name.equals("action") && !values.isEmpty()) {
                params.put(name, values.get(0));
            }
        });
        return control.providerState(state, params, !"teardown".equals(action));
    }

    @Override
    public RequestJournal listRequests(String operation, String projectId, Integer status, String method, Long since) {
        RequestChecks.Criteria criteria = requests.criteria(operation, projectId, method, status, null, since);
        List<JournalEntry> entries = requests.matching(requests.named(journal.entries()), criteria);
        return new RequestJournal(journal.capacity(), entries.size(), entries);
    }

    @Override
    public RequestCheckResult verifyRequests(RequestCheck check) {
        return requests.verify(requests.named(journal.entries()), check);
    }

    @Override
    public ClearResult clearRequests() {
        return new ClearResult((long) journal.clear());
    }
}
