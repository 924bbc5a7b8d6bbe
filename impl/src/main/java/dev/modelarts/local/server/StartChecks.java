package dev.modelarts.local.server;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.modelarts.local.api.model.SeedDocument;
import dev.modelarts.local.auth.Credentials;
import dev.modelarts.local.auth.IamActions;
import dev.modelarts.local.config.DatabaseSettings;
import dev.modelarts.local.config.ServerSettings;

/**
 * What the start reads and checks before it opens anything: the operator's files and the port,
 * so that a mistake stops the start at once, before a database file or a pool exists.
 */
record StartChecks(JsonNode spec, IamActions actions, Credentials credentials, Optional<SeedDocument> seed) {

    static StartChecks of(ServerSettings config, StartAhead ahead) {
        // read once: the credentials file is checked against its actions, the filter enforces them
        JsonNode spec = ahead.spec();
        IamActions actions = IamActions.from(spec);
        Credentials credentials = StartCredentials.choose(config, actions);
        Optional<SeedDocument> seed = config.control().seed().map(SeedFile::read);
        PortCheck.requireFree(config.host(), config.port());
        DatabaseSettings settings = config.database();
        if (settings.isH2() && !settings.isInMemory() && !config.hasDatabaseUrl()) {
            DataDirectory.prepare(config.dataDir());
        }
        return new StartChecks(spec, actions, credentials, seed);
    }
}
