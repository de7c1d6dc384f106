/**
 * Spanish words inside an English question, as many Spanish speakers type ("who put the soldados on the ground in Siria?",
 * "Hola mijo, what does Moscú want?", "porqué putin want to kill ALL the isis?"): each is read as the English it stands
 * for, and greetings, endearments and laughter as nothing. A general list of common Spanish words, not drawn from any
 * corpus, holding only words that are not English too ("con", "de", "y", "el" are left out), so no count of marker words
 * is needed: a message without them is unchanged. A message wholly in Spanish is still told it is in another language.
 */

/** Greetings, endearments, blessings and laughter: nothing asked. */
const NOTHING = `hola buenos buenas días dias tardes noches gracias muchas mijo mija mijito mijita querido querida queridos cariño amigo amiga
  señor señora señorita jaja jajaja jajajaja jeje jejeje bueno vale oye mira pues ojalá ojala bendiciones`.split(/\s+/);

/** Words, by the English they stand for. */
const WORDS: Record<string, string> = {
  ...Object.fromEntries(NOTHING.map((w) => [w, ''])),
  // question words and small words of grammar that are no English words
  qué: 'what', cuándo: 'when', cuando: 'when', quién: 'who', quien: 'who', quiénes: 'who', cuántos: 'how many', cuantos: 'how many',
  cuántas: 'how many', cuantas: 'how many', cuánto: 'how much', cuanto: 'how much', dónde: 'where', donde: 'where', cómo: 'how',
  cuál: 'which', cual: 'which', porqué: 'why', también: 'also', tambien: 'also', pero: 'but', muy: 'very', más: 'more', todos: 'all',
  todo: 'all', nada: 'nothing', ahora: 'now', siempre: 'always', nunca: 'never', antes: 'before', después: 'after', despues: 'after',
  // people, things and deeds of politics and war
  soldados: 'soldiers', soldado: 'soldier', aviones: 'planes', avión: 'plane', avion: 'plane', avions: 'planes', ejército: 'army',
  ejercito: 'army', guerra: 'war', resumen: 'summary', americanos: 'Americans', americano: 'American', rusos: 'Russians',
  ruso: 'Russian', iraníes: 'Iranians', iranies: 'Iranians', iraní: 'Iranian', sirios: 'Syrians', presidente: 'president',
  gobierno: 'government', país: 'country', pais: 'country', países: 'countries', paises: 'countries', armas: 'weapons',
  muertos: 'dead', muertes: 'deaths', bombas: 'bombs', rebeldes: 'rebels', aliados: 'allies', aliado: 'ally', amigos: 'friends',
  enemigos: 'enemies', enemigo: 'enemy', dinero: 'money', acuerdo: 'agreement', sanciones: 'sanctions', artículo: 'article',
  articulo: 'article', autores: 'authors', autor: 'author', pregunta: 'question', líder: 'leader', lider: 'leader', líderes: 'leaders',
  lideres: 'leaders', paz: 'peace', miedo: 'fear', confianza: 'trust', desconfianza: 'distrust', tropas: 'troops', ayuda: 'help',
  amistad: 'friendship', metas: 'goals', objetivos: 'objectives', // countries and capitals by their Spanish names
  moscú: 'Moscow', teherán: 'Tehran', siria: 'Syria', rusia: 'Russia', irán: 'Iran', damasco: 'Damascus', irak: 'Iraq',
  europa: 'Europe', turquía: 'Turkey', turquia: 'Turkey', egipto: 'Egypt', afganistán: 'Afghanistan', afganistan: 'Afghanistan',
};

/** Phrases: "por favor", "Estados Unidos", "por qué", and blessings ("que Dios te guarde", "Dios mío"). */
const PHRASES: [RegExp, string][] = [
  [/\bpor\s+favor\b/giu, 'please'],
  [/\blos\s+estados\s+unidos\b|\bestados\s+unidos\b|\bEE\.?\s?UU\.?(?![\p{L}])/giu, 'the US'],
  [/(?<![\p{L}])por\s+qu[eé](?![\p{L}])/giu, 'why'],
  [/(?<![\p{L}])(?:que|y)\s+(?:la\s+virgen|dios)\s+(?:te|le|les|nos|lo|la|los)\s+[\p{L}]+(?:\s+(?:y\s+)?(?:te|le|les|nos)\s+[\p{L}]+)*|(?<![\p{L}])dios\s+m[ií]o(?![\p{L}])|(?<![\p{L}])si\s+dios\s+quiere(?![\p{L}])/giu, ''],
];

const WORD = /(?<![\p{L}\p{N}'’])[\p{L}]+(?![\p{L}\p{N}'’])/gu;

/** The message with its Spanish words read in English; unchanged when it has none. */
export function fromSpanglish(text: string): string {
  let read = text;
  for (const [re, english] of PHRASES) read = read.replace(re, english);
  read = read.replace(WORD, (w) => {
    const english = WORDS[w.toLowerCase()];
    if (english === undefined) return w;
    // (a capital kept where the word had one: "Siria" is "Syria", "Hola" nothing)
    return /^\p{Lu}/u.test(w) && english ? english[0].toUpperCase() + english.slice(1) : english;
  });
  if (read === text) return text;
  // (what a dropped greeting leaves: "Hola mijo. What ..." is "What ...", "..., gracias." ends at the question)
  return read.replace(/^[\s,.!¡¿]+/u, '').replace(/(^|[.!?]\s+)[\s,.!]+/g, '$1').replace(/[ \t]{2,}/g, ' ').replace(/\s+([?,.!])/g, '$1').replace(/,(\s*[?.!])/g, '$1').replace(/[¡¿]/gu, '').trim();
}
