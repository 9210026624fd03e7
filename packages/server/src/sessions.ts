// Signed cookies: who a browser is (a person, with the display name they chose) and whether it is
// signed in as staff (host or moderator). Keyed by SHOW_SESSION_SECRET, never the LiveKit secret.
import { cookieHeader, readCookie } from './http';
import { isPersonId, newPersonId } from './identity';
import { createSigner, decodeText, encodeText, type Signer } from './signing';

export type StaffRole = 'host' | 'moderator';

/** Cookie names without TLS (local development); with `secure`, each gets the `__Host-` prefix. */
export const PERSON_COOKIE = 'show_person';
export const STAFF_COOKIES: Readonly<Record<StaffRole, string>> = {
  host: 'show_host',
  moderator: 'show_moderator',
};
export const PERSON_SECONDS = 30 * 24 * 3600;
export const STAFF_SECONDS = 8 * 3600;
/** The session secret's least length, in bytes of UTF-8. */
export const SESSION_SECRET_MIN_BYTES = 32;
/** A staff passcode's least length. */
export const PASSCODE_MIN_LENGTH = 8;

export interface Person {
  id: string;
  /** The display name they last asked to join with; undefined before their first token. */
  name: string | undefined;
}

export interface SessionOptions {
  /**
   * HTTPS only (default true): cookies are `Secure` and named with the `__Host-` prefix, so neither
   * a plain-HTTP page nor a sibling subdomain can set or overwrite them. Turn off only for local
   * development over http://127.0.0.1. Decided here, by configuration, never by a request's URL.
   */
  secure?: boolean;
  /**
   * The staff passcodes; a role without one cannot sign in. Each staff session is bound to its
   * passcode's fingerprint, so changing a passcode signs that role out everywhere.
   */
  passcodes?: Partial<Record<StaffRole, string>>;
}

export interface Sessions {
  /** Cookie names in use (with the `__Host-` prefix when secure). */
  readonly cookieNames: { person: string; staff: Readonly<Record<StaffRole, string>> };
  /** The request's person; a missing, forged or tampered cookie yields a fresh one (`isNew`). */
  person(request: Request): Promise<Person & { isNew: boolean }>;
  /** `Set-Cookie` for this person (with this name). */
  personCookie(person: Person): Promise<string>;
  /** The request's signed-in staff role, if any: host first, then moderator. */
  staffRole(request: Request, now?: number): Promise<StaffRole | undefined>;
  /** The same from a cookie reader (a framework's own, such as Next's `cookies()`). */
  staffRoleFrom(
    cookie: (name: string) => string | undefined,
    now?: number,
  ): Promise<StaffRole | undefined>;
  /** Whether `role` has a passcode (else nobody can sign in as it). */
  opens(role: StaffRole): boolean;
  /** Compares a typed passcode with the role's, in constant time; false when the role is closed. */
  checkPasscode(role: StaffRole, typed: string): Promise<boolean>;
  /** `Set-Cookie` that signs `role` in for `STAFF_SECONDS`; throws when the role is closed. */
  staffCookie(role: StaffRole, now?: number): Promise<string>;
  /** `Set-Cookie` headers that sign every staff role out. */
  signOutCookies(): string[];
}

export function checkSessionSecret(secret: string): void {
  if (new TextEncoder().encode(secret).byteLength < SESSION_SECRET_MIN_BYTES) {
    throw new Error(
      `SHOW_SESSION_SECRET must be at least ${SESSION_SECRET_MIN_BYTES} bytes (for example \`openssl rand -base64 32\`).`,
    );
  }
}

export async function createSessions(
  secret: string,
  options: SessionOptions = {},
): Promise<Sessions> {
  checkSessionSecret(secret);
  const secure = options.secure ?? true;
  const prefix = secure ? '__Host-' : '';
  const cookieNames = {
    person: `${prefix}${PERSON_COOKIE}`,
    staff: {
      host: `${prefix}${STAFF_COOKIES.host}`,
      moderator: `${prefix}${STAFF_COOKIES.moderator}`,
    },
  };
  const [people, staff]: [Signer, Signer] = await Promise.all([
    createSigner(secret, 'person'),
    createSigner(secret, 'staff'),
  ]);
  // Each role's passcode fingerprint: inside every staff MAC (a new passcode voids old sessions)
  // and what a typed passcode is verified against (WebCrypto's verify is constant-time).
  const fingerprints: Partial<Record<StaffRole, string>> = {};
  for (const role of ['host', 'moderator'] as const) {
    const passcode = options.passcodes?.[role];
    if (passcode === undefined) continue;
    if (passcode.length < PASSCODE_MIN_LENGTH) {
      throw new Error(`The ${role} passcode must be at least ${PASSCODE_MIN_LENGTH} characters.`);
    }
    fingerprints[role] = await staff.sign(`passcode.${role}.${passcode}`);
  }

  // `<person>.<name, base64url>.<mac>`: the name is inside the MAC, so chat is stamped with the
  // name this server agreed to, not whatever a request claims.
  async function readPerson(value: string | undefined): Promise<Person | undefined> {
    const [id, encodedName, mac, ...rest] = value?.split('.') ?? [];
    if (rest.length > 0 || !isPersonId(id) || encodedName === undefined || !mac) return undefined;
    if (!(await people.verify(`${id}.${encodedName}`, mac))) return undefined;
    const name = encodedName === '' ? undefined : decodeText(encodedName);
    return { id, name };
  }

  // `<expires>.<mac>`, the MAC over the role, its passcode's fingerprint and the expiry.
  async function readStaff(role: StaffRole, value: string | undefined, now: number) {
    const fingerprint = fingerprints[role];
    const [expiresText, mac, ...rest] = value?.split('.') ?? [];
    const expires = Number(expiresText);
    if (!fingerprint || rest.length > 0 || !mac || !Number.isSafeInteger(expires)) return false;
    if (expires <= now) return false;
    return staff.verify(`${role}.${fingerprint}.${expires}`, mac);
  }

  const staffRoleFrom: Sessions['staffRoleFrom'] = async (cookie, now = Date.now()) => {
    for (const role of ['host', 'moderator'] as const) {
      if (await readStaff(role, cookie(cookieNames.staff[role]), now)) return role;
    }
    return undefined;
  };

  // One answer per request: the token route's limit and its authorization both ask (a cookie
  // checked once, and a newcomer gets one id, not two).
  const answered = new WeakMap<Request, Promise<Person & { isNew: boolean }>>();

  return {
    cookieNames,
    person(request) {
      let answer = answered.get(request);
      if (!answer) {
        answer = readPerson(readCookie(request, cookieNames.person)).then((known) =>
          known ? { ...known, isNew: false } : { id: newPersonId(), name: undefined, isNew: true },
        );
        answered.set(request, answer);
      }
      return answer;
    },
    async personCookie(person) {
      const encodedName = person.name === undefined ? '' : encodeText(person.name);
      const mac = await people.sign(`${person.id}.${encodedName}`);
      return cookieHeader(cookieNames.person, `${person.id}.${encodedName}.${mac}`, {
        maxAgeSeconds: PERSON_SECONDS,
        secure,
      });
    },
    staffRole: (request, now = Date.now()) =>
      staffRoleFrom((name) => readCookie(request, name), now),
    staffRoleFrom,
    opens: (role) => fingerprints[role] !== undefined,
    async checkPasscode(role, typed) {
      const fingerprint = fingerprints[role];
      if (!fingerprint) return false;
      return staff.verify(`passcode.${role}.${typed}`, fingerprint);
    },
    async staffCookie(role, now = Date.now()) {
      const fingerprint = fingerprints[role];
      if (!fingerprint) throw new Error(`Nobody can sign in as ${role}: it has no passcode.`);
      const expires = now + STAFF_SECONDS * 1000;
      const mac = await staff.sign(`${role}.${fingerprint}.${expires}`);
      return cookieHeader(cookieNames.staff[role], `${expires}.${mac}`, {
        maxAgeSeconds: STAFF_SECONDS,
        secure,
      });
    },
    signOutCookies() {
      return Object.values(cookieNames.staff).map((name) =>
        cookieHeader(name, '', { maxAgeSeconds: 0, secure }),
      );
    },
  };
}
