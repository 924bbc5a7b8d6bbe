// Runs in the Maven build (contract-tests, integration-test phase), after the JVM checks:
//   node run.mjs <server jar> <pacts dir>
// 1. starts the packaged server as a user would (java -jar ..., in memory, a free port);
// 2. runs the TypeScript client generated from the spec against it (client-check.ts);
// 3. verifies every pact (the consumer pacts just written, and contract-tests/pacts/) with
//    pact-js, which sets each provider state up through POST /_modelarts/provider-states.
// Exits non-zero when anything fails.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Verifier } from '@pact-foundation/pact';

const [jar, pactsDir] = process.argv.slice(2);
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

function pactFiles() {
    const dirs = [pactsDir, resolve('..', 'pacts')].filter((d) => d && existsSync(d));
    const files = [...new Set(dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.json')).map((f) => resolve(d, f))))];
    const byName = new Map(files.map((f) => [f.split('/').pop(), f]));
    return [...byName.values()];
}

const { server, listening } = startServer();
let failed = false;
try {
    const base = await listening;
    console.log(`[js] packaged server at ${base}`);

    const { check } = require(join('..', 'target', 'js-out', 'js', 'client-check.js'));
    for (const line of await check(base, DEV_TOKEN, 'dev-project')) {
        console.log(`[js] TypeScript client: ${line}`);
    }

    const pacts = pactFiles();
    if (pacts.length === 0) {
        throw new Error('no pact files to verify in ' + pactsDir);
    }
    console.log(`[js] pact-js verifying ${pacts.length} pacts: ${pacts.map((p) => p.split('/').pop()).join(', ')}`);
    await new Verifier({
        provider: 'modelarts-image-server',
        providerBaseUrl: base,
        pactUrls: pacts,
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
