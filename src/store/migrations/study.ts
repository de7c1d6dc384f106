import type { Migration } from '../migrations.js';

/** Quizzes, scores and study sessions: versions 50–99. */
export const STUDY_MIGRATIONS: Migration[] = [];
