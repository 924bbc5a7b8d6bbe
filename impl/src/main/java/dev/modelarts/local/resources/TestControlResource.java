package dev.modelarts.local.resources;

import java.util.Map;

import dev.modelarts.local.api.TestControlApi;
import dev.modelarts.local.api.model.ClearResult;
import dev.modelarts.local.api.model.ProviderStateChange;
import dev.modelarts.local.api.model.RequestJournal;
import dev.modelarts.local.api.model.ResetResult;
import dev.modelarts.local.api.model.SeedDocument;
import dev.modelarts.local.api.model.SeedResult;
import dev.modelarts.local.core.TestControl;
import dev.modelarts.local.http.RecentRequests;

/** The test-control API under /_modelarts/ (this server only): reset, seed, provider states, journal. */
public final class TestControlResource implements TestControlApi {

    private final TestControl control;
    private final RecentRequests journal;

    public TestControlResource(TestControl control, RecentRequests journal) {
        this.control = control;
        this.journal = journal;
    }

    @Override
    public ResetResult resetState() {
        TestControl.ResetCount deleted = control.reset();
        return new ResetResult(deleted.images(), deleted.groups());
    }

    @Override
    public SeedResult seedImages(SeedDocument document) {
        TestControl.SeedCount count = control.seed(document.getImages());
        return new SeedResult(count.registered(), count.existing());
    }

    @Override
    public Map<String, Object> changeProviderState(ProviderStateChange change) {
        boolean setup = change.getAction() != ProviderStateChange.ActionEnum.TEARDOWN;
        return control.providerState(change.getState(), change.getParams(), setup);
    }

    @Override
    public RequestJournal listRequests() {
        return new RequestJournal(journal.capacity(), journal.entries());
    }

    @Override
    public ClearResult clearRequests() {
        return new ClearResult((long) journal.clear());
    }
}
