/**
 * Does a reply ask something? A rule-based detector for English, German, French, Spanish and
 * Portuguese: a question mark (any script's), an opening interrogative ("how", "warum", "pourquoi",
 * "cómo", "como"), an inverted verb-first question ("can you", "habt ihr", "pouvez-vous"), or a
 * request for help that carries no mark ("any update on my order", "alguém sabe"). It says which rule
 * matched, so a consultant can see why a reply counts as a question. Mentions and links are taken out
 * first: "@support?" asks nothing. Precision and recall on real customer messages are in docs/measuring.md.
 */

export interface QuestionVerdict {
  question: boolean;
  /** The rule that matched, e.g. `mark "?"`, `en: opens with "how"`; null when none did. */
  rule: string | null;
}

/**
 * Interrogative openings, per language: matched at the start of a sentence (after a greeting). English
 * wh-words count only before an auxiliary or a question-shaping word ("how do", "when will", "what's"):
 * alone they open too many statements ("When choosing a partner…"). German "was" likewise.
 */
const EN_WH = '(?:how|why|what|when|where|who|which)';
const EN_AFTER_WH =
  "(?:is|are|was|were|do|does|did|can|could|will|would|should|shall|may|might|has|have|had|'s|’s|long|much|many|come|about|else|exactly|to|i|we|you|am|the hell)";
const OPENERS: Record<string, readonly string[]> = {
  en: [
    `${EN_WH} ${EN_AFTER_WH}`,
    "how's",
    "what's",
    "where's",
    "when's",
    "who's",
    "why's",
    'can you',
    'can i',
    'can we',
    'can someone',
    'can anyone',
    'could you',
    'could i',
    'could someone',
    'would you',
    'will you',
    'will i',
    'will there',
    'is there',
    'is their',
    'is it',
    'is this',
    'is my',
    'are there',
    'are you',
    'do you',
    'do i',
    'does anyone',
    'does this',
    'does it',
    'did you',
    'did my',
    'have you',
    'has my',
    'has anyone',
    'should i',
    'any idea',
    'any update',
    'any news',
    'any chance',
    'anyone know',
    'anybody know',
  ],
  de: [
    'wie',
    'warum',
    'wieso',
    'weshalb',
    'wann',
    'wo',
    'wohin',
    'woher',
    'wer',
    'wen',
    'wem',
    'welche',
    'welcher',
    'welches',
    'was ist',
    'was kann',
    'was soll',
    'was macht',
    'was kostet',
    'was muss',
    'kann man',
    'kann ich',
    'könnt ihr',
    'können sie',
    'könnten sie',
    'gibt es',
    'habt ihr',
    'haben sie',
    'hast du',
    'ist das',
    'ist es',
    'seid ihr',
    'sind sie',
    'wird es',
    'weiß jemand',
    'wisst ihr',
  ],
  fr: [
    'comment',
    'pourquoi',
    'quand',
    'où',
    'quel',
    'quelle',
    'quels',
    'quelles',
    'combien',
    'est-ce que',
    'est ce que',
    "qu'est-ce",
    'qu’est-ce',
    'pouvez-vous',
    'pourriez-vous',
    'peux-tu',
    'peut-on',
    'y a-t-il',
    'avez-vous',
    'avez vous',
    'êtes-vous',
    'savez-vous',
    'quelqu’un sait',
    "quelqu'un sait",
  ],
  es: [
    'cómo',
    'por qué',
    'porqué',
    'qué',
    'cuándo',
    'dónde',
    'quién',
    'quiénes',
    'cuál',
    'cuáles',
    'cuánto',
    'cuánta',
    'pueden',
    'podrían',
    'puedo',
    'hay alguna',
    'hay algún',
    'alguien sabe',
    'tienen',
    'saben',
  ],
  pt: [
    'como faço',
    'como posso',
    'como eu',
    'por que',
    'porque é que',
    'quando',
    'onde',
    'quem',
    'qual',
    'quais',
    'quanto',
    'quanta',
    'vocês podem',
    'você pode',
    'podem',
    'pode me',
    'tem como',
    'alguém sabe',
    'vocês têm',
    'existe',
    'é possível',
  ],
};

/** Requests that ask without a mark or an opening interrogative, anywhere in the text. */
const REQUESTS: Record<string, RegExp> = {
  en: /\b(please (help|advise|let me know|tell me|send help)|send help|(refund|help) (pls|plz|please)|any update|still waiting|i need help|need help with|let me know (if|when|how)|i (want|would like|need) to (cancel|return|change|know|get|set up|speak|talk))\b/i,
  de: /\b(bitte (um )?(hilfe|antwort|rückmeldung)|warte (immer )?noch|brauche hilfe)\b/i,
  fr: /(merci de (me )?(répondre|recontacter)|j['’]attends toujours|besoin d['’]aide)/i,
  es: /\b(necesito ayuda|sigo esperando|por favor (ayuda|respondan))\b/i,
  pt: /\b(preciso de ajuda|ainda aguardo|continuo esperando|por favor (ajudem|respondam))\b/i,
};

/** Latin, Spanish opening, full-width (CJK) and Arabic question marks. */
const QUESTION_MARK = /[?¿？؟]/u;

/** The text without mentions, links and hashtags' '#': what the person wrote. */
export function plainWords(text: string): string {
  return text
    .replace(/https?:\/\/\S+/gi, ' ')
    .replace(/(^|\s)@[\w.@-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A greeting before the question ("Hi, how do I…", "Bonjour, comment…"). */
const GREETING = String.raw`(?:(?:hi|hello|hey|dear \S+|hallo|moin|bonjour|salut|hola|buenas|olá|oi)[\s,!.]+)?`;
const OPENER_PATTERNS = Object.entries(OPENERS).map(
  ([lang, words]) =>
    [
      lang,
      new RegExp(
        String.raw`(?:^|[.!:;\n]\s*)${GREETING}(${[...words].sort((a, b) => b.length - a.length).join('|')})(?=[\s,’'?]|$)`,
        'iu',
      ),
    ] as const,
);

export function detectQuestion(text: string): QuestionVerdict {
  const words = plainWords(text);
  if (words === '') return { question: false, rule: null };
  const mark = QUESTION_MARK.exec(words);
  if (mark) return { question: true, rule: `mark "${mark[0]}"` };
  for (const [lang, pattern] of OPENER_PATTERNS) {
    const m = pattern.exec(words);
    if (m) return { question: true, rule: `${lang}: opens with "${m[1]!.toLowerCase()}"` };
  }
  for (const [lang, pattern] of Object.entries(REQUESTS)) {
    const m = pattern.exec(words);
    if (m) return { question: true, rule: `${lang}: asks "${m[0].toLowerCase()}"` };
  }
  return { question: false, rule: null };
}
