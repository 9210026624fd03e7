import 'server-only';
import { createSessions, type Sessions, type StaffRole } from '@show/server';
import { cookies } from 'next/headers';
import type { DemoConfig } from './config';

let cached: { secret: string; sessions: Promise<Sessions> } | undefined;

/** Signed person and staff cookies on SHOW_SESSION_SECRET (made again only if it changes). */
export function sessionsFor(config: DemoConfig): Promise<Sessions> {
  if (cached?.secret !== config.sessionSecret) {
    cached = { secret: config.sessionSecret, sessions: createSessions(config.sessionSecret) };
  }
  return cached.sessions;
}

/** The signed-in staff role of the browser rendering this page, if any. */
export async function pageStaffRole(config: DemoConfig): Promise<StaffRole | undefined> {
  const [sessions, jar] = await Promise.all([sessionsFor(config), cookies()]);
  return sessions.staffRoleFrom((name) => jar.get(name)?.value);
}
