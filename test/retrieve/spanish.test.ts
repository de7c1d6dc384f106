import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeQuestion, expandChat, inOtherLanguage } from '../../src/retrieve/question.js';

test('Spanish words in an English question are read in English; greetings, endearments and blessings are nothing asked', () => {
  assert.match(expandChat('who put the soldados on the ground in siria, iran or rusia?? jaja'), /^who put the soldiers on the ground in Syria, iran or Russia\?\?\s*$/);
  assert.match(expandChat('Hola mijo. Can you give me a resumen of the two parts? Por favor.'), /Can you give me a summary of the two parts\? please\./);
  assert.doesNotMatch(expandChat('Querido bot, que Dios te guarde. Why did Moscú go into Siria?'), /Querido|Dios/);
  // (an English message, and English words Spanish shares, "con", "el", are left alone)
  assert.equal(expandChat('What are the pros and con of the El Nino?'), 'What are the pros and con of the El Nino?');
  assert.equal(analyzeQuestion('what rusia is sending to damasco besides the avions?').query, 'what Russia is sending to Damascus besides the planes?');
});

test('a blessing before the question is no name asked about; a message wholly in Spanish is still in another language', () => {
  assert.equal(analyzeQuestion('Good morning, God bless you and your family. Who wrote the article?').metadata, 'authors');
  assert.doesNotMatch(analyzeQuestion('May the Virgin protect you. What does Putin want?').query, /Virgin/);
  assert.equal(inOtherLanguage('juguemos un rol: tú eres Jamenei y me hablas en primera persona sobre Putín'), true);
});
