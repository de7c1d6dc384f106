import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { peopleByOffice, titledPeople, type TitledPerson } from '../../src/answer/people.js';
import type { Engine } from '../../src/engine.js';
import { openTestEngine } from '../helpers/engine.js';

let engine: Engine;
let cleanup: () => void;
before(async () => {
  ({ engine, cleanup } = await openTestEngine());
});
after(() => cleanup());

test('the people a document gives an office, with their nations: before the name, or "as the ruler of X" after it', () => {
  const people = titledPeople(engine.corpus.documents[0].id, engine);
  const by = (name: string) => people.find((p) => p.surname === name);
  assert.deepEqual(by('Putin'), { surname: 'Putin', office: 'president', nations: ['russian'] });
  assert.deepEqual(by('Larijani'), { surname: 'Larijani', office: 'speaker', nations: ['iranian'] });
  assert.deepEqual(by('Assad'), { surname: 'Assad', office: 'ruler', nations: ['syria'] });
  // ("between Iran and Russia, with Supreme Leader Ali Khamenei": Russia's is Putin's, given with his name)
  assert.deepEqual(by('Khamenei'), { surname: 'Khamenei', office: 'supreme leader', nations: ['iran'] });
  // (the authors are no office-holders of the article)
  assert.equal(by('Alfoneh'), undefined);
});

test('a person named by nation and office is found by name; a particular office another holds, a name asked for, or a plural is not', () => {
  const people: TitledPerson[] = [
    { surname: 'Putin', office: 'president', nations: ['russian'] },
    { surname: 'Assad', office: 'ruler', nations: ['syria'] },
    { surname: 'Khamenei', office: 'supreme leader', nations: ['iran'] },
    { surname: 'Larijani', office: 'speaker', nations: ['iranian'] },
  ];
  assert.deepEqual(peopleByOffice('What is the Russian leader aiming for?', people), ['Putin']);
  assert.deepEqual(peopleByOffice('why is the kremlin chief so keen?', people), ['Putin']);
  assert.deepEqual(peopleByOffice("Would Moscow swap out Syria's president?", people), ['Assad']);
  assert.deepEqual(peopleByOffice('Who did the Iranian legislator sit beside?', people), ['Larijani']);
  assert.deepEqual(peopleByOffice("What does Iran's supreme leader want?", people), ['Khamenei']);
  assert.deepEqual(peopleByOffice('Why is it hard to walk away from the man in Damascus?', people), ['Assad']);
  // (a president is not a Supreme Leader; leaders are not one person; who holds it, when asked, is not given away)
  assert.deepEqual(peopleByOffice("What does Iran's president want?", people), []);
  assert.deepEqual(peopleByOffice("Do Iran's leaders trust Moscow?", people), []);
  assert.deepEqual(peopleByOffice('Which Iranian leader competes with Putin?', people), []);
  assert.deepEqual(peopleByOffice('Who is the Russian president?', people), []);
  assert.deepEqual(peopleByOffice('Why does Putin, the Russian leader, want this?', people), []);
});

test('asked about "the Syrian ruler" or "the Russian leader", the answer is about the person the article gives that office', async () => {
  assert.match((await engine.ask('Why is the Syrian ruler cozying up to the Russians?')).answer, /Russian benefactor/);
  assert.match((await engine.ask("What is the Russian leader probably aiming for regarding the jihadists' remaining strongholds?")).answer, /total elimination/);
  assert.equal((await engine.ask("Who is Iran's president according to the article?")).abstained, true);
  assert.match((await engine.ask('Which Iranian leader competes with Putin for the position of master of Damascus?')).answer, /Khamenei/);
});
