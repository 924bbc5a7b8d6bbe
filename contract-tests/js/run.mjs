// Verifies pacts against the packaged server with pact-js, and runs the TypeScript client check.
//   node run.mjs --jar JAR [--pacts FILE_OR_DIR]... [--broker URL] [--no-client]
// 1. starts the packaged server as a user would (java -jar ..., in memory, a free port);
// 2. unless --no-client, runs the TypeScript client generated from the spec (client-check.ts);
// 3. verifies the pacts (files, directories of them, or a Pact Broker's; PACT_BROKER_TOKEN for
//    its token) with pact-js, which sets each provider state up through
//    POST /_modelarts/provider-states.
// The Maven build runs it in contract-tests' integration-test phase; bin/verify-pacts runs it on
// its own. Exits non-zero when anything fails.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Verifier } from '@pact-foundation/pact';

const args = process.argv.slice(2);
const option = (name) => args.flatMap((a, i) => (a === name ? [args[i + 1]] : []));
const [jar] = option('--jar');
const pactSources = option('--pacts');
const [brokerUrl] = option('--broker');
const clientCheck = !args.includes('--no-client');
const require = createRequire(import.meta.url);
const DEV_TOKEN = 'dev-token';

function startServer() {
    const server = spawn('java', ['-jar', resolve(jar), '--port', '0', '--in-memory'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    const listening = new Promise((resolveUrl, reject) => {
        const timer = setTimeout(() => reject(new Error('the server did not start: ' + output.join(''))), 60_000);
        server.stdout.on('data', (chunk) => {
            output.push(chunk.toString());
            const match = /listening on (http:\/\/\S+)/.exec(output.join(''));
            if (match) {
                clearTimeout(timer);
                resolveUrl(match[1].replace(/\/$/, ''));
            }
        });
        server.stderr.on('data', (chunk) => output.push(chunk.toString()));
        server.on('exit', (code) => reject(new Error(`the server exited (${code}): ${output.join('')}`)));
    });
    return { server, listening };
}

/** The pact files named, each directory's *.json; a file named twice (by its name) once. */
function pactFiles() {
    const missing = pactSources.filter((p) => !existsSync(p));
    if (missing.length > 0) {
        throw new Error('no such pact file or directory: ' + missing.join(', '));
    }
    const files = pactSources.flatMap((p) => statSync(p).isDirectory()
        ? readdirSync(p).filter((f) => f.endsWith('.json')).map((f) => resolve(p, f))
        : [resolve(p)]);
    const byName = new Map(files.map((f) => [f.split('/').pop(), f]));
    return [...byName.values()];
}

/** The provider states the pacts name (Pact v2's providerState, v3 and v4's providerStates). */
function statesOf(files) {
    const names = new Set();
    for (const file of files) {
        const pact = JSON.parse(readFileSync(file, 'utf8'));
        for (const interaction of pact.interactions || []) {
            if (interaction.providerState) {
                names.add(interaction.providerState);
            }
            for (const state of interaction.providerStates || []) {
                names.add(state.name);
            }
        }
    }
    return [...names];
}

/**
 * A handler per state, which sets it up through the server's state-change endpoint and, when the
 * server refuses (a misspelt state, say), fails with the server's own words, not a bare status.
 */
function stateHandlers(base, names, problems) {
    const change = (state, action) => async (params) => {
        const response = await fetch(`${base}/_modelarts/provider-states`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Auth-Token': DEV_TOKEN },
            body: JSON.stringify({ state, params: params || {}, action }),
        });
        const body = await response.json().catch(() => ({}));
        if (!response.ok) {
            const problem = `provider state '${state}' (${action}): ${body.error_msg || 'HTTP ' + response.status}`;
            problems.add(problem);
            throw new Error(problem);
        }
        return body;
    };
    return Object.fromEntries(names.map((name) => [name, { setup: change(name, 'setup'), teardown: change(name, 'teardown') }]));
}

// the pact files first: a missing one is reported before anything starts
let pacts = [];
if (!brokerUrl) {
    try {
        pacts = pactFiles();
        if (pacts.length === 0) {
            throw new Error('no pact files in ' + pactSources.join(', '));
        }
    } catch (e) {
        console.error('[js] FAILED:', e.message);
        process.exit(2);
    }
}

const { server, listening } = startServer();
const stateProblems = new Set();
let failed = false;
try {
    const base = await listening;
    console.log(`[js] packaged server at ${base}`);

    if (clientCheck) {
        const { check } = require(join('..', 'target', 'js-out', 'js', 'client-check.js'));
        for (const line of await check(base, DEV_TOKEN, 'dev-project')) {
            console.log(`[js] TypeScript client: ${line}`);
        }
    }

    const source = {};
    if (brokerUrl) {
        Object.assign(source, { pactBrokerUrl: brokerUrl, pactBrokerToken: process.env.PACT_BROKER_TOKEN });
        console.log(`[js] pact-js verifying the pacts of ${brokerUrl}`);
    } else {
        source.pactUrls = pacts;
        // named from the files, so that a refusal is reported in the server's words
        source.stateHandlers = stateHandlers(base, statesOf(pacts), stateProblems);
        console.log(`[js] pact-js verifying ${pacts.length} pacts: ${pacts.map((p) => p.split('/').pop()).join(', ')}`);
    }
    await new Verifier({
        provider: 'modelarts-image-server',
        providerBaseUrl: base,
        ...source,
        ...(source.stateHandlers ? {} : { providerStatesSetupUrl: `${base}/_modelarts/provider-states` }),
        // the same rule as the JVM verification: a credential where the pact sends none
        requestFilter: (req, res, next) => {
            if (!req.headers['x-auth-token'] && !req.headers['authorization']) {
                req.headers['x-auth-token'] = DEV_TOKEN;
            }
            next();
        },
        logLevel: 'warn',
    }).verifyProvider();
    console.log('[js] pact-js: every interaction verified');
} catch (e) {
    failed = true;
    console.error('[js] FAILED:', e && e.message ? e.message : e);
    for (const problem of stateProblems) {
        console.error('[js]   ' + problem);
    }
} finally {
    server.kill('SIGTERM');
}
process.exit(failed ? 1 : 0);
