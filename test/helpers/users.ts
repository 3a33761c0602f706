/**
 * The users of the test registries (the same in the token and the htpasswd set-ups):
 * alice may pull and push everything, bob may only pull.
 */

export interface TestUser {
  readonly username: string;
  readonly password: string;
  /** May push (and delete) in the token set-up. htpasswd has no authorisation: any valid user may push there. */
  readonly canPush: boolean;
}

export const ALICE: TestUser = Object.freeze({ username: 'alice', password: 'wonderland-secret', canPush: true });
export const BOB: TestUser = Object.freeze({ username: 'bob', password: 'builder-secret', canPush: false });

export const USERS = Object.freeze({ alice: ALICE, bob: BOB });
export type TestUsers = typeof USERS;

/** The user with these credentials, or undefined when the username or password is wrong. */
export function checkCredentials(username: string, password: string): TestUser | undefined {
  return Object.values(USERS).find((u) => u.username === username && u.password === password);
}
