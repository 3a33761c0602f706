/**
 * Asks credential helpers through a cache: each helper is run at most once per server URL for
 * the lifetime of the returned function, however many lookups need the answer (a run that
 * fetches many blobs asks for the same registry's credentials again and again).
 *
 * The protocol itself is in helper.ts; the answer becomes a Credential whose source names the
 * helper (`credential helper docker-credential-pass`), never the secret.
 */
import type { HelperRunner } from './helper.js';
import { helperCredential } from './helper.js';
import type { Credential } from './types.js';

/** Asks `helper` for `serverUrl`; `configFile` is the file that names the helper, for messages. */
export type HelperAsker = (helper: string, serverUrl: string, configFile: string) => Promise<Credential | undefined>;

/** A cached asker over `runHelper`, which runs helpers with `env`. */
export function helperAsker(runHelper: HelperRunner, env: NodeJS.ProcessEnv): HelperAsker {
  const answers = new Map<string, Promise<Credential | undefined>>();
  return (helper, serverUrl, configFile) => {
    const cacheKey = JSON.stringify([helper, serverUrl]);
    let answer = answers.get(cacheKey);
    if (answer === undefined) {
      const source = `credential helper docker-credential-${helper}`;
      answer = runHelper(helper, serverUrl, { env, configFile }).then((found) =>
        found === undefined ? undefined : helperCredential(found, source),
      );
      answers.set(cacheKey, answer);
    }
    return answer;
  };
}
