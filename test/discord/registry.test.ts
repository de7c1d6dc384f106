import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SlashCommandBuilder } from 'discord.js';
import { createRegistry, loadCommands } from '../../src/discord/registry.js';

const execute = async () => {};
const help = { group: 'asking' };

test('the shipped commands load into a registry: every command file, each complete', async () => {
  const registry = await loadCommands();
  assert.deepEqual(registry.names.sort(), ['about', 'ask', 'block', 'config', 'forget-me', 'help', 'leaderboard', 'modlog', 'passage', 'progress', 'quiz', 'search', 'study', 'unblock']);
  const ask = registry.toJSON().find((c) => c.name === 'ask')!;
  assert.deepEqual(ask.options?.map((o) => o.name), ['question', 'private']);
});

test('every shipped command has its place in /help, with its options or subcommands', async () => {
  const entries = (await loadCommands()).helpEntries();
  assert.deepEqual(entries.map((e) => e.name).sort(), (await loadCommands()).names.sort());
  const by = (name: string) => entries.find((e) => e.name === name)!;
  assert.deepEqual([by('ask').group, by('quiz').group, by('forget-me').group, by('block').group], ['asking', 'study', 'your-data', 'moderation']);
  assert.equal(by('ask').usage, '`question` `[private]`');
  assert.equal(by('block').usage, '`member` `[reason]`');
  assert.equal(by('modlog').usage, '`export`');
  assert.equal(by('about').usage, '');
});

test('a module without a place in /help is refused', () => {
  const data = new SlashCommandBuilder().setName('ping').setDescription('p');
  assert.throws(() => createRegistry([{ file: 'ping.ts', module: { data, execute } }]), /ping\.ts: no `help` saying where \/help lists it/);
  assert.throws(() => createRegistry([{ file: 'ping.ts', module: { data, execute, help: { group: 'misc' } } }]), /ping\.ts: no `help`/);
  assert.deepEqual(createRegistry([{ file: 'ping.ts', module: { data, execute, help } }]).names, ['ping']);
});

test('a module without a handler is refused, naming the file', () => {
  assert.throws(() => createRegistry([{ file: 'ping.ts', module: { data: new SlashCommandBuilder().setName('ping').setDescription('p') } }]), /ping\.ts: no `execute` handler/);
});

test('a module without a builder is refused', () => {
  assert.throws(() => createRegistry([{ file: 'ping.ts', module: { execute } }]), /ping\.ts: no `data` command builder/);
});

test('a command named differently from its file is refused', () => {
  assert.throws(() => createRegistry([{ file: 'pong.ts', module: { data: new SlashCommandBuilder().setName('ping').setDescription('p'), execute } }]), /named "ping" but the file "pong"/);
});

test('an autocomplete option without an autocomplete handler is refused', () => {
  const data = new SlashCommandBuilder()
    .setName('find')
    .setDescription('f')
    .addStringOption((o) => o.setName('q').setDescription('q').setAutocomplete(true));
  assert.throws(() => createRegistry([{ file: 'find.ts', module: { data, execute } }]), /autocomplete but there is no `autocomplete` handler/);
});
