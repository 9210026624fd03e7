// The durable store on SQL through Kysely: SQLite (better-sqlite3, a file) by default, PostgreSQL
// (pg) for `postgres://` URLs. Both run the same migrations and the same queries.
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import { ShowServerError } from '../server-error';
import { migrationProvider, type Dialect, type Tables } from './sql-schema';
import type {
  ChatLog,
  MuteList,
  ShowDatabase,
  ShowLog,
  ShowLogEntry,
  ShowLogKind,
  ShowRecord,
  StoredChatMessage,
} from './types';

export interface OpenDatabaseOptions {
  /**
   * `postgres://…` / `postgresql://…` for PostgreSQL; `sqlite:<file>` or a bare path for SQLite;
   * `sqlite::memory:` for a throwaway database. Default `sqlite:show.sqlite` (in the working folder).
   */
  url?: string;
  /** PostgreSQL pool size; default 10. */
  poolSize?: number;
}

/** Which backend a URL names, and where. */
export function parseDatabaseUrl(url = 'sqlite:show.sqlite'): { dialect: Dialect; target: string } {
  if (/^postgres(ql)?:\/\//i.test(url)) return { dialect: 'postgres', target: url };
  const file = url.replace(/^sqlite:(\/\/)?/i, '');
  if (file === '') throw new Error('A SQLite URL needs a file: sqlite:path/to/show.sqlite');
  return { dialect: 'sqlite', target: file };
}

async function dialectFor(dialect: Dialect, target: string, poolSize: number) {
  if (dialect === 'postgres') {
    // An optional peer: bundlers leave it to run time, so an app without it still builds.
    const { default: pg } = await import(
      /* webpackIgnore: true */ /* turbopackIgnore: true */ 'pg'
    );
    const pool = new pg.Pool({
      connectionString: target,
      max: poolSize,
      connectionTimeoutMillis: 5000,
      // A database that stops answering is a 503, not a request that hangs.
      query_timeout: 5000,
      statement_timeout: 5000,
      // 64-bit integers (times, seq) as numbers: they stay below 2^53.
      types: {
        getTypeParser: (oid: number, format?: 'text' | 'binary') =>
          oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format),
      } as never,
    });
    // An idle client's error (the server restarted) must not crash the process.
    pool.on('error', () => {});
    return new PostgresDialect({ pool });
  }
  const { default: Database } = await import('better-sqlite3');
  if (target !== ':memory:') {
    const { mkdirSync } = await import('node:fs');
    const { dirname } = await import('node:path');
    mkdirSync(dirname(target), { recursive: true });
  }
  const db = new Database(target);
  db.pragma('journal_mode = WAL');
  // FULL: an acknowledged message survives a crash of the machine, not only of the process.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  return new SqliteDialect({ database: db });
}

/** Runs every migration not yet applied; throws with the failing migration's name. */
export async function migrate(db: Kysely<Tables>, dialect: Dialect): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migrating the show database failed at ${failed}.`, { cause: error });
  }
}

/** Storage errors become a clear 503 for the client; the cause goes to the server's log. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (cause) {
    if (cause instanceof ShowServerError) throw cause;
    throw new ShowServerError('storage_unavailable', 'The show database is not available.', {
      cause,
    });
  }
}

interface ChatRow {
  seq: number;
  id: string;
  room: string;
  person: string;
  name: string;
  role: StoredChatMessage['role'];
  body: string;
  sent_at: number;
}

function toMessage(row: ChatRow): StoredChatMessage {
  return {
    seq: Number(row.seq),
    id: row.id,
    room: row.room,
    person: row.person,
    name: row.name,
    role: row.role,
    text: row.body,
    sentAt: Number(row.sent_at),
  };
}

/** What a show-log entry is read from (`logEntry` turns a row into one). */
const logColumns = ['room', 'kind', 'person', 'detail', 'at'] as const;

type LogRow = {
  room: string;
  kind: ShowLogKind;
  person: string | null;
  detail: string | null;
  at: number | string | bigint;
};

function logEntry(r: LogRow): ShowLogEntry {
  return {
    room: r.room,
    kind: r.kind,
    at: Number(r.at),
    ...(r.person !== null && { person: r.person }),
    ...(r.detail !== null && { detail: r.detail }),
  };
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<ShowDatabase> {
  const { dialect, target } = parseDatabaseUrl(options.url);
  const db = new Kysely<Tables>({
    dialect: await dialectFor(dialect, target, options.poolSize ?? 10),
  });
  try {
    await migrate(db, dialect);
  } catch (error) {
    await db.destroy();
    throw error;
  }

  const messageColumns = [
    'seq',
    'id',
    'room',
    'person',
    'name',
    'role',
    'body',
    'sent_at',
  ] as const;

  const chat: ChatLog = {
    append: (message) =>
      guarded(async () => {
        const inserted = await db
          .insertInto('chat_messages')
          .values({
            room: message.room,
            id: message.id,
            person: message.person,
            name: message.name,
            role: message.role,
            body: message.text,
            sent_at: message.sentAt,
            deleted_at: null,
            deleted_by: null,
          })
          .onConflict((oc) => oc.columns(['room', 'id']).doNothing())
          .returning(messageColumns)
          .executeTakeFirst();
        if (inserted) return { message: toMessage(inserted), created: true };
        const existing = await db
          .selectFrom('chat_messages')
          .select(messageColumns)
          .where('room', '=', message.room)
          .where('id', '=', message.id)
          .executeTakeFirstOrThrow();
        return { message: toMessage(existing), created: false };
      }),
    remove: (room, id, by, at) =>
      guarded(async () => {
        const result = await db
          .updateTable('chat_messages')
          .set({ deleted_at: at, deleted_by: by })
          .where('room', '=', room)
          .where('id', '=', id)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        return Number(result.numUpdatedRows) > 0;
      }),
    find: (room, id) =>
      guarded(async () => {
        const row = await db
          .selectFrom('chat_messages')
          .select(messageColumns)
          .where('room', '=', room)
          .where('id', '=', id)
          .executeTakeFirst();
        return row && toMessage(row);
      }),
    recent: (room, limit) =>
      guarded(async () => {
        const rows = await db
          .selectFrom('chat_messages')
          .select(messageColumns)
          .where('room', '=', room)
          .where('deleted_at', 'is', null)
          .orderBy('seq', 'desc')
          .limit(limit)
          .execute();
        return rows.reverse().map(toMessage);
      }),
    between: (room, from, to, limit) =>
      guarded(async () => {
        const rows = await db
          .selectFrom('chat_messages')
          .select(messageColumns)
          .where('room', '=', room)
          .where('deleted_at', 'is', null)
          .where('sent_at', '>=', from)
          .where('sent_at', '<=', to)
          .orderBy('seq', 'asc')
          .limit(limit)
          .execute();
        return rows.map(toMessage);
      }),
  };

  const mutes: MuteList = {
    set: (room, person, muted, by, at) =>
      guarded(async () => {
        if (!muted) {
          await db
            .deleteFrom('mutes')
            .where('room', '=', room)
            .where('person', '=', person)
            .execute();
          return;
        }
        await db
          .insertInto('mutes')
          .values({ room, person, muted_by: by, muted_at: at })
          .onConflict((oc) =>
            oc.columns(['room', 'person']).doUpdateSet({ muted_by: by, muted_at: at }),
          )
          .execute();
      }),
    isMuted: (room, person) =>
      guarded(async () => {
        const row = await db
          .selectFrom('mutes')
          .select('person')
          .where('room', '=', room)
          .where('person', '=', person)
          .executeTakeFirst();
        return row !== undefined;
      }),
    list: (room) =>
      guarded(async () => {
        const rows = await db
          .selectFrom('mutes')
          .select('person')
          .where('room', '=', room)
          .orderBy('person')
          .execute();
        return rows.map((r) => r.person);
      }),
  };

  const upsertShow = (room: string, set: Partial<Omit<Tables['shows'], 'room'>>, at: number) =>
    db
      .insertInto('shows')
      .values({ room, status: 'upcoming', peak_viewers: 0, ...set, updated_at: at })
      .onConflict((oc) => oc.column('room').doUpdateSet({ ...set, updated_at: at }))
      .execute();

  const shows: ShowLog = {
    record: (entry) =>
      guarded(async () => {
        await db
          .insertInto('show_log')
          .values({
            room: entry.room,
            kind: entry.kind,
            person: entry.person ?? null,
            detail: entry.detail ?? null,
            at: entry.at,
          })
          .execute();
      }),
    entries: (room, limit = 1000) =>
      guarded(async () => {
        const rows = await db
          .selectFrom('show_log')
          .select(logColumns)
          .where('room', '=', room)
          .orderBy('seq', 'asc')
          .limit(limit)
          .execute();
        return rows.map(logEntry);
      }),
    between: (room, { from, to, kinds, limit }) =>
      guarded(async () => {
        if (kinds.length === 0) return [];
        const rows = await db
          .selectFrom('show_log')
          .select(logColumns)
          .where('room', '=', room)
          .where('kind', 'in', kinds)
          .where('at', '>=', from)
          .where('at', '<=', to)
          .orderBy('seq', 'asc')
          .limit(limit)
          .execute();
        return rows.map(logEntry);
      }),
    latest: (room, kind, detail) =>
      guarded(async () => {
        let query = db
          .selectFrom('show_log')
          .select(logColumns)
          .where('room', '=', room)
          .where('kind', '=', kind);
        if (detail !== undefined) query = query.where('detail', '=', detail);
        const row = await query.orderBy('seq', 'desc').limit(1).executeTakeFirst();
        return row && logEntry(row);
      }),
    show: (room) =>
      guarded(async () => {
        const row = await db
          .selectFrom('shows')
          .selectAll()
          .where('room', '=', room)
          .executeTakeFirst();
        const record: ShowRecord = {
          room,
          status: row?.status ?? 'upcoming',
          peakViewers: row ? Number(row.peak_viewers) : 0,
          updatedAt: row?.updated_at == null ? null : Number(row.updated_at),
        };
        return record;
      }),
    setStatus: (room, status, at) => guarded(() => upsertShow(room, { status }, at).then(() => {})),
    raisePeak: (room, viewers, at) =>
      guarded(async () => {
        await db
          .insertInto('shows')
          .values({ room, status: 'upcoming', peak_viewers: viewers, updated_at: at })
          .onConflict((oc) =>
            oc
              .column('room')
              .doUpdateSet({ peak_viewers: viewers, updated_at: at })
              .where('shows.peak_viewers', '<', viewers),
          )
          .execute();
      }),
  };

  return { kind: dialect, chat, mutes, shows, close: () => db.destroy() };
}
