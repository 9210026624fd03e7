// Signed cookies: who a browser is (a person, with the display name they chose) and whether it is
// signed in as staff (host or moderator). Keyed by SHOW_SESSION_SECRET, never the LiveKit secret.
import { cookieHeader, readCookie } from './http';
import { isPersonId, newPersonId } from './identity';
import { createSigner, decodeText, encodeText, type Signer } from './signing';

export type StaffRole = 'host' | 'moderator';

export const PERSON_COOKIE = 'show_person';
export const STAFF_COOKIES: Readonly<Record<StaffRole, string>> = {
  host: 'show_host',
  moderator: 'show_moderator',
};
export const PERSON_SECONDS = 30 * 24 * 3600;
export const STAFF_SECONDS = 8 * 3600;
/** The session secret's least length, in bytes of UTF-8. */
export const SESSION_SECRET_MIN_BYTES = 32;

export interface Person {
  id: string;
  /** The display name they last asked to join with; undefined before their first token. */
  name: string | undefined;
}

export interface Sessions {
  /** The request's person; a missing, forged or tampered cookie yields a fresh one (`isNew`). */
  person(request: Request): Promise<Person & { isNew: boolean }>;
  /** `Set-Cookie` for this person (with this name). */
  personCookie(person: Person, secure: boolean): Promise<string>;
  /** The request's signed-in staff role, if any: host first, then moderator. */
  staffRole(request: Request, now?: number): Promise<StaffRole | undefined>;
  /** The same from a cookie reader (a framework's own, such as Next's `cookies()`). */
  staffRoleFrom(
    cookie: (name: string) => string | undefined,
    now?: number,
  ): Promise<StaffRole | undefined>;
  /** `Set-Cookie` that signs `role` in for `STAFF_SECONDS`. */
  staffCookie(role: StaffRole, secure: boolean, now?: number): Promise<string>;
  /** `Set-Cookie` headers that sign every staff role out. */
  signOutCookies(secure: boolean): string[];
}

export function checkSessionSecret(secret: string): void {
  if (new TextEncoder().encode(secret).byteLength < SESSION_SECRET_MIN_BYTES) {
    throw new Error(
      `SHOW_SESSION_SECRET must be at least ${SESSION_SECRET_MIN_BYTES} bytes (for example \`openssl rand -base64 32\`).`,
    );
  }
}

export async function createSessions(secret: string): Promise<Sessions> {
  checkSessionSecret(secret);
  const [people, staff]: [Signer, Signer] = await Promise.all([
    createSigner(secret, 'person'),
    createSigner(secret, 'staff'),
  ]);

  // `<person>.<name, base64url>.<mac>`: the name is inside the MAC, so chat is stamped with the
  // name this server agreed to, not whatever a request claims.
  async function readPerson(value: string | undefined): Promise<Person | undefined> {
    const [id, encodedName, mac, ...rest] = value?.split('.') ?? [];
    if (rest.length > 0 || !isPersonId(id) || encodedName === undefined || !mac) return undefined;
    if (!(await people.verify(`${id}.${encodedName}`, mac))) return undefined;
    const name = encodedName === '' ? undefined : decodeText(encodedName);
    return { id, name };
  }

  async function readStaff(role: StaffRole, value: string | undefined, now: number) {
    const [expiresText, mac, ...rest] = value?.split('.') ?? [];
    const expires = Number(expiresText);
    if (rest.length > 0 || !mac || !Number.isSafeInteger(expires) || expires <= now) return false;
    return staff.verify(`${role}.${expires}`, mac);
  }

  const staffRoleFrom: Sessions['staffRoleFrom'] = async (cookie, now = Date.now()) => {
    for (const role of ['host', 'moderator'] as const) {
      if (await readStaff(role, cookie(STAFF_COOKIES[role]), now)) return role;
    }
    return undefined;
  };

  return {
    async person(request) {
      const known = await readPerson(readCookie(request, PERSON_COOKIE));
      return known
        ? { ...known, isNew: false }
        : { id: newPersonId(), name: undefined, isNew: true };
    },
    async personCookie(person, secure) {
      const encodedName = person.name === undefined ? '' : encodeText(person.name);
      const mac = await people.sign(`${person.id}.${encodedName}`);
      return cookieHeader(PERSON_COOKIE, `${person.id}.${encodedName}.${mac}`, {
        maxAgeSeconds: PERSON_SECONDS,
        secure,
      });
    },
    staffRole: (request, now = Date.now()) =>
      staffRoleFrom((name) => readCookie(request, name), now),
    staffRoleFrom,
    async staffCookie(role, secure, now = Date.now()) {
      const expires = now + STAFF_SECONDS * 1000;
      const mac = await staff.sign(`${role}.${expires}`);
      return cookieHeader(STAFF_COOKIES[role], `${expires}.${mac}`, {
        maxAgeSeconds: STAFF_SECONDS,
        secure,
      });
    },
    signOutCookies(secure) {
      return Object.values(STAFF_COOKIES).map((name) =>
        cookieHeader(name, '', { maxAgeSeconds: 0, secure }),
      );
    },
  };
}
