// A person (one browser, one signed cookie) has many connections (tabs, devices); each connection
// is its own LiveKit identity, derived by the server: `<person>.<connection>`. Counting, muting
// and limits use the person; LiveKit sees connections, so two tabs never kick each other.
import { randomId } from './signing';

/** The host's one identity: a second studio tab takes over from the first on purpose. */
export const HOST_IDENTITY = 'host';

const PERSON = /^[A-Za-z0-9_-]{22}$/;
const CONNECTION_IDENTITY = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{11})$/;

export function newPersonId(): string {
  return randomId(16);
}

export function isPersonId(value: unknown): value is string {
  return typeof value === 'string' && PERSON.test(value);
}

/** A fresh identity for one connection of `person`. */
export function connectionIdentity(person: string): string {
  return `${person}.${randomId(8)}`;
}

/** The person behind a connection identity this server made; undefined for anything else. */
export function personOf(identity: string): string | undefined {
  return CONNECTION_IDENTITY.exec(identity)?.[1];
}
