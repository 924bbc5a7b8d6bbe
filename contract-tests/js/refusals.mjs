// What a user of bin/verify-pacts sees when they get something wrong, checked by the Maven build:
// a misspelt provider state is named in the server's words, a missing pact file stops the run.
//   node refusals.mjs --jar JAR --pact A_GOOD_PACT_FILE
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const jar = args[args.indexOf('--jar') + 1];
const good = args[args.indexOf('--pact') + 1];

function run(...more) {
    const result = spawnSync('node', ['run.mjs', '--jar', jar, '--no-client', ...more], { encoding: 'utf8' });
    return { status: result.status, output: result.stdout + result.stderr };
}

function expect(what, outcome, status, text) {
    if (outcome.status !== status || !outcome.output.includes(text)) {
        console.error(`[js] refusals: ${what}: expected exit ${status} and "${text}", got exit ${outcome.status}:\n${outcome.output}`);
        process.exit(1);
    }
    console.log(`[js] refusals: ${what}: "${text}"`);
}

const pact = JSON.parse(readFileSync(good, 'utf8'));
const state = pact.interactions.flatMap((i) => i.providerStates || []).map((s) => s.name).find((n) => n !== undefined);
const misspelt = state.slice(0, -1);
const dir = mkdtempSync(join(tmpdir(), 'refusals-'));
const bad = join(dir, 'misspelt-state.json');
writeFileSync(bad, JSON.stringify(pact).replaceAll(JSON.stringify(state), JSON.stringify(misspelt)));

expect('a misspelt provider state', run('--pacts', bad), 1,
    `provider state '${misspelt}' (setup): Parameter error: unknown provider state '${misspelt}'.`);
const missing = join(dir, 'no-such-pact.json');
expect('a missing pact file', run('--pacts', missing), 2, `no such pact file or directory: ${missing}`);
