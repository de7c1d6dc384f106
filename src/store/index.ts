import type { Config } from '../config/index.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './types.js';

export type * from './types.js';

/** The store the front ends use: SQLite in the data folder (footnote.db, WAL), migrated on open. */
export function openStore(config: Pick<Config, 'dataDir'>): Store {
  return openSqliteStore(config.dataDir);
}
