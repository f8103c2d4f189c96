/**
 * Makes wink-nlp forget, after each document, the tokens it learned while reading it.
 *
 * wink-nlp keeps one token cache per instance and adds every out-of-vocabulary string it meets to it, for good.
 * What the tokenizer and tagger do with a string then depends on whether, and how, the string was first met:
 * "China's," adds "China's" whole (after which a later "China's" stays one token), while "China's" alone is split
 * into "China" + "'s"; "200" first met inside "$200" keeps another token type than "200" met alone, and is tagged
 * PROPN instead of NUM. So a document's tokens depended on which documents the worker had read before it (a quarter
 * of the Wikinews articles changed with the reading order), and a run with two workers differed from a run with one.
 * The cache also grew without end in a long-running process.
 *
 * wink-nlp builds its cache from `./cache.js` when it loads. This module, imported before wink-nlp, wraps that
 * factory (before requiring wink-nlp itself, see {@link createEnglishNlp}) so the instance's cache is a thin front over a real cache that {@link forgetLearnedTokens} throws away:
 * it trims the model's feature tables back to their size at load and starts a fresh cache over them. Every document
 * is then read exactly as if it were the first. The wrapper checks the shape it relies on and refuses to start on
 * a wink-nlp it does not know, rather than tag silently wrong. Cost: out-of-vocabulary tokens are analysed once per
 * document instead of once per process (measured in `npm run bench`, text section).
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { WinkMethods } from "wink-nlp";

type CacheMethods = Record<string, unknown>;
type CacheFactory = (model: WinkCoreModel, featureFn: unknown) => CacheMethods;

interface FeatureTable {
  hash: Record<string, number>;
  list: unknown[];
  index: number;
}

interface WinkCoreModel {
  features: Record<string, unknown>;
}

const require = createRequire(import.meta.url);
const winkMain = require.resolve("wink-nlp");
const cachePath = join(dirname(winkMain), "cache.js");

function isFeatureTable(x: unknown): x is FeatureTable {
  if (typeof x !== "object" || x === null) return false;
  const t = x as Partial<FeatureTable>;
  return (
    typeof t.hash === "object" && t.hash !== null && Array.isArray(t.list) && typeof t.index === "number"
  );
}

/** One rewindable cache per wink instance (dyad makes one). */
const fronts: (() => void)[] = [];

let original: CacheFactory = () => {
  throw new Error("dyad: wink-nlp cache factory used before it was hooked");
};

function rewindableCache(model: WinkCoreModel, featureFn: unknown): CacheMethods {
  const tables: [FeatureTable, number][] = [];
  for (const value of Object.values(model.features)) {
    if (!isFeatureTable(value)) continue;
    if (value.index !== value.list.length) {
      throw new Error("dyad: wink-nlp feature tables do not have the expected shape (index ≠ list length)");
    }
    tables.push([value, value.list.length]);
  }
  let inner = original(model, featureFn);
  const front: CacheMethods = Object.create(null);
  for (const [name, method] of Object.entries(inner)) {
    if (typeof method !== "function") {
      throw new Error(`dyad: wink-nlp cache member "${name}" is not a method`);
    }
    // Fixed arity (wink's cache methods take at most two arguments and never read `arguments.length`): a rest
    // parameter here would cost a measurable share of the tagger's time.
    front[name] = (a: unknown, b: unknown) => (inner[name] as (a: unknown, b: unknown) => unknown)(a, b);
  }
  fronts.push(() => {
    let grew = false;
    for (const [table, size] of tables) {
      const { hash, list } = table;
      if (list.length === size) continue;
      grew = true;
      for (let i = size; i < list.length; i++) delete hash[list[i] as string];
      list.length = size;
      table.index = size;
    }
    if (grew) inner = original(model, featureFn);
  });
  return front;
}

let hooked = false;

function hook(): void {
  if (hooked) return;
  // If something loaded wink-nlp already, it holds the plain factory: load a fresh copy that sees the wrapped one.
  delete require.cache[winkMain];
  original = require(cachePath) as CacheFactory;
  if (typeof original !== "function")
    throw new Error(`dyad: unexpected wink-nlp cache module at ${cachePath}`);
  const cached = require.cache[cachePath];
  if (!cached) throw new Error(`dyad: could not hook wink-nlp's cache module at ${cachePath}`);
  cached.exports = rewindableCache;
  hooked = true;
}

/**
 * A wink-nlp instance with sentence splitting and part-of-speech tagging whose learned tokens
 * {@link forgetLearnedTokens} discards. wink-nlp is required here, after its cache factory is wrapped, and
 * nowhere else in dyad's own code.
 */
export function createEnglishNlp(): WinkMethods {
  hook();
  const winkNLP = require("wink-nlp") as (model: unknown, pipe: string[]) => WinkMethods;
  const model = require("wink-eng-lite-web-model") as unknown;
  return winkNLP(model, ["sbd", "pos"]);
}

/**
 * Forgets every token wink-nlp learned since the last call, so the next document is read as if it were the first.
 * Call it once a document's tokens, tags and lemmas have been copied out: the wink document becomes unusable.
 */
export function forgetLearnedTokens(): void {
  for (const rewind of fronts) rewind();
}
