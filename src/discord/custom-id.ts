/**
 * Button custom ids carry everything a press needs (no in-memory state), so buttons on old
 * messages keep working after a restart: `fn:<kind>:<args>`, at most 100 characters.
 */
export type ButtonAction =
  /** show citation n of an answer (or nearest passage n of an abstention) */
  | { kind: 'passage'; answerId: string; n: number }
  /** 👍 / 👎 on an answer */
  | { kind: 'vote'; answerId: string; vote: 1 | -1 }
  | { kind: 'report'; answerId: string }
  /** show a passage by its id (search results, neighbours) */
  | { kind: 'show'; passageId: string }
  /** a moderator's decision on a report, from the mod-log channel */
  | { kind: 'review'; action: ReviewAction; reportId: number };

export type ReviewAction = 'approve' | 'correct' | 'hide';
const REVIEW_ACTIONS: readonly ReviewAction[] = ['approve', 'correct', 'hide'];

/** Modals carry their purpose the same way: `fn:<kind>:<args>`. */
export type ModalAction =
  /** the reason for reporting an answer */
  | { kind: 'report-reason'; answerId: string }
  /** a moderator's corrected answer for a report */
  | { kind: 'correction'; reportId: number };

export const CUSTOM_ID_MAX = 100;
const PREFIX = 'fn';

/** The custom id for an action, or undefined when it would not fit Discord's 100 characters. */
export function encodeCustomId(action: ButtonAction): string | undefined {
  let id: string;
  switch (action.kind) {
    case 'passage':
      id = `${PREFIX}:passage:${action.answerId}:${action.n}`;
      break;
    case 'vote':
      id = `${PREFIX}:vote:${action.answerId}:${action.vote === 1 ? 'up' : 'down'}`;
      break;
    case 'report':
      id = `${PREFIX}:report:${action.answerId}`;
      break;
    case 'show':
      id = `${PREFIX}:show:${action.passageId}`;
      break;
    case 'review':
      id = `${PREFIX}:review:${action.action}:${action.reportId}`;
      break;
  }
  return id.length <= CUSTOM_ID_MAX ? id : undefined;
}

const ANSWER_ID = /^[A-Za-z0-9_-]{1,40}$/;

/** The action a custom id stands for, or undefined for one this bot did not make. */
export function decodeCustomId(customId: string): ButtonAction | undefined {
  const parts = customId.split(':');
  if (parts[0] !== PREFIX) return undefined;
  const [, kind, a, b] = parts;
  switch (kind) {
    case 'passage': {
      const n = Number(b);
      return parts.length === 4 && ANSWER_ID.test(a ?? '') && Number.isInteger(n) && n >= 1 ? { kind, answerId: a!, n } : undefined;
    }
    case 'vote':
      return parts.length === 4 && ANSWER_ID.test(a ?? '') && (b === 'up' || b === 'down') ? { kind, answerId: a!, vote: b === 'up' ? 1 : -1 } : undefined;
    case 'report':
      return parts.length === 3 && ANSWER_ID.test(a ?? '') ? { kind, answerId: a! } : undefined;
    case 'show': {
      // passage ids may contain ':' in principle; everything after the kind is the id
      const passageId = parts.slice(2).join(':');
      return passageId ? { kind, passageId } : undefined;
    }
    case 'review': {
      const reportId = Number(b);
      return parts.length === 4 && REVIEW_ACTIONS.includes(a as ReviewAction) && /^\d{1,15}$/.test(b ?? '') && reportId >= 1 ? { kind, action: a as ReviewAction, reportId } : undefined;
    }
    default:
      return undefined;
  }
}

export function encodeModalId(action: ModalAction): string {
  return action.kind === 'report-reason' ? `${PREFIX}:reason:${action.answerId}` : `${PREFIX}:correction:${action.reportId}`;
}

export function decodeModalId(customId: string): ModalAction | undefined {
  const parts = customId.split(':');
  if (parts[0] !== PREFIX || parts.length !== 3) return undefined;
  const [, kind, a] = parts;
  if (kind === 'reason' && ANSWER_ID.test(a ?? '')) return { kind: 'report-reason', answerId: a! };
  if (kind === 'correction' && /^\d{1,15}$/.test(a ?? '') && Number(a) >= 1) return { kind: 'correction', reportId: Number(a) };
  return undefined;
}
