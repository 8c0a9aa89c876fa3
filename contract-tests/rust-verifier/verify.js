// Verifies contract-tests/pacts against a running emulator with Pact's Rust verifier (pact_ffi, through
// @pact-foundation/pact-core), the engine behind pact_verifier_cli, pact-go and pact-python. Provider states go to
// the emulator's state-change URL and nowhere else. Run by verify.sh.
const path = require('path');
const { Verifier } = require('@pact-foundation/pact-core');

// node verify.js BASE_URL PACT_DIR teardown|no-teardown
const [base, pacts, mode] = process.argv.slice(2);
const teardown = mode !== 'no-teardown';

new Verifier({
  providerBaseUrl: base,
  provider: 'usagekit-emulator',
  pactUrls: [path.join(pacts, 'volcengine-usage-client-usagekit-emulator.json'),
             path.join(pacts, 'aliyun-usage-client-usagekit-emulator.json')],
  providerStatesSetupUrl: base + '/_emulator/provider-states',
  providerStatesSetupTeardown: teardown,
  logLevel: 'warn',
}).verify()
  .then(() => { console.log('verified, teardown ' + (teardown ? 'on' : 'off')); process.exit(0); })
  .catch((e) => { console.error(String(e).slice(0, 4000)); process.exit(1); });
