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
  | { kind: 'show'; passageId: string };

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
    default:
      return undefined;
  }
}
