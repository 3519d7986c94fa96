// A demo e-ID provider for trying the e-ID login locally: a real OpenID provider (oidc-provider, a
// development dependency) whose login page asks for a personnummer instead of opening the BankID app.
// Never for production: anyone who knows a personnummer can log in through it.
//
//   npm run demo:idp                      # provider at http://127.0.0.1:4000
//   then start Lärka with the environment it prints (npm start)
import { startOidcProvider } from '../test/support/oidc-provider.js';

const port = Number(process.env.DEMO_IDP_PORT ?? 4000);
const larka = (process.env.LARKA_PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');
const callback = (base: string) => `${base}/api/auth/oidc/eid/callback`;
const alsoLoopback = larka.replace('//localhost', '//127.0.0.1');

const idp = await startOidcProvider({
  port, title: 'Demo-e-legitimation (ingen riktig BankID)', clientSecret: process.env.DEMO_IDP_SECRET ?? 'demo-idp-secret',
  redirectUris: [...new Set([callback(larka), callback(alsoLoopback)])],
});
const env = Object.entries(idp.env).map(([k, v]) => `${k}=${v}`).join(' ');
console.log(`[demo-idp] OpenID provider at ${idp.issuer} for Lärka at ${larka}`);
console.log(`[demo-idp] start Lärka with:\n  ${env} npm start`);
console.log('[demo-idp] log in with the personnummer of a guardian or staff member (Personer, as admin); Ctrl-C stops');
const stop = () => void idp.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
