import type Database from 'better-sqlite3';
import type { StudyStore } from './study.js';

export class SqliteStudy implements StudyStore {
  constructor(private readonly db: Database.Database) {}
}
