/** Quiz rounds, scores and study sessions (repository interface). */

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface StudyStore {}
