/**
 * A local fake of Discord (REST API v10 + JSON gateway) for tests, in-process, 127.0.0.1 only.
 *
 * Drive the REAL discord.js v14 client against it:
 *
 *   const fake = await startFakeDiscord();
 *   const client = new Client({ intents, partials: [Partials.Channel], rest: { api: fake.apiBase } });
 *   await client.login('any-token');        // GET /gateway/bot -> ws://127.0.0.1:PORT -> HELLO/IDENTIFY/READY/GUILD_CREATE
 *   await fake.ready();
 *   const h = fake.interact({ type: 'command', name: 'ask', options: { question: 'why?' } });
 *   const reply = await h.final();          // message object of the reply after the last edit (content, embeds, ...)
 *   fake.sendMessage({ content: 'hi', mentionBot: true });
 *   await fake.waitFor((c) => c.method === 'POST' && c.path.endsWith('/messages'));
 *   client.destroy(); await fake.close();   // destroy the client first, or it keeps reconnecting
 *
 * Gateway (ws://127.0.0.1:PORT/?v=10&encoding=json, no compression): HELLO (op 10) on connect; IDENTIFY (op 2)
 * -> READY + GUILD_CREATE; RESUME (op 6) -> replays missed events, then RESUMED (or op 9 if the session is
 * unknown/invalidated); HEARTBEAT (op 1) -> op 11; REQUEST_GUILD_MEMBERS (op 8) -> GUILD_MEMBERS_CHUNK.
 * Events honour the IDENTIFY intents: message events need GuildMessages / DirectMessages, and without
 * MessageContent a guild message that does not mention the bot arrives with empty content/embeds/attachments,
 * as on real Discord. Messages the bot creates or edits are echoed back as MESSAGE_CREATE / MESSAGE_UPDATE
 * (`echoBotMessages`, default true), as real Discord does; ephemeral interaction replies are not. A member's own
 * edits and deletions: editMessage() (MESSAGE_UPDATE with the whole message, as Discord sends it; an embeds-only
 * change is a link preview, with `edited_timestamp` unchanged), deleteMessage() (MESSAGE_DELETE {id, channel_id,
 * guild_id?}), bulkDeleteMessages() (MESSAGE_DELETE_BULK {ids, channel_id, guild_id}).
 *
 * REST (under apiBase + '/v10'): gateway/bot, users/@me, users/:id, users/@me/channels (DMs; closeDms() makes a user's refuse
 * the bot's messages, 403 50007), applications/@me,
 * application commands (global + guild; PUT/GET/POST/PATCH/DELETE, names validated), interaction callbacks
 * (types 4-9; with_response=true answers the callback-response JSON, otherwise 204; a callback later than
 * `strictAckMs` answers 10062 Unknown interaction; a second callback 40060), interaction webhooks (GET/PATCH/DELETE
 * messages/@original or /:id, POST follow-ups; the first follow-up after a deferred reply replaces the loading
 * message), channel messages (POST/GET/PATCH/DELETE, list), channel edits (PATCH: a thread's name, archived,
 * locked; a channel's name, topic; -> THREAD_UPDATE / CHANNEL_UPDATE), threads (from a message: the thread id IS the message id;
 * or standalone), typing, reactions, guild/channel/member/role reads. Message bodies are validated like Discord's
 * (2000-char content, embed limits, empty message -> 50006, ...). JSON and multipart (payload_json + files[n])
 * bodies are parsed. Every response carries X-RateLimit-* headers that never throttle. Unknown routes are
 * recorded and answer 404 {message, code: 0}. failNext() injects 429s (Retry-After + X-RateLimit-* + Scope/Global
 * headers; discord.js only reads the headers, not the body's retry_after) and 5xx.
 *
 * All recorded paths are relative to /api/v10 and URL-decoded, e.g. "/webhooks/APP/TOKEN/messages/@original".
 *
 * discord.js 14.28 against this fake (and real Discord):
 * - listen for Events.ClientReady ('clientReady'); a 'ready' listener still fires but gets a DeprecationWarning. fake.ready() resolves when
 *   READY/GUILD_CREATE were sent, slightly before the client's clientReady.
 * - DM MESSAGE_CREATEs are dropped unless the client has `partials: [Partials.Channel]` (DM interactions still
 *   arrive, with `interaction.channel` null).
 * - every interaction callback carries `?with_response=false` (true with `withResponse: true`).
 * - a dropped socket (1006), a 4000 close or op 7 resumes after ~0.5 s; a clean close (1000), op 9 or an invalidated
 *   session means a fresh IDENTIFY, and @discordjs/ws holds an IDENTIFY made within 5 s of the previous one until
 *   those 5 s are over (+ up to 1.5 s jitter): expect ~5-6.5 s right after login.
 * - 5xx are retried at once (3 retries); 429s wait Retry-After (+50 ms offset) and retry without limit.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { WebSocket, WebSocketServer } from 'ws';

// ---------------------------------------------------------------------------------------------------------------
// Public types

/**
 * How soon an interaction must be acknowledged here: a third of Discord's 3-second window. The bot defers at once (typically
 * 2–20 ms, each test logs what it measured); on this 2-core machine, with the suite's other work in the same process, the first interaction
 * after start-up has taken 256 ms (a CI run of 2026-12-01), so a tighter bound failed runs for timing alone.
 */
export const ACK_BUDGET_MS = 1000;

export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: string | null;
  bot?: boolean;
  public_flags?: number;
}

export interface RecordedFile {
  /** Form field name, e.g. "files[0]". */
  field: string;
  /** File name as uploaded. */
  name: string;
  size: number;
  contentType: string;
  data: Buffer;
}

export interface RecordedCall {
  method: string;
  /** Path relative to /api/v10, URL-decoded, without the query string: "/channels/123/messages". */
  path: string;
  query: URLSearchParams;
  /** Parsed JSON body (for multipart: the parsed payload_json part); undefined when empty. */
  body: any;
  files: RecordedFile[];
  headers: IncomingHttpHeaders;
  /** HTTP status the fake answered. */
  status: number;
  /** performance.now() when the request arrived. */
  at: number;
}

export interface InteractionHandle {
  id: string;
  token: string;
  /** performance.now() at dispatch. */
  dispatchedAt: number;
  /** Resolves with the first callback call (POST /interactions/:id/:token/callback), whatever its status. */
  ack(timeoutMs?: number): Promise<RecordedCall>;
  /**
   * Resolves once the interaction has a visible result and nothing more happened for `settleMs`
   * (default 150 ms, so streamed edits settle): for replies/updates the current message object
   * of @original (content, embeds, components, flags, attachments...); for autocomplete `{ choices }`;
   * for a modal `{ modal: data }`. A deferred reply only counts once it was edited (or followed up).
   */
  final(timeoutMs?: number, settleMs?: number): Promise<any>;
  /** POST /webhooks/:app/:token calls (follow-ups) so far. */
  followUps(): RecordedCall[];
  /** Every REST call made with this interaction's token so far (callbacks + webhook calls). */
  calls(): RecordedCall[];
}

export interface InteractOptions {
  type: 'command' | 'autocomplete' | 'button' | 'modal' | 'select';
  /** Command name (command/autocomplete). */
  name?: string;
  /**
   * Command options: raw API options ([{ name, type, value, focused? }], e.g. subcommands) or a plain
   * object { question: 'x', limit: 3 } (string -> type 3, integer -> 4, other number -> 10, boolean -> 5).
   */
  options?: any[] | Record<string, string | number | boolean>;
  /** Autocomplete: name of the focused option (with the object form of `options`). */
  focused?: string;
  /** custom_id for button/select/modal. */
  customId?: string;
  /** Select menu values. */
  values?: string[];
  /** Modal text inputs: custom_id -> value. */
  fields?: Record<string, string>;
  /** Overrides for the invoking user (default: fake.user). */
  user?: Partial<FakeUser>;
  /** Interaction from the bot's DM with the user instead of the guild. */
  dm?: boolean;
  /** Guild channel or thread (default: fake.channelId). */
  channelId?: string;
  /** Component/modal source message: a stored message id or a message object (default: the bot's latest message in the channel). */
  message?: any;
  /** member.permissions (string bitfield), default fake.permissions.member. */
  memberPermissions?: string;
  /** member.roles (role ids). */
  roles?: string[];
  locale?: string;
}

export interface SendMessageOptions {
  content: string;
  /** Prefix the content with <@bot> (unless already present) and list the bot in mentions. */
  mentionBot?: boolean;
  /** Send in the DM channel between the author and the bot. */
  dm?: boolean;
  /** Guild text channel or thread (default fake.channelId). */
  channelId?: string;
  author?: Partial<FakeUser> & { bot?: boolean };
  /** Makes it a reply (type 19). Replying to a bot message pings (mentions) the bot unless replyPing is false. */
  referenceMessageId?: string;
  replyPing?: boolean;
  attachments?: { filename: string; size?: number; content_type?: string; url?: string }[];
  /** When it was written (ms since the epoch; default now): its id and timestamp say so, as Discord's would. */
  sentAt?: number;
}

export interface EditMessageOptions {
  /** The new text (mentions are read from it again); absent: the text stays. */
  content?: string;
  /** New embeds; alone (no `content`), the update is a link preview: `edited_timestamp` stays as it was. */
  embeds?: any[];
}

export interface FailMatch {
  method?: string;
  /** Substring of the path (relative to /api/v10), e.g. "/messages/@original" or "%40original": matched decoded and raw. */
  pathIncludes: string;
}

export interface FailResponse {
  status: number;
  /** Seconds (fractions allowed; real Discord sends whole seconds in the header). 429 default 1. */
  retryAfter?: number;
  /** 429 only: global rate limit (X-RateLimit-Global: true, scope "global"). */
  global?: boolean;
  /** 429 only: X-RateLimit-Scope, default "user" ("global" when global). */
  scope?: 'user' | 'shared' | 'global';
  /** Response body (object -> JSON, string -> text/html); default a Discord-style error. */
  body?: any;
  /** How many matching requests fail (default 1). */
  times?: number;
}

export interface StartOptions {
  /** Extra guild channels: { name, type? (default 0 text), id?, topic?, parent_id? }. Look ids up with channelByName(). */
  guildChannels?: Array<{ name: string; type?: number; id?: string; topic?: string | null; parent_id?: string | null }>;
  /** Interaction callbacks later than this after dispatch answer 404 10062 (real Discord: 3000). 0 disables. */
  strictAckMs?: number;
  /** HELLO heartbeat_interval (default 41250 like Discord). */
  heartbeatIntervalMs?: number;
  /** Echo the bot's own messages/edits as MESSAGE_CREATE/MESSAGE_UPDATE (default true, like Discord). */
  echoBotMessages?: boolean;
  /** If set, the only bot token accepted (REST 401 / gateway close 4004 otherwise). */
  token?: string;
  botUsername?: string;
}

export interface GatewayStats {
  connections: number;
  identifies: number;
  resumes: number;
  heartbeats: number;
  /** Every payload the clients sent (token redacted). */
  received: { op: number; d: any; at: number }[];
}

export interface FakeDiscord {
  /** Pass as `rest.api` (discord.js appends /v10). */
  apiBase: string;
  gatewayUrl: string;
  botUser: FakeUser;
  applicationId: string;
  guildId: string;
  /** The default text channel ("general"). */
  channelId: string;
  /** DM channel between `user` and the bot. */
  dmChannelId: string;
  /** The default human user (author of interactions/messages unless overridden). */
  user: FakeUser;
  /** Guild owner (another human). */
  owner: FakeUser;
  roles: { everyone: string; bot: string; moderator: string };
  permissions: { member: string; bot: string; moderator: string };
  calls: RecordedCall[];
  channelByName(name: string): string;
  ready(): Promise<void>;
  /** Resolves with how the next session came up: 'resumed' (RESUMED sent) or 'identified' (READY sent). */
  waitForReconnect(timeoutMs?: number): Promise<'resumed' | 'identified'>;
  /** Sends a raw gateway dispatch (no intent filtering) to every session; buffered for sessions that are mid-reconnect. */
  dispatch(t: string, d: any): void;
  interact(opts: InteractOptions): InteractionHandle;
  sendMessage(opts: SendMessageOptions): { id: string; channelId: string };
  /**
   * A member edits their message (or Discord adds a link preview): the stored message changes and MESSAGE_UPDATE
   * carries the whole message, its text hidden from sessions without MessageContent unless it mentions the bot or is
   * in a DM, as for MESSAGE_CREATE.
   */
  editMessage(id: string, change: EditMessageOptions): void;
  /** A member (or a moderator) deletes a message: MESSAGE_DELETE {id, channel_id, guild_id?}. */
  deleteMessage(id: string): void;
  /**
   * A moderator sets a channel's permission overwrites ({ id: role or user id, type: 0 role / 1 member, allow, deny },
   * bitfields as strings): CHANNEL_UPDATE. They are enforced for the bot, as on Discord: without View Channel and Send
   * Messages (Send Messages in Threads in its threads) a message is refused 403 50013; without Embed Links it is posted
   * with its embeds left out (Discord shows none); without Create Public Threads a thread is refused 403 50013.
   */
  setPermissionOverwrites(channelId: string, overwrites: { id: string; type: number; allow: string; deny: string }[]): void;
  /** A moderator deletes messages of a guild channel at once: MESSAGE_DELETE_BULK {ids, channel_id, guild_id}. */
  bulkDeleteMessages(channelId: string, ids: string[]): void;
  /** Whether a stored message was deleted (by REST or by the helpers above). */
  isDeleted(id: string): boolean;
  /** A channel or thread as stored now (name after renames, ...). */
  channel(id: string): any | undefined;
  /** Dispatches THREAD_CREATE for a thread (type 11) under a text channel and returns its id. */
  createThread(opts?: { name?: string; parentId?: string }): string;
  /**
   * A moderator deletes a thread (THREAD_DELETE {id, guild_id, parent_id, type}, as Discord sends it) or a channel
   * (CHANNEL_DELETE with the channel; its threads go with it, silently, as on Discord). From then on the REST routes
   * answer 404 10003 Unknown Channel for it. `silent`: no event is sent (one the bot missed while disconnected).
   */
  deleteChannel(id: string, opts?: { silent?: boolean }): void;
  waitFor(pred: (c: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** Non-deleted messages the bot authored in a channel, oldest first, as currently stored (after edits). */
  messagesIn(channelId: string): any[];
  /** The DM channel between a user and the bot, once it exists (the bot opened it, or the user wrote there). */
  dmChannelOf(userId: string): string | undefined;
  /**
   * A user turns off direct messages from server members (or blocks the bot): from then on the bot's messages
   * in their DM channel are refused 403 50007 Cannot send messages to this user, as on Discord; `closed: false`
   * opens them again. Opening the DM channel (POST /users/@me/channels) still works, as it does on Discord.
   */
  closeDms(userId: string, closed?: boolean): void;
  /** Any stored message (bot's or user's) by id. */
  message(id: string): any | undefined;
  failNext(match: FailMatch, response: FailResponse): void;
  /** Closes every gateway socket: without a code abruptly (client sees 1006 and resumes); with a code, a clean close. */
  dropConnections(opts?: { code?: number; invalidateSessions?: boolean }): void;
  /** Sends op 7 RECONNECT to every socket. */
  requestReconnect(): void;
  /** Ids of interactions whose first callback came later than strictAckMs (3000 when disabled) after dispatch, or not at all by then. */
  unacknowledged(): string[];
  /** ms from dispatch to the first callback, per acknowledged interaction, in dispatch order. */
  ackLatencies(): number[];
  /** Calls that hit no known route. */
  unknownRoutes(): RecordedCall[];
  gatewayStats(): GatewayStats;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------------
// Constants

const Intents = {
  Guilds: 1 << 0,
  GuildMessages: 1 << 9,
  GuildMessageReactions: 1 << 10,
  DirectMessages: 1 << 12,
  DirectMessageReactions: 1 << 13,
  MessageContent: 1 << 15,
} as const;

const P = {
  CreateInstantInvite: 1n << 0n,
  KickMembers: 1n << 1n,
  ManageChannels: 1n << 4n,
  ManageGuild: 1n << 5n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  UseExternalEmojis: 1n << 18n,
  Connect: 1n << 20n,
  Speak: 1n << 21n,
  ChangeNickname: 1n << 26n,
  UseApplicationCommands: 1n << 31n,
  ManageThreads: 1n << 34n,
  CreatePublicThreads: 1n << 35n,
  CreatePrivateThreads: 1n << 36n,
  SendMessagesInThreads: 1n << 38n,
  ModerateMembers: 1n << 40n,
};
const or = (...bits: bigint[]) => bits.reduce((a, b) => a | b, 0n).toString();
const MEMBER_PERMS = or(
  P.CreateInstantInvite, P.AddReactions, P.ViewChannel, P.SendMessages, P.EmbedLinks, P.AttachFiles,
  P.ReadMessageHistory, P.UseExternalEmojis, P.Connect, P.Speak, P.ChangeNickname, P.UseApplicationCommands,
  P.CreatePublicThreads, P.CreatePrivateThreads, P.SendMessagesInThreads,
);
const BOT_PERMS = (BigInt(MEMBER_PERMS) | P.ManageMessages | P.ManageThreads).toString();
const MOD_PERMS = (BigInt(MEMBER_PERMS) | P.ManageMessages | P.ManageThreads | P.ManageGuild | P.KickMembers | P.ModerateMembers | P.MentionEveryone).toString();
/** app_permissions Discord sends for interactions in the bot's DM. */
const DM_APP_PERMS = or(P.AddReactions, P.ViewChannel, P.SendMessages, P.EmbedLinks, P.AttachFiles, P.ReadMessageHistory, P.UseExternalEmojis, P.UseApplicationCommands);

const MessageFlags = { SuppressEmbeds: 1 << 2, HasThread: 1 << 5, Ephemeral: 1 << 6, Loading: 1 << 7 };
const InteractionType = { ApplicationCommand: 2, MessageComponent: 3, Autocomplete: 4, ModalSubmit: 5 };

// ---------------------------------------------------------------------------------------------------------------
// Helpers

const DISCORD_EPOCH = 1420070400000n;
let lastTs = 0n;
let increment = 0n;
/** Real-looking, strictly increasing 18-19 digit snowflakes (discord.js derives createdTimestamp from them). */
function snowflake(): string {
  let ts = BigInt(Date.now()) - DISCORD_EPOCH;
  if (ts <= lastTs) {
    ts = lastTs;
    increment++;
    if (increment > 4095n) {
      ts = ++lastTs;
      increment = 0n;
    }
  } else {
    lastTs = ts;
    increment = 0n;
  }
  return ((ts << 22n) | (1n << 17n) | increment).toString();
}

/** A snowflake for a moment in the past (a message written then); unique within the process. */
let pastIncrement = 0n;
function snowflakeAt(ms: number): string {
  pastIncrement = (pastIncrement + 1n) % 4096n;
  return (((BigInt(Math.floor(ms)) - DISCORD_EPOCH) << 22n) | (2n << 17n) | pastIncrement).toString();
}

const iso = () => new Date().toISOString();
const safeDecode = (v: string) => {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
};
const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: any,
  ) {
    super(typeof body?.message === 'string' ? body.message : `HTTP ${status}`);
  }
}
const err = (status: number, code: number, message: string, errors?: any) =>
  new HttpError(status, errors ? { message, code, errors } : { message, code });
const unknownChannel = () => err(404, 10003, 'Unknown Channel');
const unknownMessage = () => err(404, 10008, 'Unknown Message');
const unknownWebhook = () => err(404, 10015, 'Unknown Webhook');
const unknownInteraction = () => err(404, 10062, 'Unknown interaction');
const formError = (errors: any) => err(400, 50035, 'Invalid Form Body', errors);
const fieldError = (code: string, message: string) => ({ _errors: [{ code, message }] });

interface Part {
  name: string;
  filename?: string;
  contentType: string;
  data: Buffer;
}

function parseMultipart(buf: Buffer, contentType: string): Part[] {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!m) return [];
  const delim = Buffer.from(`--${m[1] ?? m[2]}`);
  const parts: Part[] = [];
  let pos = buf.indexOf(delim);
  while (pos !== -1) {
    pos += delim.length;
    if (buf[pos] === 0x2d && buf[pos + 1] === 0x2d) break; // closing "--"
    pos += 2; // CRLF
    const headerEnd = buf.indexOf('\r\n\r\n', pos);
    if (headerEnd === -1) break;
    const next = buf.indexOf(delim, headerEnd + 4);
    if (next === -1) break;
    const headers = buf.subarray(pos, headerEnd).toString('utf8');
    const disp = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disp)?.[1] ?? '';
    const filename = /\bfilename="([^"]*)"/i.exec(disp)?.[1];
    const ct = /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim() ?? 'text/plain';
    parts.push({ name, filename, contentType: ct, data: buf.subarray(headerEnd + 4, next - 2) });
    pos = next;
  }
  return parts;
}

/** Discord's message body limits (the ones a bot is likely to hit). Throws 50035 / 50006 like Discord. */
function validateMessageBody(body: any, { requireContent }: { requireContent: boolean }) {
  const errors: any = {};
  if (typeof body.content === 'string' && body.content.length > 2000) {
    errors.content = fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 2000 or fewer in length.');
  }
  if (Array.isArray(body.embeds)) {
    if (body.embeds.length > 10) errors.embeds = fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
    let total = 0;
    body.embeds.forEach((e: any, i: number) => {
      const ee: any = {};
      const check = (val: unknown, max: number, path: string[]) => {
        if (typeof val !== 'string') return;
        total += val.length;
        if (val.length > max) {
          let node = ee;
          for (const p of path.slice(0, -1)) node = node[p] ??= {};
          node[path[path.length - 1]!] = fieldError('BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
        }
      };
      check(e?.title, 256, ['title']);
      check(e?.description, 4096, ['description']);
      check(e?.footer?.text, 2048, ['footer', 'text']);
      check(e?.author?.name, 256, ['author', 'name']);
      if (Array.isArray(e?.fields)) {
        if (e.fields.length > 25) ee.fields = fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
        e.fields.forEach((f: any, j: number) => {
          check(f?.name, 256, ['fields', String(j), 'name']);
          check(f?.value, 1024, ['fields', String(j), 'value']);
          if (f && (f.name === '' || f.value === '' || f.name == null || f.value == null)) {
            ((ee.fields ??= {})[String(j)] ??= {}).value = fieldError('BASE_TYPE_REQUIRED', 'This field is required');
          }
        });
      }
      if (Object.keys(ee).length) (errors.embeds ??= {})[String(i)] = ee;
    });
    if (total > 6000 && !errors.embeds) errors.embeds = fieldError('MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
  }
  if (Array.isArray(body.components) && !((body.flags ?? 0) & (1 << 15)) && body.components.length > 5) {
    errors.components = fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.');
  }
  if (Object.keys(errors).length) throw formError(errors);
  if (requireContent) {
    const empty =
      !body.content &&
      !(Array.isArray(body.embeds) && body.embeds.length) &&
      !(Array.isArray(body.attachments) && body.attachments.length) &&
      !(Array.isArray(body.components) && body.components.length) &&
      !(Array.isArray(body.sticker_ids) && body.sticker_ids.length) &&
      !body.poll;
    if (empty) throw err(400, 50006, 'Cannot send an empty message');
  }
}

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
function validateCommand(cmd: any): any | null {
  const e: any = {};
  const type = cmd?.type ?? 1;
  const name = cmd?.name;
  if (typeof name !== 'string' || (type === 1 && (!COMMAND_NAME.test(name) || name !== name.toLowerCase()))) {
    e.name = fieldError('APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  }
  if (type === 1 && (typeof cmd.description !== 'string' || cmd.description.length < 1 || cmd.description.length > 100)) {
    e.description = fieldError('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
  }
  const checkOptions = (opts: any[], into: any) => {
    if (opts.length > 25) into._errors = [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' }];
    let seenOptional = false;
    opts.forEach((o: any, i: number) => {
      const oe: any = {};
      if (typeof o?.name !== 'string' || !COMMAND_NAME.test(o.name) || o.name !== o.name.toLowerCase()) {
        oe.name = fieldError('APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
      }
      if (typeof o?.description !== 'string' || o.description.length < 1 || o.description.length > 100) {
        oe.description = fieldError('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
      }
      if (o?.required && seenOptional) {
        oe._errors = [{ code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', message: 'Required options must be placed before non-required options' }];
      }
      if (!o?.required && o?.type !== 1 && o?.type !== 2) seenOptional = true;
      if (Array.isArray(o?.choices) && o.choices.length > 25) oe.choices = fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
      if (o?.autocomplete && Array.isArray(o?.choices) && o.choices.length) {
        oe.autocomplete = fieldError('APPLICATION_COMMAND_OPTION_CHOICES_AUTOCOMPLETE', 'Autocomplete cannot be set with choices');
      }
      if (Array.isArray(o?.options)) {
        const sub: any = {};
        checkOptions(o.options, sub);
        if (Object.keys(sub).length) oe.options = sub;
      }
      if (Object.keys(oe).length) into[String(i)] = oe;
    });
  };
  if (Array.isArray(cmd?.options)) {
    const oe: any = {};
    checkOptions(cmd.options, oe);
    if (Object.keys(oe).length) e.options = oe;
  }
  return Object.keys(e).length ? e : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Internal state types

interface Session {
  id: string;
  seq: number;
  intents: number;
  ws: WebSocket | null;
  /** READY/RESUMED sent on the current socket. */
  live: boolean;
  invalid: boolean;
  log: { op: 0; t: string; s: number; d: any }[];
}

interface SocketState {
  session: Session | null;
  identified: boolean;
}

interface StoredMessage {
  msg: any;
  byBot: boolean;
  deleted: boolean;
  ephemeral: boolean;
}

interface InteractionState {
  id: string;
  token: string;
  type: number;
  dispatchedAt: number;
  channelId: string;
  guildId: string | null;
  user: FakeUser;
  name?: string;
  /** Source message for components / modals from components. */
  sourceMessageId?: string;
  firstCallback?: RecordedCall;
  callbackType?: number;
  callbackData?: any;
  originalMessageId?: string;
  loading: boolean;
  hasResult: boolean;
  calls: RecordedCall[];
  listeners: Set<() => void>;
}

interface Waiter {
  pred: (c: RecordedCall) => boolean;
  resolve: (c: RecordedCall) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

// ---------------------------------------------------------------------------------------------------------------

export async function startFakeDiscord(opts: StartOptions = {}): Promise<FakeDiscord> {
  const strictAckMs = opts.strictAckMs ?? 3000;
  const heartbeatInterval = opts.heartbeatIntervalMs ?? 41250;
  const echoBotMessages = opts.echoBotMessages ?? true;

  const applicationId = snowflake();
  const botUser: FakeUser = {
    id: applicationId, // like real apps created since 2019ish: bot user id == application id
    username: opts.botUsername ?? 'Footnote',
    global_name: null,
    discriminator: '0',
    avatar: null,
    bot: true,
    public_flags: 0,
  };
  const user: FakeUser = { id: snowflake(), username: 'alice', global_name: 'Alice', discriminator: '0', avatar: null, public_flags: 0 };
  const owner: FakeUser = { id: snowflake(), username: 'olivia', global_name: 'Olivia (owner)', discriminator: '0', avatar: null, public_flags: 0 };
  const guildId = snowflake();
  const roles = { everyone: guildId, bot: snowflake(), moderator: snowflake() };
  const categoryId = snowflake();
  const channelId = snowflake();
  const dmChannelId = snowflake();
  const joinedAt = iso();

  const users = new Map<string, FakeUser>([[botUser.id, botUser], [user.id, user], [owner.id, owner]]);
  const members = new Map<string, { roles: string[]; joined_at: string }>([
    [botUser.id, { roles: [roles.bot], joined_at: joinedAt }],
    [user.id, { roles: [], joined_at: joinedAt }],
    [owner.id, { roles: [roles.moderator], joined_at: joinedAt }],
  ]);
  const channels = new Map<string, any>();
  const dmByUser = new Map<string, string>([[user.id, dmChannelId]]);
  /** users whose DMs refuse the bot (closeDms) */
  const closedDms = new Set<string>();
  const messages = new Map<string, StoredMessage>();
  const channelMessages = new Map<string, string[]>();
  const interactions = new Map<string, InteractionState>();
  const interactionsByToken = new Map<string, InteractionState>();
  const globalCommands: any[] = [];
  const guildCommands = new Map<string, any[]>();
  const commandIds = new Map<string, string>();

  const roleObjects = [
    { id: roles.everyone, name: '@everyone', permissions: MEMBER_PERMS, position: 0, color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null }, hoist: false, managed: false, mentionable: false, icon: null, unicode_emoji: null, flags: 0 },
    { id: roles.moderator, name: 'Moderator', permissions: MOD_PERMS, position: 2, color: 3447003, colors: { primary_color: 3447003, secondary_color: null, tertiary_color: null }, hoist: true, managed: false, mentionable: true, icon: null, unicode_emoji: null, flags: 0 },
    { id: roles.bot, name: botUser.username, permissions: BOT_PERMS, position: 1, color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null }, hoist: false, managed: true, mentionable: false, icon: null, unicode_emoji: null, flags: 0, tags: { bot_id: botUser.id } },
  ];

  const addChannel = (c: any) => {
    channels.set(c.id, c);
    return c;
  };
  addChannel({ id: categoryId, type: 4, guild_id: guildId, name: 'Text Channels', position: 0, permission_overwrites: [], parent_id: null, nsfw: false, flags: 0 });
  addChannel(textChannel(channelId, 'general', 0, categoryId, 'General chat'));
  (opts.guildChannels ?? []).forEach((c, i) => {
    const id = c.id ?? snowflake();
    if ((c.type ?? 0) === 0 || c.type === 5) addChannel(textChannel(id, c.name, i + 1, c.parent_id === undefined ? categoryId : c.parent_id, c.topic ?? null, c.type ?? 0));
    else addChannel({ id, type: c.type, guild_id: guildId, name: c.name, position: i + 1, permission_overwrites: [], parent_id: c.parent_id ?? null, nsfw: false, flags: 0 });
  });
  addChannel(dmChannel(dmChannelId, user));

  function textChannel(id: string, name: string, position: number, parentId: string | null, topic: string | null, type = 0) {
    return { id, type, guild_id: guildId, name, position, permission_overwrites: [], parent_id: parentId, nsfw: false, topic, last_message_id: null, rate_limit_per_user: 0, default_thread_rate_limit_per_user: 0, flags: 0 };
  }
  function dmChannel(id: string, recipient: FakeUser) {
    return { id, type: 1, last_message_id: null, flags: 0, recipients: [publicUser(recipient)] };
  }
  function publicUser(u: FakeUser) {
    const out: any = { id: u.id, username: u.username, global_name: u.global_name, discriminator: u.discriminator, avatar: u.avatar, avatar_decoration_data: null, collectibles: null, display_name_styles: null, primary_guild: null, public_flags: u.public_flags ?? 0 };
    if (u.bot) out.bot = true;
    return out;
  }
  function memberOf(userId: string, withUser: boolean): any {
    const m = members.get(userId) ?? { roles: [], joined_at: joinedAt };
    const out: any = { avatar: null, banner: null, communication_disabled_until: null, deaf: false, flags: 0, joined_at: m.joined_at, mute: false, nick: null, pending: false, premium_since: null, roles: [...m.roles] };
    if (withUser) out.user = publicUser(users.get(userId)!);
    return out;
  }
  /**
   * Resolves a user override: by id, else by username (same username = same user across calls), else
   * `{ bot: true }` alone = a stable second bot ("otherbot"), else the default user with the overrides applied
   * (same id, the stored default user is left alone). New users become guild members.
   */
  function ensureUser(partial?: Partial<FakeUser> & { bot?: boolean }): FakeUser {
    if (!partial || Object.keys(partial).length === 0) return user;
    let base: FakeUser | undefined;
    if (partial.id) base = users.get(partial.id);
    else if (partial.username) base = [...users.values()].find((x) => x.username === partial.username);
    else if (partial.bot) base = [...users.values()].find((x) => x.username === 'otherbot') ?? { ...user, id: snowflake(), username: 'otherbot', global_name: 'Other Bot', bot: true };
    else return { ...user, ...partial };
    if (base?.id === user.id) return { ...user, ...partial };
    const u: FakeUser = { ...(base ?? { id: partial.id ?? snowflake(), username: partial.username ?? `user${users.size}`, global_name: null, discriminator: '0', avatar: null, public_flags: 0 }), ...partial };
    users.set(u.id, u);
    if (!members.has(u.id)) members.set(u.id, { roles: [], joined_at: iso() });
    return u;
  }
  function dmFor(u: FakeUser): string {
    let id = dmByUser.get(u.id);
    if (!id) {
      id = snowflake();
      dmByUser.set(u.id, id);
      addChannel(dmChannel(id, u));
    }
    return id;
  }
  function guildChannelList() {
    return [...channels.values()].filter((c) => c.guild_id === guildId && c.type !== 11 && c.type !== 12);
  }
  function guildObject(extra: boolean): any {
    const base: any = {
      id: guildId, name: 'Footnote Test Guild', icon: null, icon_hash: null, splash: null, discovery_splash: null, banner: null, description: null,
      owner_id: owner.id, afk_channel_id: null, afk_timeout: 300, verification_level: 0, default_message_notifications: 1,
      explicit_content_filter: 0, roles: clone(roleObjects), emojis: [], stickers: [], features: [], mfa_level: 0, application_id: null,
      system_channel_id: channelId, system_channel_flags: 0, rules_channel_id: null, public_updates_channel_id: null,
      safety_alerts_channel_id: null, max_presences: null, max_members: 500000, vanity_url_code: null, premium_tier: 0,
      premium_subscription_count: 0, preferred_locale: 'en-US', max_video_channel_users: 25, max_stage_video_channel_users: 50,
      nsfw_level: 0, nsfw: false, premium_progress_bar_enabled: false, incidents_data: null, region: 'deprecated', home_header: null,
      latest_onboarding_question_id: null, hub_type: null, inventory_settings: null, embedded_activities: [], version: Date.now(),
    };
    if (!extra) return base;
    return {
      ...base,
      joined_at: joinedAt, large: false, unavailable: false, lazy: true, member_count: members.size,
      // GUILD_CREATE channels carry no guild_id
      channels: guildChannelList().map((c) => {
        const { guild_id: _g, ...rest } = c;
        return clone(rest);
      }),
      threads: [...channels.values()].filter((c) => c.guild_id === guildId && (c.type === 11 || c.type === 12) && !c.thread_metadata?.archived).map((c) => clone(c)),
      members: [...members.keys()].map((id) => memberOf(id, true)),
      voice_states: [], presences: [], stage_instances: [], guild_scheduled_events: [], soundboard_sounds: [], activity_instances: [],
      application_command_counts: {},
    };
  }
  function applicationObject(): any {
    return {
      id: applicationId, name: botUser.username, icon: null, description: 'Fake Footnote application', summary: '', type: null,
      bot_public: true, bot_require_code_grant: false, verify_key: randomHex(32), flags: 1 << 19 /* GATEWAY_MESSAGE_CONTENT_LIMITED */,
      hook: true, is_monetized: false, is_verified: false, is_discoverable: false, team: null, owner: publicUser(owner),
      bot: publicUser(botUser), approximate_guild_count: 1, approximate_user_install_count: 0, redirect_uris: [],
      interactions_endpoint_url: null, tags: [], integration_types_config: { '0': {} },
    };
  }

  // -------------------------------------------------------------------------------------------------------------
  // Recording and waiting

  const calls: RecordedCall[] = [];
  const unknown: RecordedCall[] = [];
  const waiters = new Set<Waiter>();
  const failRules: { match: FailMatch; response: FailResponse; remaining: number }[] = [];
  let closed = false;

  function record(call: RecordedCall) {
    calls.push(call);
    for (const w of [...waiters]) {
      if (safePred(w.pred, call)) {
        waiters.delete(w);
        clearTimeout(w.timer);
        w.resolve(call);
      }
    }
  }
  function safePred(pred: (c: RecordedCall) => boolean, c: RecordedCall) {
    try {
      return pred(c);
    } catch {
      return false;
    }
  }
  function waitFor(pred: (c: RecordedCall) => boolean, timeoutMs = 5000): Promise<RecordedCall> {
    const hit = calls.find((c) => safePred(pred, c));
    if (hit) return Promise.resolve(hit);
    if (closed) return Promise.reject(new Error('fake Discord is closed'));
    const p = new Promise<RecordedCall>((resolve, reject) => {
      const w: Waiter = {
        pred,
        resolve,
        reject,
        timer: setTimeout(() => {
          waiters.delete(w);
          const recent = calls.slice(-8).map((c) => `${c.method} ${c.path} -> ${c.status}`).join('\n  ');
          reject(new Error(`waitFor: no matching call within ${timeoutMs} ms; last calls:\n  ${recent || '(none)'}`));
        }, timeoutMs),
      };
      waiters.add(w);
    });
    p.catch(() => {}); // rejection still reaches awaiters; unawaited ones don't crash the runner on close()
    return p;
  }

  // Per-interaction and gateway-state listeners (all timers tracked so close() leaves nothing behind).
  const pendingTimers = new Set<NodeJS.Timeout>();
  const closers = new Set<(e: Error) => void>();
  function track(fn: () => void, ms: number): NodeJS.Timeout {
    const t = setTimeout(() => {
      pendingTimers.delete(t);
      fn();
    }, ms);
    pendingTimers.add(t);
    return t;
  }
  function untrack(t: NodeJS.Timeout | undefined) {
    if (!t) return;
    clearTimeout(t);
    pendingTimers.delete(t);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Gateway

  const sessions = new Map<string, Session>();
  const sockets = new Map<WebSocket, SocketState>();
  const stats: GatewayStats = { connections: 0, identifies: 0, resumes: 0, heartbeats: 0, received: [] };
  let everReady = false;
  const readyWaiters = new Set<() => void>();
  const reconnectWaiters = new Set<(how: 'resumed' | 'identified') => void>();

  function send(ws: WebSocket, payload: any) {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(payload));
  }
  /** Sends a dispatch to every session for which `build` returns a payload (undefined = not for this session). */
  function emit(t: string, build: (s: Session) => any) {
    for (const s of sessions.values()) {
      if (s.invalid) continue;
      const d = build(s);
      if (d === undefined) continue;
      const payload = { op: 0 as const, t, s: ++s.seq, d };
      s.log.push(payload);
      if (s.log.length > 1000) s.log.shift();
      if (s.ws && s.live) send(s.ws, payload);
    }
  }
  function requireSession() {
    if (![...sessions.values()].some((s) => !s.invalid)) {
      throw new Error('fake Discord: no gateway session yet (log the client in and await fake.ready() first)');
    }
  }
  const has = (s: Session, bit: number) => (s.intents & bit) === bit;

  function onIdentify(ws: WebSocket, st: SocketState, d: any) {
    if (st.identified) return ws.close(4005, 'Already authenticated.');
    if (opts.token && d?.token !== opts.token) return ws.close(4004, 'Authentication failed.');
    if (typeof d?.intents !== 'number') return ws.close(4013, 'Invalid intent(s).');
    stats.identifies++;
    const session: Session = { id: randomHex(16), seq: 0, intents: d.intents, ws, live: true, invalid: false, log: [] };
    sessions.set(session.id, session);
    st.session = session;
    st.identified = true;
    const ready = {
      v: 10, user_settings: {}, user: { ...publicUser(botUser), verified: true, mfa_enabled: false, email: null, flags: 0 },
      guilds: [{ id: guildId, unavailable: true }], session_id: session.id, resume_gateway_url: gatewayUrl,
      shard: d.shard ?? [0, 1], application: { id: applicationId, flags: applicationObject().flags },
      private_channels: [], relationships: [], presences: [], guild_join_requests: [], geo_ordered_rtc_regions: ['local'],
      auth: {}, session_type: 'normal', _trace: ['["fake-discord",{"micros":0}]'],
    };
    const readyPayload = { op: 0 as const, t: 'READY', s: ++session.seq, d: ready };
    session.log.push(readyPayload);
    send(ws, readyPayload);
    const gc = { op: 0 as const, t: 'GUILD_CREATE', s: ++session.seq, d: guildObject(true) };
    session.log.push(gc);
    send(ws, gc);
    everReady = true;
    for (const r of [...readyWaiters]) r();
    readyWaiters.clear();
    for (const r of [...reconnectWaiters]) r('identified');
    reconnectWaiters.clear();
  }

  function onResume(ws: WebSocket, st: SocketState, d: any) {
    if (st.identified) return ws.close(4005, 'Already authenticated.');
    if (opts.token && d?.token !== opts.token) return ws.close(4004, 'Authentication failed.');
    const session = sessions.get(d?.session_id);
    if (!session || session.invalid || typeof d.seq !== 'number' || d.seq > session.seq) {
      send(ws, { op: 9, d: false });
      return;
    }
    stats.resumes++;
    if (session.ws && session.ws !== ws) {
      const old = session.ws;
      const oldState = sockets.get(old);
      if (oldState) oldState.session = null;
      old.close(4000, 'Session resumed elsewhere');
    }
    session.ws = ws;
    st.session = session;
    st.identified = true;
    for (const p of session.log) if (p.s > d.seq) send(ws, p);
    const resumed = { op: 0 as const, t: 'RESUMED', s: ++session.seq, d: { _trace: ['["fake-discord",{"micros":0}]'] } };
    session.log.push(resumed);
    send(ws, resumed);
    session.live = true;
    for (const r of [...reconnectWaiters]) r('resumed');
    reconnectWaiters.clear();
  }

  function onRequestMembers(st: SocketState, d: any) {
    const session = st.session;
    if (!session) return;
    let ids = [...members.keys()];
    if (Array.isArray(d?.user_ids)) ids = ids.filter((id) => d.user_ids.includes(id));
    else if (typeof d?.user_ids === 'string') ids = ids.filter((id) => id === d.user_ids);
    else if (typeof d?.query === 'string' && d.query) ids = ids.filter((id) => users.get(id)!.username.startsWith(d.query.toLowerCase()));
    if (d?.limit) ids = ids.slice(0, d.limit);
    const payload = {
      op: 0 as const, t: 'GUILD_MEMBERS_CHUNK', s: ++session.seq,
      d: { guild_id: guildId, members: ids.map((id) => memberOf(id, true)), chunk_index: 0, chunk_count: 1, not_found: [], nonce: d?.nonce },
    };
    session.log.push(payload);
    if (session.ws) send(session.ws, payload);
  }

  function onSocket(ws: WebSocket, req: IncomingMessage) {
    stats.connections++;
    const url = new URL(req.url ?? '/', 'ws://127.0.0.1');
    const st: SocketState = { session: null, identified: false };
    sockets.set(ws, st);
    ws.on('close', (code) => {
      sockets.delete(ws);
      const s = st.session;
      if (s && s.ws === ws) {
        s.ws = null;
        s.live = false;
        // A client closing with 1000/1001 ends its session (Discord invalidates it); anything else stays resumable.
        if (code === 1000 || code === 1001) s.invalid = true;
      }
    });
    ws.on('error', () => {});
    if (url.searchParams.get('v') && url.searchParams.get('v') !== '10') return ws.close(4012, 'Invalid API version.');
    if ((url.searchParams.get('encoding') ?? 'json') !== 'json') return ws.close(4002, 'Error while decoding payload.');
    send(ws, { op: 10, d: { heartbeat_interval: heartbeatInterval, _trace: ['["fake-discord",{"micros":0}]'] } });
    ws.on('message', (raw, isBinary) => {
      let msg: any;
      try {
        msg = JSON.parse(isBinary ? Buffer.from(raw as Buffer).toString('utf8') : String(raw));
      } catch {
        return ws.close(4002, 'Error while decoding payload.');
      }
      const d = msg?.d && typeof msg.d === 'object' && 'token' in msg.d ? { ...msg.d, token: '<redacted>' } : msg?.d;
      stats.received.push({ op: msg?.op, d, at: performance.now() });
      if (stats.received.length > 2000) stats.received.shift();
      switch (msg?.op) {
        case 1:
          stats.heartbeats++;
          return send(ws, { op: 11 });
        case 2:
          return onIdentify(ws, st, msg.d);
        case 6:
          return onResume(ws, st, msg.d);
        case 3:
        case 4:
          if (!st.identified) return ws.close(4003, 'Not authenticated.');
          return;
        case 8:
          if (!st.identified) return ws.close(4003, 'Not authenticated.');
          return onRequestMembers(st, msg.d);
        default:
          return ws.close(4001, 'Unknown opcode.');
      }
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // Messages

  function channelOrThrow(id: string) {
    const c = channels.get(id);
    if (!c) throw unknownChannel();
    return c;
  }
  const isGuildChannel = (c: any) => typeof c?.guild_id === 'string';
  /** An announcement, public or private thread (types 10, 11, 12). */
  const isThreadChannel = (c: any) => c.type === 10 || c.type === 11 || c.type === 12;
  function storeMessage(msg: any, byBot: boolean, ephemeral = false) {
    messages.set(msg.id, { msg, byBot, deleted: false, ephemeral });
    let list = channelMessages.get(msg.channel_id);
    if (!list) channelMessages.set(msg.channel_id, (list = []));
    list.push(msg.id);
    const ch = channels.get(msg.channel_id);
    if (ch) {
      ch.last_message_id = msg.id;
      if (ch.type === 11 || ch.type === 12) {
        ch.message_count = (ch.message_count ?? 0) + 1;
        ch.total_message_sent = (ch.total_message_sent ?? 0) + 1;
      }
    }
  }
  function mentionsIn(content: string, guild: boolean): any[] {
    const out: any[] = [];
    for (const m of content.matchAll(/<@!?(\d{15,20})>/g)) {
      const u = users.get(m[1]!);
      if (u && !out.some((x) => x.id === u.id)) out.push(guild ? { ...publicUser(u), member: memberOf(u.id, false) } : publicUser(u));
    }
    return out;
  }
  function buildAttachments(body: any, files: RecordedFile[], existing: any[]): any[] {
    const out: any[] = [];
    const declared: any[] | undefined = Array.isArray(body?.attachments) ? body.attachments : undefined;
    if (declared) {
      for (const a of declared) {
        const kept = existing.find((e) => e.id === String(a.id));
        if (kept) out.push(kept);
      }
    } else {
      out.push(...existing);
    }
    files.forEach((f, index) => {
      const fieldIndex = /files\[(\d+)\]/.exec(f.field)?.[1] ?? String(index);
      const meta = declared?.find((a) => String(a.id) === fieldIndex);
      const id = snowflake();
      const filename = meta?.filename ?? f.name;
      out.push({
        id, filename, size: f.size, content_type: f.contentType, description: meta?.description,
        url: `${baseUrl}/attachments/${id}/${encodeURIComponent(filename)}`,
        proxy_url: `${baseUrl}/attachments/${id}/${encodeURIComponent(filename)}`,
      });
    });
    return out;
  }
  const normEmbeds = (embeds: any) => (Array.isArray(embeds) ? embeds.map((e: any) => ({ type: 'rich', ...clone(e) })) : []);

  /** A message authored by the bot (REST shape: no guild_id/member). */
  function newBotMessage(channel: any, body: any, files: RecordedFile[], extra: Record<string, any> = {}): any {
    const content = typeof body?.content === 'string' ? body.content : '';
    const msg: any = {
      id: snowflake(), type: 0, channel_id: channel.id, author: publicUser(botUser), content,
      timestamp: iso(), edited_timestamp: null, tts: Boolean(body?.tts), mention_everyone: false,
      mentions: mentionsIn(content, isGuildChannel(channel)), mention_roles: [], mention_channels: undefined,
      attachments: buildAttachments(body, files, []), embeds: normEmbeds(body?.embeds), reactions: undefined, pinned: false,
      flags: (body?.flags ?? 0) & ~MessageFlags.Loading, components: clone(body?.components ?? []),
      ...(body?.nonce !== undefined ? { nonce: body.nonce } : {}),
      ...(body?.poll ? { poll: clone(body.poll) } : {}),
      ...extra,
    };
    delete msg.mention_channels;
    delete msg.reactions;
    const ref = body?.message_reference;
    if (ref?.message_id) {
      const target = messages.get(String(ref.message_id));
      if (!target || target.deleted) {
        if (ref.fail_if_not_exists !== false) {
          throw formError({ message_reference: fieldError('MESSAGE_REFERENCE_UNKNOWN_MESSAGE', 'Unknown message') });
        }
      } else {
        msg.type = 19;
        msg.message_reference = { type: ref.type ?? 0, channel_id: target.msg.channel_id, message_id: target.msg.id, ...(isGuildChannel(channel) ? { guild_id: guildId } : {}) };
        msg.referenced_message = clone(target.msg);
        const mentionReplied = body?.allowed_mentions?.replied_user ?? true;
        if (mentionReplied && target.msg.author.id !== botUser.id && !msg.mentions.some((m: any) => m.id === target.msg.author.id)) {
          const au = users.get(target.msg.author.id);
          if (au) msg.mentions.push(isGuildChannel(channel) ? { ...publicUser(au), member: memberOf(au.id, false) } : publicUser(au));
        }
      }
    }
    return msg;
  }
  /** Gateway shape: adds guild_id (+ member for guild messages) and channel_type. */
  function gatewayMessage(msg: any): any {
    const ch = channels.get(msg.channel_id);
    const out = clone(msg);
    out.channel_type = ch?.type ?? 0;
    if (isGuildChannel(ch)) {
      out.guild_id = guildId;
      if (!msg.webhook_id || msg.interaction_metadata) out.member = memberOf(msg.author.id, false);
    }
    return out;
  }
  function messageIntent(channel: any) {
    return isGuildChannel(channel) ? Intents.GuildMessages : Intents.DirectMessages;
  }
  function echoCreate(msg: any) {
    if (!echoBotMessages) return;
    const ch = channels.get(msg.channel_id);
    const payload = gatewayMessage(msg);
    emit('MESSAGE_CREATE', (s) => (has(s, messageIntent(ch)) ? payload : undefined));
  }
  function echoUpdate(msg: any) {
    if (!echoBotMessages) return;
    const ch = channels.get(msg.channel_id);
    const payload = gatewayMessage(msg);
    emit('MESSAGE_UPDATE', (s) => (has(s, messageIntent(ch)) ? payload : undefined));
  }
  function applyEdit(stored: StoredMessage, body: any, files: RecordedFile[]) {
    const msg = stored.msg;
    const next = { ...msg };
    if (body && 'content' in body) next.content = body.content ?? '';
    if (body && 'embeds' in body) next.embeds = normEmbeds(body.embeds ?? []);
    if (body && 'components' in body) next.components = clone(body.components ?? []);
    if (body && 'flags' in body && body.flags != null) {
      // only SUPPRESS_EMBEDS (and IS_COMPONENTS_V2) can be toggled on edit
      const editable = MessageFlags.SuppressEmbeds | (1 << 15);
      next.flags = (msg.flags & ~editable) | (body.flags & editable);
    }
    if ((body && 'attachments' in body) || files.length) next.attachments = buildAttachments(body, files, msg.attachments ?? []);
    if (body && 'poll' in body) next.poll = body.poll;
    validateMessageBody(next, { requireContent: true });
    next.flags &= ~MessageFlags.Loading;
    next.edited_timestamp = iso();
    if (typeof next.content === 'string') next.mentions = mentionsIn(next.content, isGuildChannel(channels.get(msg.channel_id)));
    stored.msg = next;
    return next;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Interactions

  function notify(st: InteractionState) {
    for (const l of [...st.listeners]) l();
  }
  function interactionMessageExtra(st: InteractionState) {
    return {
      webhook_id: applicationId,
      application_id: applicationId,
      interaction_metadata: {
        id: st.id, type: st.type, user: publicUser(st.user),
        authorizing_integration_owners: st.guildId ? { '0': st.guildId } : { '0': '0' },
        ...(st.name ? { name: st.name, command_type: 1 } : {}),
        ...(st.sourceMessageId ? { interacted_message_id: st.sourceMessageId } : {}),
      },
      ...(st.type === InteractionType.ApplicationCommand ? { interaction: { id: st.id, type: st.type, name: st.name, user: publicUser(st.user) } } : {}),
    };
  }
  function createInteractionMessage(st: InteractionState, data: any, files: RecordedFile[], loading: boolean): any {
    const channel = channelOrThrow(st.channelId);
    const flags = (data?.flags ?? 0) | (loading ? MessageFlags.Loading : 0);
    const msg = newBotMessage(channel, { ...(data ?? {}), flags: 0 }, files, interactionMessageExtra(st));
    msg.flags = flags;
    msg.type = st.type === InteractionType.ApplicationCommand ? 20 : msg.type === 19 ? 19 : 0;
    const ephemeral = Boolean(flags & MessageFlags.Ephemeral);
    storeMessage(msg, true, ephemeral);
    if (!ephemeral) echoCreate(msg);
    return msg;
  }

  function handleCallback(st: InteractionState, call: RecordedCall): { status: number; body?: any } {
    if (st.firstCallback) throw err(400, 40060, 'Interaction has already been acknowledged.');
    if (strictAckMs > 0 && call.at - st.dispatchedAt > strictAckMs) throw unknownInteraction();
    const body = call.body ?? {};
    const type = body.type;
    const data = body.data;
    const isAutocomplete = st.type === InteractionType.Autocomplete;
    if (isAutocomplete !== (type === 8)) throw formError({ type: fieldError('INTERACTION_RESPONSE_TYPE_INVALID', 'Interaction response type is invalid for this interaction type') });
    let resourceMessage: any;
    switch (type) {
      case 4: {
        validateMessageBody({ ...(data ?? {}), attachments: [...(data?.attachments ?? []), ...call.files] }, { requireContent: true });
        resourceMessage = createInteractionMessage(st, data, call.files, false);
        st.originalMessageId = resourceMessage.id;
        st.hasResult = true;
        break;
      }
      case 5: {
        resourceMessage = createInteractionMessage(st, { flags: data?.flags ?? 0 }, [], true);
        st.originalMessageId = resourceMessage.id;
        st.loading = true;
        break;
      }
      case 6:
      case 7: {
        if (!st.sourceMessageId) throw formError({ type: fieldError('INTERACTION_RESPONSE_TYPE_INVALID', 'Interaction response type is invalid for this interaction type') });
        st.originalMessageId = st.sourceMessageId;
        if (type === 7) {
          const stored = messages.get(st.sourceMessageId);
          if (!stored || stored.deleted) throw unknownMessage();
          resourceMessage = applyEdit(stored, data ?? {}, call.files);
          if (!stored.ephemeral) echoUpdate(resourceMessage);
          st.hasResult = true;
        }
        break;
      }
      case 8: {
        const choices = data?.choices;
        if (!Array.isArray(choices)) throw formError({ data: { choices: fieldError('BASE_TYPE_REQUIRED', 'This field is required') } });
        if (choices.length > 25) throw formError({ data: { choices: fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.') } });
        choices.forEach((c: any, i: number) => {
          if (typeof c?.name !== 'string' || c.name.length < 1 || c.name.length > 100) {
            throw formError({ data: { choices: { [String(i)]: { name: fieldError('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.') } } } });
          }
          if (typeof c.value === 'string' && c.value.length > 100) {
            throw formError({ data: { choices: { [String(i)]: { value: fieldError('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.') } } } });
          }
        });
        st.hasResult = true;
        break;
      }
      case 9: {
        if (st.type === InteractionType.ModalSubmit) throw formError({ type: fieldError('INTERACTION_RESPONSE_TYPE_INVALID', 'Interaction response type is invalid for this interaction type') });
        if (typeof data?.title !== 'string' || data.title.length < 1 || data.title.length > 45) {
          throw formError({ data: { title: fieldError('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 45 in length.') } });
        }
        if (!Array.isArray(data.components) || data.components.length < 1 || data.components.length > 5) {
          throw formError({ data: { components: fieldError('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.') } });
        }
        st.hasResult = true;
        break;
      }
      case 10:
      case 12:
        st.hasResult = true;
        break;
      default:
        throw formError({ type: fieldError('BASE_TYPE_CHOICES', `Value must be one of {4, 5, 6, 7, 8, 9, 10, 12}.`) });
    }
    st.firstCallback = call;
    st.callbackType = type;
    st.callbackData = clone(data);
    if (call.query.get('with_response') !== 'true') return { status: 204 };
    const orig = st.originalMessageId ? messages.get(st.originalMessageId) : undefined;
    return {
      status: 200,
      body: {
        interaction: {
          id: st.id, type: st.type,
          ...(orig ? { response_message_id: orig.msg.id, response_message_loading: type === 5, response_message_ephemeral: orig.ephemeral } : {}),
        },
        resource: { type, ...(resourceMessage ? { message: clone(resourceMessage) } : {}) },
      },
    };
  }

  function currentResult(st: InteractionState): any {
    if (st.callbackType === 8) return { choices: clone(st.callbackData?.choices ?? []) };
    if (st.callbackType === 9) return { modal: clone(st.callbackData) };
    if (st.originalMessageId) return clone(messages.get(st.originalMessageId)?.msg);
    return clone(st.callbackData);
  }

  function buildOptions(o: InteractOptions): any[] | undefined {
    if (o.options === undefined) return undefined;
    if (Array.isArray(o.options)) return clone(o.options);
    return Object.entries(o.options).map(([name, value]) => ({
      name,
      type: typeof value === 'string' ? 3 : typeof value === 'boolean' ? 5 : Number.isInteger(value) ? 4 : 10,
      value,
      ...(o.focused === name ? { focused: true } : {}),
    }));
  }
  function findCommand(name: string): any | undefined {
    return globalCommands.find((c) => c.name === name) ?? guildCommands.get(guildId)?.find((c) => c.name === name);
  }

  function interact(o: InteractOptions): InteractionHandle {
    requireSession();
    const u = ensureUser(o.user);
    const dm = Boolean(o.dm);
    const chId = dm ? dmFor(u) : (o.channelId ?? channelId);
    const channel = channelOrThrow(chId);
    const id = snowflake();
    const token = `fake-itoken.${randomBytes(24).toString('base64url')}`;
    const typeNum = { command: 2, autocomplete: 4, button: 3, select: 3, modal: 5 }[o.type];
    const st: InteractionState = {
      id, token, type: typeNum, dispatchedAt: 0, channelId: chId, guildId: dm ? null : guildId, user: u,
      name: o.type === 'command' || o.type === 'autocomplete' ? o.name : undefined,
      loading: false, hasResult: false, calls: [], listeners: new Set(),
    };

    let data: any;
    let message: any;
    if (o.type === 'command' || o.type === 'autocomplete') {
      if (!o.name) throw new Error(`interact: ${o.type} needs a name`);
      const cmd = findCommand(o.name);
      if (!commandIds.has(o.name)) commandIds.set(o.name, cmd?.id ?? snowflake());
      data = { id: cmd?.id ?? commandIds.get(o.name), name: o.name, type: 1, ...(cmd?.guild_id ? { guild_id: cmd.guild_id } : {}) };
      const options = buildOptions(o);
      if (options) data.options = options;
      if (o.type === 'autocomplete' && options && !JSON.stringify(options).includes('"focused":true') && options.length) {
        options[options.length - 1].focused = true;
      }
    } else {
      const customId = o.customId ?? (o.type === 'modal' ? 'modal' : 'button');
      if (o.type === 'button') data = { custom_id: customId, component_type: 2 };
      else if (o.type === 'select') data = { custom_id: customId, component_type: 3, values: o.values ?? [] };
      else {
        data = {
          custom_id: customId,
          components: Object.entries(o.fields ?? {}).map(([cid, value]) => ({ type: 1, components: [{ type: 4, custom_id: cid, value }] })),
        };
      }
      // source message
      let src: any;
      if (typeof o.message === 'string') src = messages.get(o.message)?.msg;
      else if (o.message && typeof o.message === 'object') src = o.message;
      else if (o.type !== 'modal') {
        const ids = channelMessages.get(chId) ?? [];
        for (let i = ids.length - 1; i >= 0; i--) {
          const m = messages.get(ids[i]!);
          if (m && m.byBot && !m.deleted) {
            src = m.msg;
            break;
          }
        }
        if (!src) {
          const comp = o.type === 'button'
            ? { type: 2, style: 1, label: 'Button', custom_id: customId }
            : { type: 3, custom_id: customId, options: (o.values ?? ['a']).map((v) => ({ label: v, value: v })), min_values: 1, max_values: 1 };
          src = newBotMessage(channel, { content: 'Pick one', components: [{ type: 1, components: [comp] }] }, []);
          storeMessage(src, true);
        }
      }
      if (src) {
        if (!messages.has(src.id)) storeMessage(clone(src), Boolean(src.author?.id === botUser.id));
        message = clone(messages.get(src.id)!.msg);
        st.sourceMessageId = src.id;
      }
    }

    const channelPayload = dm
      ? { id: chId, type: 1, last_message_id: channel.last_message_id, flags: 0, recipients: [publicUser(u)] }
      : clone(channel);
    const payload: any = {
      id, application_id: applicationId, type: typeNum, data, token, version: 1,
      app_permissions: dm ? DM_APP_PERMS : BOT_PERMS, locale: o.locale ?? 'en-US',
      entitlements: [], authorizing_integration_owners: dm ? { '0': '0' } : { '0': guildId },
      context: dm ? 1 : 0, attachment_size_limit: 10 * 1024 * 1024,
      channel: channelPayload, channel_id: chId,
    };
    if (dm) payload.user = publicUser(u);
    else {
      payload.guild_id = guildId;
      payload.guild = { id: guildId, locale: 'en-US', features: [] };
      payload.guild_locale = 'en-US';
      const m = memberOf(u.id, true);
      if (o.roles) m.roles = [...o.roles];
      m.permissions = o.memberPermissions ?? (m.roles.includes(roles.moderator) ? MOD_PERMS : MEMBER_PERMS);
      payload.member = m;
    }
    if (message) payload.message = message;

    interactions.set(id, st);
    interactionsByToken.set(token, st);
    st.dispatchedAt = performance.now();
    emit('INTERACTION_CREATE', () => payload);

    const handle: InteractionHandle = {
      id,
      token,
      dispatchedAt: st.dispatchedAt,
      ack(timeoutMs = 5000) {
        return waitFor((c) => c.method === 'POST' && c.path === `/interactions/${id}/${token}/callback`, timeoutMs);
      },
      final(timeoutMs = 5000, settleMs = 150) {
        const p = new Promise<any>((resolve, reject) => {
          let settle: NodeJS.Timeout | undefined;
          const done = (fn: () => void) => {
            untrack(deadline);
            untrack(settle);
            st.listeners.delete(check);
            closers.delete(onClose);
            fn();
          };
          const onClose = (e: Error) => done(() => reject(e));
          const check = () => {
            if (!st.hasResult) return;
            untrack(settle);
            settle = track(() => done(() => resolve(currentResult(st))), settleMs);
          };
          const deadline = track(() => {
            const seen = st.calls.map((c) => `${c.method} ${c.path} -> ${c.status}`).join('\n  ');
            done(() => reject(new Error(`final(): interaction ${id} (${o.type} ${o.name ?? o.customId ?? ''}) has no visible result after ${timeoutMs} ms; its calls:\n  ${seen || '(none)'}`)));
          }, timeoutMs);
          st.listeners.add(check);
          closers.add(onClose);
          check();
        });
        p.catch(() => {});
        return p;
      },
      followUps() {
        return st.calls.filter((c) => c.method === 'POST' && c.path === `/webhooks/${applicationId}/${token}`);
      },
      calls() {
        return [...st.calls];
      },
    };
    return handle;
  }

  function sendMessage(o: SendMessageOptions): { id: string; channelId: string } {
    requireSession();
    const author = o.author && Object.keys(o.author).length ? ensureUser(o.author) : user;
    const chId = o.dm ? dmFor(author) : (o.channelId ?? channelId);
    const channel = channelOrThrow(chId);
    const guild = isGuildChannel(channel);
    let content = o.content;
    const botMention = `<@${botUser.id}>`;
    if (o.mentionBot && !content.includes(botMention) && !content.includes(`<@!${botUser.id}>`)) content = `${botMention} ${content}`;
    const msg: any = {
      id: o.sentAt === undefined ? snowflake() : snowflakeAt(o.sentAt), type: 0, channel_id: chId, author: publicUser(author), content,
      timestamp: o.sentAt === undefined ? iso() : new Date(o.sentAt).toISOString(), edited_timestamp: null,
      tts: false, mention_everyone: false, mentions: mentionsIn(content, guild), mention_roles: [], pinned: false, flags: 0,
      components: [], embeds: [],
      attachments: (o.attachments ?? []).map((a) => {
        const id = snowflake();
        return { id, filename: a.filename, size: a.size ?? 0, content_type: a.content_type ?? 'application/octet-stream', url: a.url ?? `${baseUrl}/attachments/${id}/${encodeURIComponent(a.filename)}`, proxy_url: a.url ?? `${baseUrl}/attachments/${id}/${encodeURIComponent(a.filename)}` };
      }),
      nonce: snowflake(),
    };
    if (o.referenceMessageId) {
      const target = messages.get(o.referenceMessageId);
      msg.type = 19;
      msg.message_reference = { type: 0, channel_id: chId, message_id: o.referenceMessageId, ...(guild ? { guild_id: guildId } : {}) };
      msg.referenced_message = target && !target.deleted ? clone(target.msg) : null;
      if (target && (o.replyPing ?? true) && !msg.mentions.some((m: any) => m.id === target.msg.author.id)) {
        const tu = users.get(target.msg.author.id);
        if (tu) msg.mentions.push(guild ? { ...publicUser(tu), member: memberOf(tu.id, false) } : publicUser(tu));
      }
    }
    storeMessage(msg, false);
    emitMemberMessage('MESSAGE_CREATE', msg);
    return { id: msg.id, channelId: chId };
  }

  /** A member's message as a session sees it: without MessageContent, a guild message not mentioning the bot has no text. */
  function emitMemberMessage(t: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE', msg: any) {
    const channel = channels.get(msg.channel_id);
    const guild = isGuildChannel(channel);
    const full = gatewayMessage(msg);
    if (guild) full.member = memberOf(msg.author.id, false);
    const mentionsBot = msg.mentions.some((m: any) => m.id === botUser.id);
    emit(t, (s) => {
      if (!has(s, messageIntent(channel))) return undefined;
      if (guild && !mentionsBot && !has(s, Intents.MessageContent)) {
        return { ...full, content: '', embeds: [], attachments: [], components: [] };
      }
      return full;
    });
  }

  function memberMessage(id: string): StoredMessage {
    const stored = messages.get(id);
    if (!stored || stored.deleted) throw new Error(`fake Discord: no message ${id} to change`);
    return stored;
  }

  function editMessage(id: string, change: EditMessageOptions) {
    requireSession();
    const stored = memberMessage(id);
    const next = { ...stored.msg };
    if (change.content !== undefined) {
      next.content = change.content;
      next.mentions = mentionsIn(change.content, isGuildChannel(channels.get(next.channel_id)));
      next.edited_timestamp = iso();
    }
    if (change.embeds !== undefined) next.embeds = clone(change.embeds);
    stored.msg = next;
    emitMemberMessage('MESSAGE_UPDATE', next);
  }

  function deleteMessage(id: string) {
    requireSession();
    const stored = memberMessage(id);
    stored.deleted = true;
    emitDelete(stored.msg);
  }

  function setPermissionOverwrites(chId: string, overwrites: { id: string; type: number; allow: string; deny: string }[]) {
    const channel = channelOrThrow(chId);
    if (!isGuildChannel(channel)) throw new Error('fake Discord: only guild channels have permission overwrites');
    channel.permission_overwrites = clone(overwrites);
    const payload = clone(channel);
    emit('CHANNEL_UPDATE', (s) => (has(s, Intents.Guilds) ? payload : undefined));
  }

  function bulkDeleteMessages(chId: string, ids: string[]) {
    requireSession();
    const channel = channelOrThrow(chId);
    if (!isGuildChannel(channel)) throw new Error('fake Discord: bulk delete is for guild channels');
    for (const id of ids) {
      const stored = memberMessage(id);
      if (stored.msg.channel_id !== chId) throw new Error(`fake Discord: message ${id} is not in channel ${chId}`);
      stored.deleted = true;
    }
    const d = { ids: [...ids], channel_id: chId, guild_id: guildId };
    emit('MESSAGE_DELETE_BULK', (s) => (has(s, Intents.GuildMessages) ? d : undefined));
  }

  /** The bot's permissions in a guild channel (a thread: its parent's), from its roles and the channel's overwrites. */
  function botPermissionsIn(channel: any): bigint {
    const where = isThreadChannel(channel) && channel.parent_id ? (channels.get(channel.parent_id) ?? channel) : channel;
    const mine = members.get(botUser.id)?.roles ?? [];
    let perms = roleObjects.filter((r) => r.id === roles.everyone || mine.includes(r.id)).reduce((a, r) => a | BigInt(r.permissions), 0n);
    const overwrites: any[] = where.permission_overwrites ?? [];
    const apply = (list: any[]) => {
      const deny = list.reduce<bigint>((a, o) => a | BigInt(o.deny ?? '0'), 0n);
      const allow = list.reduce<bigint>((a, o) => a | BigInt(o.allow ?? '0'), 0n);
      perms = (perms & ~deny) | allow;
    };
    apply(overwrites.filter((o) => o.id === roles.everyone));
    apply(overwrites.filter((o) => o.type === 0 && o.id !== roles.everyone && mine.includes(o.id)));
    apply(overwrites.filter((o) => o.type === 1 && o.id === botUser.id));
    return perms;
  }
  /** A message the bot posts or edits in a guild channel, as its permissions there allow (see StartOptions.guildChannels). */
  function allowedBotMessage(channel: any, body: any, posting: boolean): any {
    if (!isGuildChannel(channel)) return body;
    const perms = botPermissionsIn(channel);
    const thread = isThreadChannel(channel);
    const send = thread ? P.SendMessagesInThreads : P.SendMessages;
    if (posting && ((perms & P.ViewChannel) === 0n || (perms & send) === 0n)) throw err(403, 50013, 'Missing Permissions');
    if ((perms & P.EmbedLinks) === 0n && Array.isArray(body?.embeds)) return { ...body, embeds: [] };
    return body;
  }

  function makeThread(parent: any, name: string, id: string, type = 11, extra: any = {}) {
    const now = iso();
    const thread = {
      id, type, guild_id: guildId, parent_id: parent.id, owner_id: extra.owner_id ?? botUser.id, name, last_message_id: null,
      rate_limit_per_user: extra.rate_limit_per_user ?? 0, message_count: 0, member_count: 1, total_message_sent: 0, flags: 0,
      thread_metadata: { archived: false, auto_archive_duration: extra.auto_archive_duration ?? 1440, archive_timestamp: now, locked: false, create_timestamp: now, ...(type === 12 ? { invitable: extra.invitable ?? true } : {}) },
      applied_tags: [],
    };
    addChannel(thread);
    const member = { id, user_id: extra.owner_id ?? botUser.id, join_timestamp: now, flags: 1 };
    const payload = { ...clone(thread), newly_created: true, member };
    emit('THREAD_CREATE', (s) => (has(s, Intents.Guilds) ? payload : undefined));
    return { thread, member };
  }

  // -------------------------------------------------------------------------------------------------------------
  // REST routing

  type Ctx = { call: RecordedCall; params: Record<string, string>; after: (() => void)[] };
  type Result = { status: number; body?: any; headers?: Record<string, string> };
  type Handler = (ctx: Ctx) => Result;
  const routes: { method: string; template: string; re: RegExp; keys: string[]; handler: Handler; auth: boolean }[] = [];
  function route(method: string, template: string, handler: Handler, auth = true) {
    const keys: string[] = [];
    const re = new RegExp(
      `^${template.replace(/:(\w+)/g, (_m, k: string) => {
        keys.push(k);
        return '([^/]+)';
      })}/?$`,
    );
    routes.push({ method, template, re, keys, handler, auth });
  }
  const ok = (body: any, status = 200): Result => ({ status, body });
  const noContent = (): Result => ({ status: 204 });

  route('GET', '/gateway', () => ok({ url: gatewayUrl }), false);
  route('GET', '/gateway/bot', () =>
    ok({ url: gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 } }),
  );
  route('GET', '/users/@me', () => ok({ ...publicUser(botUser), verified: true, mfa_enabled: false, email: null, flags: 0, locale: 'en-US' }));
  route('GET', '/users/:user', ({ params }) => {
    const u = users.get(params.user!);
    if (!u) throw err(404, 10013, 'Unknown User');
    return ok(publicUser(u));
  });
  route('POST', '/users/@me/channels', ({ call }) => {
    const rid = String(call.body?.recipient_id ?? '');
    const u = users.get(rid);
    if (!u) throw formError({ recipient_id: fieldError('NUMBER_TYPE_COERCE', `Value "${rid}" is not snowflake.`) });
    return ok(clone(channels.get(dmFor(u))));
  });
  route('GET', '/applications/@me', () => ok(applicationObject()));
  route('GET', '/oauth2/applications/@me', () => ok(applicationObject()));

  // application commands
  function commandList(guild: string | null): any[] {
    if (!guild) return globalCommands;
    let l = guildCommands.get(guild);
    if (!l) guildCommands.set(guild, (l = []));
    return l;
  }
  function materialize(cmd: any, guild: string | null, existing?: any) {
    const id = existing?.id ?? commandIds.get(cmd.name) ?? snowflake();
    commandIds.set(cmd.name, id);
    return {
      id, application_id: applicationId, version: snowflake(), default_member_permissions: null, type: 1, nsfw: false,
      name_localizations: null, description_localizations: null, ...(guild ? { guild_id: guild } : { contexts: null, integration_types: [0] }),
      ...clone(cmd), description: cmd.description ?? '',
    };
  }
  function checkApp(params: Record<string, string>) {
    if (params.app !== applicationId) throw err(403, 50001, 'Missing Access');
  }
  function checkGuild(params: Record<string, string>) {
    if (params.guild && params.guild !== guildId) throw err(403, 50001, 'Missing Access');
  }
  for (const prefix of ['/applications/:app/commands', '/applications/:app/guilds/:guild/commands']) {
    route('GET', prefix, ({ params }) => (checkApp(params), checkGuild(params), ok(clone(commandList(params.guild ?? null)))));
    route('PUT', prefix, ({ params, call }) => {
      checkApp(params);
      checkGuild(params);
      const body = call.body;
      if (!Array.isArray(body)) throw formError({ _errors: [{ code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' }] });
      const errors: any = {};
      body.forEach((c: any, i: number) => {
        const e = validateCommand(c);
        if (e) errors[String(i)] = e;
      });
      if (Object.keys(errors).length) throw formError(errors);
      if (body.length > 100) throw err(400, 30032, 'Maximum number of application commands reached (100)');
      const list = commandList(params.guild ?? null);
      const next = body.map((c: any) => materialize(c, params.guild ?? null, list.find((x) => x.name === c.name && (x.type ?? 1) === (c.type ?? 1))));
      list.splice(0, list.length, ...next);
      return ok(clone(next));
    });
    route('POST', prefix, ({ params, call }) => {
      checkApp(params);
      checkGuild(params);
      const e = validateCommand(call.body);
      if (e) throw formError(e);
      const list = commandList(params.guild ?? null);
      const idx = list.findIndex((x) => x.name === call.body.name);
      const cmd = materialize(call.body, params.guild ?? null, list[idx]);
      if (idx >= 0) list[idx] = cmd;
      else list.push(cmd);
      return ok(clone(cmd), idx >= 0 ? 200 : 201);
    });
    route('GET', `${prefix}/:command`, ({ params }) => {
      checkApp(params);
      const c = commandList(params.guild ?? null).find((x) => x.id === params.command);
      if (!c) throw err(404, 10063, 'Unknown application command');
      return ok(clone(c));
    });
    route('PATCH', `${prefix}/:command`, ({ params, call }) => {
      checkApp(params);
      const list = commandList(params.guild ?? null);
      const idx = list.findIndex((x) => x.id === params.command);
      if (idx < 0) throw err(404, 10063, 'Unknown application command');
      const merged = { ...list[idx], ...call.body };
      const e = validateCommand(merged);
      if (e) throw formError(e);
      list[idx] = { ...merged, version: snowflake() };
      return ok(clone(list[idx]));
    });
    route('DELETE', `${prefix}/:command`, ({ params }) => {
      checkApp(params);
      const list = commandList(params.guild ?? null);
      const idx = list.findIndex((x) => x.id === params.command);
      if (idx < 0) throw err(404, 10063, 'Unknown application command');
      list.splice(idx, 1);
      return noContent();
    });
  }

  // interactions
  route(
    'POST',
    '/interactions/:id/:token/callback',
    ({ params, call }) => {
      const st = interactions.get(params.id!);
      if (!st || st.token !== params.token) throw unknownInteraction();
      return handleCallback(st, call);
    },
    false,
  );
  function interactionFor(params: Record<string, string>): InteractionState {
    if (params.app !== applicationId) throw unknownWebhook();
    const st = interactionsByToken.get(params.token!);
    if (!st) throw unknownWebhook();
    return st;
  }
  function webhookMessage(st: InteractionState, mid: string): StoredMessage {
    const id = mid === '@original' ? st.originalMessageId : mid;
    if (!st.firstCallback || !id) throw unknownWebhook();
    const stored = messages.get(id);
    if (!stored || stored.deleted) throw unknownMessage();
    return stored;
  }
  route(
    'GET',
    '/webhooks/:app/:token/messages/:message',
    ({ params }) => ok(clone(webhookMessage(interactionFor(params), params.message!).msg)),
    false,
  );
  route(
    'PATCH',
    '/webhooks/:app/:token/messages/:message',
    ({ params, call, after }) => {
      const st = interactionFor(params);
      const stored = webhookMessage(st, params.message!);
      const msg = applyEdit(stored, call.body ?? {}, call.files);
      if (params.message === '@original' || msg.id === st.originalMessageId) {
        st.hasResult = true;
        st.loading = false;
      }
      after.push(() => {
        if (!stored.ephemeral) echoUpdate(msg);
      });
      return ok(clone(msg));
    },
    false,
  );
  route(
    'DELETE',
    '/webhooks/:app/:token/messages/:message',
    ({ params, after }) => {
      const st = interactionFor(params);
      const stored = webhookMessage(st, params.message!);
      stored.deleted = true;
      after.push(() => {
        if (!stored.ephemeral) emitDelete(stored.msg);
      });
      return noContent();
    },
    false,
  );
  route(
    'POST',
    '/webhooks/:app/:token',
    ({ params, call, after }) => {
      const st = interactionFor(params);
      if (!st.firstCallback) throw unknownWebhook();
      const body = call.body ?? {};
      const wait = call.query.get('wait') === 'true';
      // Discord: the first follow-up after a deferred reply (type 5) replaces the loading message.
      if (st.loading && st.originalMessageId) {
        const stored = messages.get(st.originalMessageId)!;
        const msg = applyEdit(stored, { ...body, flags: undefined }, call.files);
        st.loading = false;
        st.hasResult = true;
        after.push(() => {
          if (!stored.ephemeral) echoUpdate(msg);
        });
        return wait ? ok(clone(msg)) : noContent();
      }
      validateMessageBody({ ...body, attachments: [...(body.attachments ?? []), ...call.files] }, { requireContent: true });
      const msg = createInteractionMessage(st, body, call.files, false);
      return wait ? ok(clone(msg)) : noContent();
    },
    false,
  );

  // channels & messages
  function emitDelete(msg: any) {
    const ch = channels.get(msg.channel_id);
    const d = { id: msg.id, channel_id: msg.channel_id, ...(isGuildChannel(ch) ? { guild_id: guildId } : {}) };
    emit('MESSAGE_DELETE', (s) => (has(s, messageIntent(ch)) ? d : undefined));
  }
  route('GET', '/channels/:channel', ({ params }) => ok(clone(channelOrThrow(params.channel!))));
  route('PATCH', '/channels/:channel', ({ params, call, after }) => {
    const channel = channelOrThrow(params.channel!);
    if (!isGuildChannel(channel)) throw err(400, 50024, 'Cannot execute action on this channel type');
    const body = call.body ?? {};
    if ('name' in body && (typeof body.name !== 'string' || body.name.length < 1 || body.name.length > 100)) {
      throw formError({ name: fieldError('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.') });
    }
    const thread = isThreadChannel(channel);
    if (typeof body.name === 'string') channel.name = body.name;
    if (!thread && 'topic' in body) channel.topic = body.topic;
    if (thread) {
      for (const key of ['archived', 'locked', 'auto_archive_duration'] as const) if (key in body) channel.thread_metadata[key] = body[key];
    }
    const payload = clone(channel);
    after.push(() => emit(thread ? 'THREAD_UPDATE' : 'CHANNEL_UPDATE', (s) => (has(s, Intents.Guilds) ? payload : undefined)));
    return ok(clone(channel));
  });
  route('GET', '/channels/:channel/messages', ({ params, call }) => {
    channelOrThrow(params.channel!);
    const limit = Math.min(100, Math.max(1, Number(call.query.get('limit') ?? 50)));
    let list = (channelMessages.get(params.channel!) ?? []).map((id) => messages.get(id)!).filter((m) => !m.deleted && !m.ephemeral);
    const before = call.query.get('before');
    const after = call.query.get('after');
    const around = call.query.get('around');
    if (before) list = list.filter((m) => BigInt(m.msg.id) < BigInt(before));
    if (after) {
      list = list.filter((m) => BigInt(m.msg.id) > BigInt(after)).slice(0, limit);
    } else if (around) {
      const idx = list.findIndex((m) => m.msg.id === around);
      const half = Math.floor(limit / 2);
      list = idx < 0 ? [] : list.slice(Math.max(0, idx - half), idx - half + limit);
    } else {
      list = list.slice(-limit);
    }
    return ok(list.reverse().map((m) => clone(m.msg)));
  });
  route('GET', '/channels/:channel/messages/:message', ({ params }) => {
    channelOrThrow(params.channel!);
    const m = messages.get(params.message!);
    if (!m || m.deleted || m.ephemeral || m.msg.channel_id !== params.channel) throw unknownMessage();
    return ok(clone(m.msg));
  });
  route('POST', '/channels/:channel/messages', ({ params, call, after }) => {
    const channel = channelOrThrow(params.channel!);
    if (channel.type === 4) throw err(400, 50008, 'Cannot send messages in a non-text channel');
    if (channel.thread_metadata?.locked) throw err(403, 50083, 'Thread is locked');
    if (channel.type === 1 && channel.recipients?.some((r: any) => closedDms.has(r.id))) throw err(403, 50007, 'Cannot send messages to this user');
    const body = allowedBotMessage(channel, call.body ?? {}, true);
    validateMessageBody({ ...body, attachments: [...(body.attachments ?? []), ...call.files] }, { requireContent: true });
    const msg = newBotMessage(channel, body, call.files);
    storeMessage(msg, true);
    after.push(() => echoCreate(msg));
    return ok(clone(msg));
  });
  route('PATCH', '/channels/:channel/messages/:message', ({ params, call, after }) => {
    channelOrThrow(params.channel!);
    const stored = messages.get(params.message!);
    if (!stored || stored.deleted || stored.msg.channel_id !== params.channel) throw unknownMessage();
    if (!stored.byBot || stored.msg.author.id !== botUser.id) throw err(403, 50005, 'Cannot edit a message authored by another user');
    const msg = applyEdit(stored, allowedBotMessage(channelOrThrow(params.channel!), call.body ?? {}, false), call.files);
    after.push(() => echoUpdate(msg));
    return ok(clone(msg));
  });
  route('DELETE', '/channels/:channel/messages/:message', ({ params, after }) => {
    channelOrThrow(params.channel!);
    const stored = messages.get(params.message!);
    if (!stored || stored.deleted || stored.msg.channel_id !== params.channel) throw unknownMessage();
    stored.deleted = true;
    after.push(() => emitDelete(stored.msg));
    return noContent();
  });
  route('POST', '/channels/:channel/typing', ({ params }) => (channelOrThrow(params.channel!), noContent()));
  for (const method of ['PUT', 'DELETE']) {
    route(method, '/channels/:channel/messages/:message/reactions/:emoji/:user', ({ params, after }) => {
      const channel = channelOrThrow(params.channel!);
      const stored = messages.get(params.message!);
      if (!stored || stored.deleted || stored.msg.channel_id !== params.channel) throw unknownMessage();
      const [name, emojiId] = params.emoji!.split(':');
      const emoji = { id: emojiId ?? null, name: name ?? '' };
      const userId = params.user === '@me' ? botUser.id : params.user!;
      if (method === 'DELETE' && params.user !== '@me' && userId !== botUser.id) {
        // removing someone else's reaction needs MANAGE_MESSAGES; the bot has it
      }
      const reactions: any[] = (stored.msg.reactions ??= []);
      let r = reactions.find((x) => x.emoji.name === emoji.name && (x.emoji.id ?? null) === emoji.id);
      if (method === 'PUT') {
        if (!r) reactions.push((r = { emoji, count: 0, count_details: { burst: 0, normal: 0 }, me: false, me_burst: false, burst_me: false, burst_colors: [], burst_count: 0 }));
        if (!(userId === botUser.id && r.me)) {
          r.count++;
          r.count_details.normal++;
          if (userId === botUser.id) r.me = true;
        }
      } else if (r) {
        r.count = Math.max(0, r.count - 1);
        r.count_details.normal = Math.max(0, r.count_details.normal - 1);
        if (userId === botUser.id) r.me = false;
        if (r.count === 0) reactions.splice(reactions.indexOf(r), 1);
      }
      const guild = isGuildChannel(channel);
      const d: any = { user_id: userId, channel_id: channel.id, message_id: stored.msg.id, emoji, burst: false, type: 0, ...(guild ? { guild_id: guildId } : {}) };
      if (method === 'PUT') {
        if (guild) d.member = memberOf(userId, true);
        d.message_author_id = stored.msg.author.id;
      }
      const intent = guild ? Intents.GuildMessageReactions : Intents.DirectMessageReactions;
      after.push(() => emit(method === 'PUT' ? 'MESSAGE_REACTION_ADD' : 'MESSAGE_REACTION_REMOVE', (s) => (has(s, intent) ? d : undefined)));
      return noContent();
    });
  }
  route('POST', '/channels/:channel/messages/:message/threads', ({ params, call }) => {
    const parent = channelOrThrow(params.channel!);
    if (parent.type !== 0 && parent.type !== 5) throw err(400, 50024, 'Cannot execute action on this channel type');
    const stored = messages.get(params.message!);
    if (!stored || stored.deleted || stored.msg.channel_id !== parent.id) throw unknownMessage();
    if (channels.has(stored.msg.id)) throw err(400, 160004, 'A thread has already been created for this message');
    if ((botPermissionsIn(parent) & P.CreatePublicThreads) === 0n) throw err(403, 50013, 'Missing Permissions');
    const name = call.body?.name;
    if (typeof name !== 'string' || name.length < 1 || name.length > 100) throw formError({ name: fieldError('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.') });
    const { thread, member } = makeThread(parent, name, stored.msg.id, 11, call.body ?? {});
    stored.msg.flags |= MessageFlags.HasThread;
    stored.msg.thread = clone(thread);
    return ok({ ...clone(thread), member });
  });
  route('POST', '/channels/:channel/threads', ({ params, call }) => {
    const parent = channelOrThrow(params.channel!);
    if (parent.type !== 0 && parent.type !== 5 && parent.type !== 15) throw err(400, 50024, 'Cannot execute action on this channel type');
    const name = call.body?.name;
    if (typeof name !== 'string' || name.length < 1 || name.length > 100) throw formError({ name: fieldError('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.') });
    const type = call.body?.type ?? 12;
    const { thread, member } = makeThread(parent, name, snowflake(), type, call.body ?? {});
    return ok({ ...clone(thread), member }, 201);
  });
  route('PUT', '/channels/:channel/thread-members/@me', ({ params }) => (channelOrThrow(params.channel!), noContent()));
  route('DELETE', '/channels/:channel/thread-members/@me', ({ params }) => (channelOrThrow(params.channel!), noContent()));

  // guild reads
  route('GET', '/guilds/:guild', ({ params }) => {
    if (params.guild !== guildId) throw err(404, 10004, 'Unknown Guild');
    return ok(guildObject(false));
  });
  route('GET', '/guilds/:guild/channels', ({ params }) => {
    if (params.guild !== guildId) throw err(404, 10004, 'Unknown Guild');
    return ok(clone(guildChannelList()));
  });
  route('GET', '/guilds/:guild/roles', ({ params }) => {
    if (params.guild !== guildId) throw err(404, 10004, 'Unknown Guild');
    return ok(clone(roleObjects));
  });
  route('GET', '/guilds/:guild/members/:user', ({ params }) => {
    if (params.guild !== guildId) throw err(404, 10004, 'Unknown Guild');
    if (!members.has(params.user!)) throw err(404, 10007, 'Unknown Member');
    return ok(memberOf(params.user!, true));
  });

  function rateLimitHeaders(method: string, template: string): Record<string, string> {
    const bucket = createHash('sha1').update(`${method} ${template}`).digest('hex').slice(0, 32);
    return {
      'X-RateLimit-Limit': '50',
      'X-RateLimit-Remaining': '49',
      'X-RateLimit-Reset': ((Date.now() + 1000) / 1000).toFixed(3),
      'X-RateLimit-Reset-After': '1.000',
      'X-RateLimit-Bucket': bucket,
    };
  }

  function sendJson(res: ServerResponse, status: number, body: any, headers: Record<string, string>) {
    if (status === 204 || body === undefined) {
      res.writeHead(status, headers);
      res.end();
      return;
    }
    if (typeof body === 'string') {
      res.writeHead(status, { 'Content-Type': 'text/html', ...headers });
      res.end(body);
      return;
    }
    const text = JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)), ...headers });
    res.end(text);
  }

  function failureFor(call: RecordedCall, rawPath: string): { status: number; body: any; headers: Record<string, string> } | null {
    const rule = failRules.find(
      (r) =>
        r.remaining > 0 &&
        (!r.match.method || r.match.method.toUpperCase() === call.method) &&
        (call.path.includes(r.match.pathIncludes) || rawPath.includes(r.match.pathIncludes) || call.path.includes(safeDecode(r.match.pathIncludes))),
    );
    if (!rule) return null;
    rule.remaining--;
    if (rule.remaining === 0) failRules.splice(failRules.indexOf(rule), 1);
    const r = rule.response;
    if (r.status === 429) {
      const retryAfter = r.retryAfter ?? 1;
      const global = Boolean(r.global);
      const scope = r.scope ?? (global ? 'global' : 'user');
      const headers: Record<string, string> = { 'Retry-After': String(retryAfter), 'X-RateLimit-Scope': scope };
      if (global) headers['X-RateLimit-Global'] = 'true';
      else {
        Object.assign(headers, rateLimitHeaders(call.method, call.path), {
          'X-RateLimit-Limit': '5',
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': ((Date.now() + retryAfter * 1000) / 1000).toFixed(3),
          'X-RateLimit-Reset-After': retryAfter.toFixed(3),
        });
      }
      const body = r.body ?? { message: 'You are being rate limited.', retry_after: retryAfter, global, ...(global ? { code: 0 } : {}) };
      return { status: 429, body, headers };
    }
    const body = r.body ?? (r.status >= 500 ? { message: r.status === 502 ? '502: Bad Gateway' : '500: Internal Server Error', code: 0 } : { message: `${r.status}: Error`, code: 0 });
    const headers: Record<string, string> = {};
    if (r.retryAfter !== undefined) headers['Retry-After'] = String(r.retryAfter);
    return { status: r.status, body, headers };
  }

  function handleRequest(req: IncomingMessage, res: ServerResponse, raw: Buffer, at: number) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const m = /^\/api(?:\/v(\d+))?(\/.*)$/.exec(url.pathname);
    const rawPath = m ? m[2]! : url.pathname;
    const path = rawPath.split('/').map(safeDecode).join('/');
    const call: RecordedCall = { method, path, query: url.searchParams, body: undefined, files: [], headers: req.headers, status: 0, at };
    const after: (() => void)[] = [];
    let status = 500;
    let body: any;
    let headers: Record<string, string> = {};
    try {
      const ct = String(req.headers['content-type'] ?? '');
      if (raw.length) {
        if (ct.startsWith('multipart/form-data')) {
          for (const part of parseMultipart(raw, ct)) {
            if (part.name === 'payload_json') call.body = JSON.parse(part.data.toString('utf8'));
            else if (part.filename !== undefined) call.files.push({ field: part.name, name: part.filename, size: part.data.length, contentType: part.contentType, data: Buffer.from(part.data) });
          }
        } else if (ct.includes('json')) {
          try {
            call.body = JSON.parse(raw.toString('utf8'));
          } catch {
            throw err(400, 50109, 'The request body contains invalid JSON.');
          }
        } else {
          call.body = raw.toString('utf8');
        }
      }
      if (!m || (m[1] !== undefined && m[1] !== '10' && m[1] !== '9')) throw err(404, 0, '404: Not Found');
      const failure = failureFor(call, rawPath);
      if (failure) {
        ({ status, body, headers } = failure);
      } else {
        let matched = false;
        for (const r of routes) {
          if (r.method !== method) continue;
          const hit = r.re.exec(path);
          if (!hit) continue;
          matched = true;
          headers = rateLimitHeaders(method, r.template);
          if (r.auth) {
            const auth = String(req.headers.authorization ?? '');
            const token = /^Bot (.+)$/.exec(auth)?.[1];
            if (!token || (opts.token && token !== opts.token)) throw err(401, 0, '401: Unauthorized');
          }
          const params: Record<string, string> = {};
          r.keys.forEach((k, i) => (params[k] = hit[i + 1]!));
          const result = r.handler({ call, params, after });
          status = result.status;
          body = result.body;
          Object.assign(headers, result.headers ?? {});
          break;
        }
        if (!matched) {
          unknown.push(call);
          headers = rateLimitHeaders(method, path);
          throw err(404, 0, '404: Not Found');
        }
      }
    } catch (e) {
      if (e instanceof HttpError) {
        status = e.status;
        body = e.body;
      } else {
        status = 500;
        body = { message: `fake Discord internal error: ${(e as Error)?.stack ?? e}`, code: 0 };
      }
    }
    call.status = status;
    sendJson(res, status, body, headers);
    const st = interactionForCall(call);
    if (st) st.calls.push(call);
    record(call);
    for (const fn of after) fn();
    if (st) notify(st);
  }
  function interactionForCall(call: RecordedCall): InteractionState | undefined {
    const parts = call.path.split('/');
    if (parts[1] === 'interactions') return interactions.get(parts[2] ?? '');
    if (parts[1] === 'webhooks') return interactionsByToken.get(parts[3] ?? '');
    return undefined;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Server

  const server = createServer((req, res) => {
    const at = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handleRequest(req, res, Buffer.concat(chunks), at));
    req.on('error', () => res.destroy());
  });
  server.keepAliveTimeout = 5000;
  const wss = new WebSocketServer({ server, path: '/' });
  wss.on('connection', onSocket);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  const gatewayUrl = `ws://127.0.0.1:${port}`;

  function randomHex(n: number) {
    return randomBytes(n).toString('hex');
  }

  const fake: FakeDiscord = {
    apiBase: `${baseUrl}/api`,
    gatewayUrl,
    botUser,
    applicationId,
    guildId,
    channelId,
    dmChannelId,
    user,
    owner,
    roles,
    permissions: { member: MEMBER_PERMS, bot: BOT_PERMS, moderator: MOD_PERMS },
    calls,
    channelByName(name) {
      const c = [...channels.values()].find((x) => x.name === name);
      if (!c) throw new Error(`no channel named ${name}`);
      return c.id;
    },
    ready() {
      if (everReady) return Promise.resolve();
      return new Promise<void>((resolve) => readyWaiters.add(resolve));
    },
    waitForReconnect(timeoutMs = 15000) {
      const p = new Promise<'resumed' | 'identified'>((resolve, reject) => {
        const onClose = (e: Error) => finish(() => reject(e));
        const waiter = (how: 'resumed' | 'identified') => finish(() => resolve(how));
        const timer = track(() => finish(() => reject(new Error(`waitForReconnect: no RESUMED/READY within ${timeoutMs} ms`))), timeoutMs);
        function finish(fn: () => void) {
          untrack(timer);
          reconnectWaiters.delete(waiter);
          closers.delete(onClose);
          fn();
        }
        reconnectWaiters.add(waiter);
        closers.add(onClose);
      });
      p.catch(() => {});
      return p;
    },
    dispatch(t, d) {
      emit(t, () => d);
    },
    interact,
    sendMessage,
    editMessage,
    deleteMessage,
    setPermissionOverwrites,
    bulkDeleteMessages,
    isDeleted(id) {
      return messages.get(id)?.deleted ?? false;
    },
    channel(id) {
      return clone(channels.get(id));
    },
    createThread(o = {}) {
      const parent = channelOrThrow(o.parentId ?? channelId);
      return makeThread(parent, o.name ?? 'thread', snowflake(), 11, { owner_id: user.id }).thread.id;
    },
    deleteChannel(id, o = {}) {
      const c = channelOrThrow(id);
      const thread = isThreadChannel(c);
      channels.delete(id);
      if (!thread) for (const t of [...channels.values()]) if (t.parent_id === id && isThreadChannel(t)) channels.delete(t.id);
      if (o.silent) return;
      const payload = thread ? { id, guild_id: c.guild_id, parent_id: c.parent_id, type: c.type } : clone(c);
      emit(thread ? 'THREAD_DELETE' : 'CHANNEL_DELETE', (s) => (has(s, Intents.Guilds) ? payload : undefined));
    },
    waitFor,
    messagesIn(chId) {
      return (channelMessages.get(chId) ?? [])
        .map((id) => messages.get(id)!)
        .filter((m) => m.byBot && !m.deleted)
        .map((m) => clone(m.msg));
    },
    message(id) {
      return clone(messages.get(id)?.msg);
    },
    dmChannelOf(userId) {
      return dmByUser.get(userId);
    },
    closeDms(userId, closed = true) {
      if (closed) closedDms.add(userId);
      else closedDms.delete(userId);
    },
    failNext(match, response) {
      failRules.push({ match, response, remaining: response.times ?? 1 });
    },
    dropConnections(o = {}) {
      for (const [ws, st] of sockets) {
        if (o.invalidateSessions && st.session) st.session.invalid = true;
        if (st.session) st.session.live = false;
        if (o.code !== undefined) ws.close(o.code, 'fake Discord dropped the connection');
        else ws.terminate();
      }
      if (o.invalidateSessions) for (const s of sessions.values()) s.invalid = true;
    },
    requestReconnect() {
      for (const ws of sockets.keys()) send(ws, { op: 7, d: null });
    },
    unacknowledged() {
      const now = performance.now();
      const limit = strictAckMs > 0 ? strictAckMs : 3000;
      return [...interactions.values()]
        .filter((st) => (st.firstCallback ? st.firstCallback.at - st.dispatchedAt > limit : now - st.dispatchedAt > limit))
        .map((st) => st.id);
    },
    ackLatencies() {
      return [...interactions.values()].filter((st) => st.firstCallback).map((st) => st.firstCallback!.at - st.dispatchedAt);
    },
    unknownRoutes() {
      return [...unknown];
    },
    gatewayStats() {
      return { ...stats, received: [...stats.received] };
    },
    async close() {
      if (closed) return;
      closed = true;
      const e = new Error('fake Discord closed');
      for (const w of [...waiters]) {
        clearTimeout(w.timer);
        w.reject(e);
      }
      waiters.clear();
      for (const c of [...closers]) c(e);
      closers.clear();
      for (const t of pendingTimers) clearTimeout(t);
      pendingTimers.clear();
      readyWaiters.clear();
      for (const ws of sockets.keys()) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
