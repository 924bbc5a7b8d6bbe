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
import { existsSync, readdirSync, statSync } from 'node:fs';
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
    const files = pactSources.filter((p) => existsSync(p)).flatMap((p) => statSync(p).isDirectory()
        ? readdirSync(p).filter((f) => f.endsWith('.json')).map((f) => resolve(p, f))
        : [resolve(p)]);
    const byName = new Map(files.map((f) => [f.split('/').pop(), f]));
    return [...byName.values()];
}

const { server, listening } = startServer();
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
        const pacts = pactFiles();
        if (pacts.length === 0) {
            throw new Error('no pact files in ' + pactSources.join(', '));
        }
        source.pactUrls = pacts;
        console.log(`[js] pact-js verifying ${pacts.length} pacts: ${pacts.map((p) => p.split('/').pop()).join(', ')}`);
    }
    await new Verifier({
        provider: 'modelarts-image-server',
        providerBaseUrl: base,
        ...source,
        providerStatesSetupUrl: `${base}/_modelarts/provider-states`,
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
} finally {
    server.kill('SIGTERM');
}
process.exit(failed ? 1 : 0);
