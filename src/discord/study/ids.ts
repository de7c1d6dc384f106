/**
 * Custom ids of the study tools' buttons: `fq:<kind>:<round>:<position>[:<choice>]` (kind a: answer, r: reveal, s: stop). A press
 * carries everything it needs with the store, so buttons keep working after a restart.
 */
import { CUSTOM_ID_MAX } from '../custom-id.js';

/** Custom ids of the study tools (quizzes, study sessions) start with this; everything else is ../custom-id.ts. */
export const STUDY_PREFIX = 'fq:';

export type StudyAction =
  /** a member's answer to a quiz or check question */
  | { kind: 'answer'; roundId: string; position: number; choice: number }
  /** the quiz starter or a moderator reveals the answer now */
  | { kind: 'reveal'; roundId: string; position: number }
  /** the quiz starter or a moderator stops the quiz (pressed on question `position`) */
  | { kind: 'stop'; roundId: string; position: number };

const ROUND_ID = /^[A-Za-z0-9_-]{1,40}$/;
const NUMBER = /^\d{1,4}$/;

export function encodeStudyId(action: StudyAction): string {
  const id =
    action.kind === 'answer'
      ? `${STUDY_PREFIX}a:${action.roundId}:${action.position}:${action.choice}`
      : `${STUDY_PREFIX}${action.kind === 'reveal' ? 'r' : 's'}:${action.roundId}:${action.position}`;
  if (id.length > CUSTOM_ID_MAX) throw new Error(`custom id over ${CUSTOM_ID_MAX} characters: ${id}`);
  return id;
}

/** The action a study custom id stands for, or undefined for one this bot did not make. */
export function decodeStudyId(customId: string): StudyAction | undefined {
  if (!customId.startsWith(STUDY_PREFIX)) return undefined;
  const [kind, roundId, position, choice, ...rest] = customId.slice(STUDY_PREFIX.length).split(':');
  if (rest.length || !roundId || !ROUND_ID.test(roundId) || !position || !NUMBER.test(position)) return undefined;
  if (kind === 'a' && choice !== undefined && NUMBER.test(choice)) return { kind: 'answer', roundId, position: Number(position), choice: Number(choice) };
  if (kind === 'r' && choice === undefined) return { kind: 'reveal', roundId, position: Number(position) };
  if (kind === 's' && choice === undefined) return { kind: 'stop', roundId, position: Number(position) };
  return undefined;
}
