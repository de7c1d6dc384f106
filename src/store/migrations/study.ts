import type { Migration } from '../migrations.js';

/** Quizzes, scores and study sessions: versions 50–99. */
export const STUDY_MIGRATIONS: Migration[] = [
  {
    version: 50,
    name: 'quiz rounds, questions, answers, scores and study sessions',
    sql: `
      CREATE TABLE quiz_rounds (
        id            TEXT PRIMARY KEY,
        guild_id      TEXT NOT NULL,
        channel_id    TEXT NOT NULL,
        started_by    TEXT NOT NULL,
        kind          TEXT NOT NULL CHECK (kind IN ('quiz', 'study')),
        section       TEXT,
        source        TEXT NOT NULL CHECK (source IN ('offline', 'llm', 'mixed')),
        time_limit_ms INTEGER,
        session_id    TEXT,
        status        TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'finished')),
        created_at    INTEGER NOT NULL,
        finished_at   INTEGER
      );
      CREATE INDEX quiz_rounds_running ON quiz_rounds (status, channel_id);
      CREATE INDEX quiz_rounds_guild ON quiz_rounds (guild_id, created_at);

      -- The question as asked (JSON), so a round survives a restart and a changed corpus.
      CREATE TABLE quiz_questions (
        round_id      TEXT NOT NULL REFERENCES quiz_rounds (id) ON DELETE CASCADE,
        position      INTEGER NOT NULL,
        question_id   TEXT NOT NULL,
        question_json TEXT NOT NULL,
        section       TEXT NOT NULL,
        passage_id    TEXT NOT NULL,
        correct_index INTEGER NOT NULL,
        message_id    TEXT,
        posted_at     INTEGER,
        deadline_at   INTEGER,
        revealed_at   INTEGER,
        reveal_shown  INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (round_id, position)
      );
      CREATE INDEX quiz_questions_open ON quiz_questions (revealed_at, deadline_at);

      -- Who answered what and when; one answer per member and question.
      CREATE TABLE quiz_answers (
        round_id    TEXT NOT NULL,
        position    INTEGER NOT NULL,
        guild_id    TEXT NOT NULL,
        user_id     TEXT NOT NULL,
        user_name   TEXT NOT NULL,
        choice      INTEGER NOT NULL,
        correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
        answered_at INTEGER NOT NULL,
        PRIMARY KEY (round_id, position, user_id),
        FOREIGN KEY (round_id, position) REFERENCES quiz_questions (round_id, position) ON DELETE CASCADE
      );
      CREATE INDEX quiz_answers_member ON quiz_answers (guild_id, user_id, answered_at);

      -- Running totals per member and server, kept with each answer (they outlive a retention purge of answers).
      CREATE TABLE quiz_scores (
        guild_id         TEXT NOT NULL,
        user_id          TEXT NOT NULL,
        user_name        TEXT NOT NULL,
        points           INTEGER NOT NULL DEFAULT 0,
        answered         INTEGER NOT NULL DEFAULT 0,
        correct          INTEGER NOT NULL DEFAULT 0,
        last_answered_at INTEGER NOT NULL,
        PRIMARY KEY (guild_id, user_id)
      );
      CREATE INDEX quiz_scores_rank ON quiz_scores (guild_id, points DESC, correct DESC);

      CREATE TABLE study_sessions (
        id               TEXT PRIMARY KEY,
        guild_id         TEXT NOT NULL,
        channel_id       TEXT NOT NULL,
        thread_id        TEXT UNIQUE,
        started_by       TEXT NOT NULL,
        section          TEXT,
        locked_role_id   TEXT,
        locked_role_name TEXT,
        steps_json       TEXT NOT NULL,
        step             INTEGER NOT NULL DEFAULT 0,
        step_posted      INTEGER NOT NULL DEFAULT 0,
        round_id         TEXT NOT NULL REFERENCES quiz_rounds (id),
        seed             INTEGER NOT NULL,
        status           TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'ended')),
        created_at       INTEGER NOT NULL,
        ended_at         INTEGER,
        ended_by         TEXT
      );
      CREATE INDEX study_sessions_running ON study_sessions (status, channel_id);
    `,
  },
  {
    version: 51,
    name: 'quiz and study messages that name members, for /forget-me',
    // the messages already posted that show a member's name, so /forget-me can show them again without it
    sql: `
      ALTER TABLE quiz_rounds ADD COLUMN intro_message_id TEXT;
      ALTER TABLE quiz_rounds ADD COLUMN summary_message_id TEXT;
      -- who stopped a quiz, or ended a study session; the name as the summary shows it
      ALTER TABLE quiz_rounds ADD COLUMN ended_by TEXT;
      ALTER TABLE quiz_rounds ADD COLUMN ended_by_name TEXT;

      -- each step of a study session as posted, and who moved the session on to it
      CREATE TABLE study_steps (
        session_id TEXT NOT NULL REFERENCES study_sessions (id) ON DELETE CASCADE,
        step       INTEGER NOT NULL,
        message_id TEXT NOT NULL,
        moved_by   TEXT,
        PRIMARY KEY (session_id, step)
      );
      CREATE INDEX study_steps_mover ON study_steps (moved_by) WHERE moved_by IS NOT NULL;
    `,
  },
];
