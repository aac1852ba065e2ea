import { type PromptGuardTriggerKind, promptGuardTriggerWords } from "./prompt-guard-trigger-words.ts";

/** Ordinary English words that tokenize as one piece each (so texts built from them have predictable lengths). */
const benignWords = `
a about above after again all also always am an and any are as ask at away back be because been before being
below best better between big book both but by call can car cat city code could data day did do does dog done
down each early easy every example fact family far few file find first food for friend from fun garden get give
go good great green had has have he hello help her here him his home house how i if in into is it its just keep
kind know last late learn let life like list little long look lot made make many may me more morning most much
music my name need new next nice night no not note now number of off old on once one only open or other our out
over own page people place plan please poem point put question quick rain read recipe red report right run said
same say school see she short should show simple small so some song soon start still story summer sun sure table
take tea tell than thank thanks that the their them then there these they thing think this those three through
time to today together too tree two under up us use very walk want warm was water way we weather week well were
what when where which while who why will with word work world would write year yes yesterday you your
`;

/** Characters that get a piece of their own, so any ASCII text tokenizes without `[UNK]`. */
const singleCharacters = [
  ..."abcdefghijklmnopqrstuvwxyz",
  ..."ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  ..."0123456789",
  ...".,;:!?'\"-_()[]{}<>/\\|@#$%^&*+=~`",
];

/** SentencePiece's word-boundary marker, which the Metaspace pre-tokenizer puts in front of every word. */
export const metaspace = "\u2581";

export const promptGuardSpecialTokens = {
  pad: "[PAD]",
  cls: "[CLS]",
  sep: "[SEP]",
  unk: "[UNK]",
  mask: "[MASK]",
};

export interface PromptGuardPiece {
  piece: string;
  /** Unigram log-probability: whole words beat spelling them out, so Viterbi picks them. */
  score: number;
  special: boolean;
  /** Which logit the token pushes (`undefined`: benign). */
  trigger: PromptGuardTriggerKind | undefined;
}

const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * The fixture vocabulary in id order, laid out like DeBERTa-v3's: `[PAD]`=0, `[CLS]`=1, `[SEP]`=2,
 * `[UNK]`=3, then `▁`, single characters, whole words (`▁word`, `▁Word`) and `[MASK]` last.
 */
export function promptGuardVocabulary(): PromptGuardPiece[] {
  const pieces: PromptGuardPiece[] = [];
  const seen = new Set<string>();
  const add = (piece: string, score: number, special: boolean, trigger?: PromptGuardTriggerKind): void => {
    if (seen.has(piece)) return;
    seen.add(piece);
    pieces.push({ piece, score, special, trigger });
  };
  const { pad, cls, sep, unk, mask } = promptGuardSpecialTokens;
  for (const token of [pad, cls, sep, unk]) add(token, 0, true);
  add(metaspace, -6, false);
  for (const character of singleCharacters) add(character, -9, false);
  for (const kind of ["jailbreak", "injection"] as const) {
    for (const word of promptGuardTriggerWords[kind]) {
      add(`${metaspace}${word}`, -4, false, kind);
      if (word === word.toLowerCase()) add(`${metaspace}${capitalize(word)}`, -4, false, kind);
    }
  }
  for (const word of benignWords.split(/\s+/).filter((word) => word !== "")) {
    add(`${metaspace}${word}`, -5, false);
    add(`${metaspace}${capitalize(word)}`, -5, false);
  }
  add(mask, 0, true);
  return pieces;
}
