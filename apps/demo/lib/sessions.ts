import 'server-only';
import { createSessions, type Sessions, type StaffRole } from '@show/server';
import { cookies } from 'next/headers';
import type { DemoConfig } from './config';

let cached: { key: string; sessions: Promise<Sessions> } | undefined;

/**
 * Signed person and staff cookies on SHOW_SESSION_SECRET, each staff session bound to its role's
 * passcode (made again only when one of them changes, which signs that role out).
 */
export function sessionsFor(config: DemoConfig): Promise<Sessions> {
  const key = [
    config.sessionSecret,
    config.hostPasscode ?? '',
    config.moderatorPasscode ?? '',
    String(config.localDev),
  ].join('\u0000');
  if (cached?.key !== key) {
    const passcodes = {
      ...(config.hostPasscode && { host: config.hostPasscode }),
      ...(config.moderatorPasscode && { moderator: config.moderatorPasscode }),
    };
    cached = {
      key,
      // Secure `__Host-` cookies except in local development (plain http in any browser).
      sessions: createSessions(config.sessionSecret, { secure: !config.localDev, passcodes }),
    };
  }
  return cached.sessions;
}

/** The signed-in staff role of the browser rendering this page, if any. */
export async function pageStaffRole(config: DemoConfig): Promise<StaffRole | undefined> {
  const [sessions, jar] = await Promise.all([sessionsFor(config), cookies()]);
  return sessions.staffRoleFrom((name) => jar.get(name)?.value);
}
