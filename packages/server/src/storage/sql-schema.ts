// One schema and one migration path for SQLite and PostgreSQL (Kysely's migrator). Times are ms
// since the epoch in 64-bit integers; `seq` columns give the order of things.
import type { Generated, Kysely, Migration, MigrationProvider } from 'kysely';
import type { ShowLogKind, ShowStatus } from './types';
import type { SenderRole } from '../wire';

type GeneratedSeq = Generated<number>;

export interface Tables {
  chat_messages: {
    seq: GeneratedSeq;
    room: string;
    id: string;
    person: string;
    name: string;
    role: SenderRole;
    body: string;
    sent_at: number;
    deleted_at: number | null;
    deleted_by: string | null;
  };
  mutes: { room: string; person: string; muted_by: string; muted_at: number };
  shows: { room: string; status: ShowStatus; peak_viewers: number; updated_at: number | null };
  show_log: {
    seq: GeneratedSeq;
    room: string;
    kind: ShowLogKind;
    person: string | null;
    detail: string | null;
    at: number;
  };
}

export type Dialect = 'sqlite' | 'postgres';

function seqColumn(db: Kysely<unknown>, dialect: Dialect, table: string) {
  const builder = db.schema.createTable(table);
  return dialect === 'postgres'
    ? builder.addColumn('seq', 'bigserial', (c) => c.primaryKey())
    : builder.addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement());
}

function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '2026-11-30-001-initial': {
      async up(db) {
        await seqColumn(db, dialect, 'chat_messages')
          .addColumn('room', 'text', (c) => c.notNull())
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('person', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('sent_at', 'bigint', (c) => c.notNull())
          .addColumn('deleted_at', 'bigint')
          .addColumn('deleted_by', 'text')
          .addUniqueConstraint('chat_messages_room_id', ['room', 'id'])
          .execute();
        await db.schema
          .createIndex('chat_messages_room_seq')
          .on('chat_messages')
          .columns(['room', 'seq'])
          .execute();
        await db.schema
          .createTable('mutes')
          .addColumn('room', 'text', (c) => c.notNull())
          .addColumn('person', 'text', (c) => c.notNull())
          .addColumn('muted_by', 'text', (c) => c.notNull())
          .addColumn('muted_at', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('mutes_pk', ['room', 'person'])
          .execute();
        await db.schema
          .createTable('shows')
          .addColumn('room', 'text', (c) => c.primaryKey())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('peak_viewers', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('updated_at', 'bigint')
          .execute();
        await seqColumn(db, dialect, 'show_log')
          .addColumn('room', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('person', 'text')
          .addColumn('detail', 'text')
          .addColumn('at', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('show_log_room_seq')
          .on('show_log')
          .columns(['room', 'seq'])
          .execute();
      },
      async down(db) {
        for (const table of ['show_log', 'shows', 'mutes', 'chat_messages']) {
          await db.schema.dropTable(table).ifExists().execute();
        }
      },
    },
  };
}

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: async () => migrations(dialect) };
}
