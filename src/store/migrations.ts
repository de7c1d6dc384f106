import type Database from 'better-sqlite3';
import { MODERATION_MIGRATIONS } from './migrations/moderation.js';
import { STUDY_MIGRATIONS } from './migrations/study.js';

/**
 * Versioned schema changes, applied in order at start-up, each in its own transaction.
 * Append new migrations; never edit one that has shipped (a database that ran it will not run it again).
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const CORE_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'answers, conversations, votes and reports',
    sql: `
      CREATE TABLE answers (
        id              TEXT PRIMARY KEY,
        created_at      INTEGER NOT NULL,
        user_id         TEXT NOT NULL,
        guild_id        TEXT,
        channel_id      TEXT NOT NULL,
        via             TEXT NOT NULL,
        question        TEXT NOT NULL,
        standalone      TEXT NOT NULL,
        answer_json     TEXT NOT NULL,
        abstained       INTEGER NOT NULL,
        mode            TEXT NOT NULL,
        message_id      TEXT,
        conversation_id TEXT
      );
      CREATE INDEX answers_conversation ON answers (conversation_id, created_at);
      CREATE INDEX answers_created ON answers (created_at);

      CREATE TABLE answer_messages (
        message_id TEXT PRIMARY KEY,
        answer_id  TEXT NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
        position   INTEGER NOT NULL
      );
      CREATE INDEX answer_messages_answer ON answer_messages (answer_id);

      CREATE TABLE conversations (
        id             TEXT PRIMARY KEY,
        channel_id     TEXT NOT NULL,
        root_answer_id TEXT NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
        created_at     INTEGER NOT NULL,
        limit_notified INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE votes (
        answer_id  TEXT NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
        user_id    TEXT NOT NULL,
        value      INTEGER NOT NULL CHECK (value IN (-1, 1)),
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (answer_id, user_id)
      );

      CREATE TABLE reports (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        answer_id  TEXT NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
        user_id    TEXT NOT NULL,
        guild_id   TEXT,
        channel_id TEXT,
        message_id TEXT,
        reason     TEXT,
        status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'dismissed')),
        created_at INTEGER NOT NULL,
        UNIQUE (answer_id, user_id)
      );
      CREATE INDEX reports_status ON reports (status, created_at);
    `,
  },
];

/**
 * Core, continued: versions 45–49, the top of moderation's old range (which has used only 2), as 1 is
 * taken and 50–99 are the study tools'.
 */
const LATER_CORE_MIGRATIONS: Migration[] = [
  {
    version: 45,
    name: 'answers remember the question message they answer',
    // so an edit of the question re-answers it, and its deletion takes the answer away, after a restart too
    sql: `
      ALTER TABLE answers ADD COLUMN question_message_id TEXT;
      CREATE INDEX answers_question_message ON answers (question_message_id) WHERE question_message_id IS NOT NULL;
    `,
  },
];

/**
 * Every migration in version order, by area: core 1 and 45–49, moderation and settings 2–44
 * (./migrations/moderation.ts), study tools 50–99 (./migrations/study.ts). Areas take versions from
 * their own range only.
 */
export const MIGRATIONS: Migration[] = [...CORE_MIGRATIONS, ...MODERATION_MIGRATIONS, ...LATER_CORE_MIGRATIONS, ...STUDY_MIGRATIONS].sort((a, b) => a.version - b.version);

/** Bring a database up to the latest schema; returns the version it is at. */
export function migrate(db: Database.Database, migrations: Migration[] = MIGRATIONS): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const current = Math.max(0, ...applied);
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  if (current > latest) {
    throw new Error(`The database was written by a newer Footnote (schema ${current}; this version knows up to ${latest}). Upgrade Footnote or point FOOTNOTE_DATA_DIR elsewhere.`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  // Any migration not yet applied runs, in version order (areas own separate version ranges).
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    })();
  }
  return Math.max(current, latest);
}
