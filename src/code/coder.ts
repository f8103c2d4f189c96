import { MONTH_NAMES, WEEKDAY_NAMES } from "../text/index.js";
import type { Doc, Quote, Token } from "../types/doc.js";
import type { Modality } from "../types/event.js";
import type { Mention } from "../types/mention.js";
import { reducedRelativeAt, type Segment, segmentIndexOf, segmentSentence } from "./clauses.js";
import type { Lexicon, Phrase } from "./lexicon.js";
import { decideModality, type FoundCue, findCues } from "./modality.js";
import { type CandidateList, PatternCandidates } from "./pattern-candidates.js";
import type { EventPatternLike, OntologySource, PatternMatch, PatternSource } from "./ports.js";

/** An event found in the clean text; the pipeline turns it into an `EventRecord` with raw-text spans. */
export interface CodedEvent {
  readonly code: string;
  readonly source: Mention;
  readonly target: Mention | null;
  readonly sentence: number;
  /** Clean-text span of the trigger words. */
  readonly trigger: readonly [number, number];
  readonly modality: Modality;
  readonly speaker: Mention | null;
  readonly quote: Quote | null;
  readonly date: string | null;
  readonly pattern: string;
  readonly confidence: number;
}

export interface CoderInput {
  readonly doc: Doc;
  readonly mentions: readonly Mention[];
  /** Article date `YYYY-MM-DD`, used to drop history recaps. */
  readonly date: string | null;
  /** Country of the dateline place, for agents named without a country ("police", "rebels"). */
  readonly homeCountry: string | null;
  /** Places named in the text (clean offsets), so that "rebels in Syria" or "a hospital in Kharkiv" get a country. */
  readonly places?: readonly {
    readonly start: number;
    readonly end: number;
    readonly country: string | null;
  }[];
}

interface Trigger {
  readonly pattern: EventPatternLike;
  /** A more specific code than the pattern's, taken from a noun trigger inside it ("… in a bomb attack" → 183). */
  readonly code?: string;
  readonly head: number;
  readonly match: PatternMatch;
  readonly first: number;
  readonly last: number; // inclusive
}

/** A group of actor mentions acting together ("Russia and China"). */
type Group = Mention[];

const SUBJECT_PRONOUNS = new Set(["it", "they", "he", "she"]);
const FIRST_PERSON = new Set(["we", "our", "us", "ours", "i", "my", "me"]);
const BE = new Set(["be", "get"]);
const HISTORY_DAYS = 400;

/**
 * The event coder: finds triggers (verb patterns, noun triggers and light-verb phrases), assigns source and target
 * from the clause structure, decides modality, attaches speaker, quote and date. Pure: same input, same output.
 */
export class EventCoder {
  private readonly options: CoderOptions;
  /** The pattern lists by first lemma, with what each pattern needs in the sentence (see `PatternCandidates`). */
  private readonly candidates: PatternCandidates;

  constructor(
    private readonly patterns: PatternSource,
    private readonly ontology: OntologySource,
    private readonly lexicon: Lexicon,
    options: Partial<CoderOptions> = {},
  ) {
    this.options = { statements: options.statements ?? true, intents: options.intents ?? true };
    this.candidates = new PatternCandidates(patterns.byHead, patterns.nounFirst);
  }

  code(input: CoderInput): CodedEvent[] {
    const { doc } = input;
    const tokens = doc.tokens;
    const n = tokens.length;
    const lemmas = new Array<string>(n);
    const pos = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      lemmas[i] = tokens[i]!.lemma;
      pos[i] = tokens[i]!.pos;
    }
    let ctx = this.context(input, this.withFirstPerson(doc, input.mentions));
    const relative = this.relativeSubjects(ctx);
    if (relative) ctx = this.context(input, relative);
    const reported = this.reportedPronouns(ctx);
    if (reported.length)
      ctx = this.context(
        input,
        [...ctx.mentions, ...reported].sort((a, b) => a.start - b.start || b.end - a.end),
      );
    const resolved = this.statePronouns(ctx);
    if (resolved.length)
      ctx = this.context(
        input,
        [...ctx.mentions, ...resolved].sort((a, b) => a.start - b.start || b.end - a.end),
      );
    const { owner } = ctx;
    const out: CodedEvent[] = [];
    const seen = new Set<string>();
    // A story with sport words in two or more sentences is a sports report: none of its sentences codes an event
    // unless it names an office-holder, an organisation or an armed group.
    let sportSentences = 0;
    const sporty = new Uint8Array(doc.sentences.length);
    for (let i = 0; i < doc.sentences.length; i++) {
      const sentence = doc.sentences[i]!;
      if (!this.hasSportWords(tokens, sentence.tokenStart, sentence.tokenEnd)) continue;
      sporty[i] = 1;
      sportSentences++;
    }
    const sportsStory = sportSentences >= 2;
    for (let si = 0; si < doc.sentences.length; si++) {
      const sentence = doc.sentences[si]!;
      const { tokenStart: ss, tokenEnd: se } = sentence;
      let hasMention = false;
      for (let t = ss; t < se; t++) if (owner[t] !== -1) hasMention = true;
      if (!hasMention) continue;
      const triggers = this.findTriggers(tokens, lemmas, pos, ss, se);
      const saying = this.options.statements ? this.sayingVerbs(tokens, ss, se) : [];
      if (!triggers.length && !saying.length) continue;
      if ((sportsStory || sporty[si] === 1) && !this.namesPolitics(ss, se, ctx)) continue;
      const segments = segmentSentence(tokens, ss, se, this.lexicon, (t) => owner[t] !== -1);
      const cues = findCues(tokens, ss, se, segments, this.lexicon);
      const said = new Map<number, Statement | null>();
      const { speaker, leaders } = this.speakers(ctx, sentence.index, ss, se, segments, said);
      const leading = leaders[0] ?? null;
      for (const tr of triggers) {
        if (coercionPromised(tokens, triggers, tr)) continue;
        const seg = segmentIndexOf(segments, tr.head);
        const roles =
          tr.pattern.kind === "verb" && !nominalGerund(ctx, tr.head)
            ? verbRoles(ctx, segments, seg, tr)
            : nounRoles(ctx, segments, seg, tr, this.lexicon, triggers);
        if (!roles) continue;
        const cameo = this.ontology.cameo(tr.pattern.code);
        if (!cameo) continue;
        const modality = unrealised(
          tokens,
          segments[seg]!,
          tr,
          decideModality(tokens, segments, cues, seg, tr.first, tr.last + 1, tr.match.matchedIdx, {
            speechAct: SPEECH_ACT_ROOTS.has(tr.pattern.code.slice(0, 2)),
            ...(tr.pattern.kind === "noun" ? presupposed(ctx, tr.first, segments[seg]!.start) : {}),
          }),
        );
        const quote =
          doc.quotes.find((q) => q.start <= tokens[tr.first]!.start && q.end >= tokens[tr.last]!.end) ?? null;
        const date = this.eventDate(doc, sentence.index, tokens[tr.head]!.start);
        if (date && input.date && daysBetween(date, input.date) > HISTORY_DAYS) continue; // a history recap, not news
        if (!date && input.date && isHistory(tokens, segments[seg]!, tr.last, input.date)) continue; // "invaded Kuwait in 1990"
        if (input.date && yearNamed(tokens, segments[seg]!, tr, input.date)) continue; // "the 1994 genocide"
        // the speaker of the nearest verb of saying that opens the clause holding the trigger ("Mexico said migrants
        // fled after Trump said he would crack down" → Trump), else the sentence's ("…, officials said")
        let nearest: Mention | null = null;
        for (const l of leaders) if (l.verb < tr.first) nearest = l.source;
        const speakerHere = quote ? (this.quoteSpeaker(ctx, quote) ?? speaker) : (nearest ?? speaker);
        const root = tr.pattern.code.slice(0, 2);
        const protested =
          tr.pattern.flags.notarget && root === "14" ? protestTarget(ctx, segments[seg]!, tr) : null;
        const empathy = tr.pattern.code === EMPATHY_CODE;
        const placed =
          !protested && (PLACE_TARGET_ROOTS.has(root) || empathy)
            ? locativeTarget(ctx, segments[seg]!, tr, "")
            : null;
        // "Petraeus held talks with Suleiman": talks held with someone are held by both sides (a light verb, a
        // reciprocal noun and "with" its partner); "met with" keeps its direction
        const mutual =
          tr.pattern.kind === "verb" &&
          tr.pattern.flags.reciprocal &&
          tr.match.targetAt !== null &&
          tokens[tr.match.targetAt - 1]?.lower === "with" &&
          this.lexicon.support.has(lemmas[tr.head]!);
        for (const [src0, tgt0] of pairs(roles, tr.pattern, mutual)) {
          const src = upgradeToSpeaker(src0, speakerHere);
          const tgt =
            tgt0 ??
            (protested && !sameActor(src, protested)
              ? protested
              : placed && (placed.country !== src.country || empathy)
                ? placed
                : null);
          const code = riotCode(
            violenceCode(tr.code ?? tr.pattern.code, src, tgt),
            this.lexicon.protester.has(tokens[src.tokenEnd - 1]?.lower ?? ""),
          );
          if (tgt && sameActor(src, tgt)) continue;
          // "attends a ceremony in Ankara" by a Turkish general: a trip inside one's own country is no visit
          if (VISIT_CODES.has(code) && tgt && !tgt.sector && tgt.country === src.country) continue;
          if (tr.pattern.flags.political && (!isPolitical(src) || (tgt && !isPolitical(tgt)))) continue;
          if (!tgt && !tr.pattern.flags.notarget && roles.requireTarget) continue;
          const key = `${sentence.index}|${code}|${src.code}|${tgt?.code ?? ""}`;
          if (seen.has(key)) continue;
          seen.add(key);
          if (INTENT_ROOTS.has(code.slice(0, 2)))
            seen.add(`${sentence.index}|${code.slice(0, 2)}|${src.code}|${tgt?.code ?? ""}`);
          out.push({
            code,
            source: src,
            target: tgt,
            sentence: sentence.index,
            trigger: [tokens[tr.first]!.start, tokens[tr.last]!.end],
            modality,
            speaker: speakerHere,
            quote,
            date: date ?? input.date,
            pattern: tr.pattern.id,
            confidence: confidence(tr, roles, src, tgt),
          });
          /** A record derived from this act (an accusation, an intent): asserted, at the act's trigger. */
          const derived = (
            dcode: string,
            source: Mention,
            target: Mention | null,
            speaker: Mention | null,
            pattern: string,
            penalty: number,
          ) => ({
            code: dcode,
            source,
            target,
            sentence: sentence.index,
            trigger: [tokens[tr.first]!.start, tokens[tr.last]!.end] as [number, number],
            modality: { status: "asserted" as const, cues: [] },
            speaker,
            quote,
            date: input.date ?? date,
            pattern,
            confidence: Math.round((confidence(tr, roles, src, tgt) - penalty) * 100) / 100,
          });
          // "Israel said a mortar bomb was fired at it from Gaza": a state that reports another's hostile act
          // as fact accuses it
          const accuser =
            leading && leading.verb < tr.first ? accuserOf(leading.source, src, modality, code) : null;
          if (accuser) {
            const akey = `${sentence.index}|${ACCUSE_CODE}|${accuser.code}|${src.code}`;
            if (!seen.has(akey)) {
              seen.add(akey);
              out.push(
                derived(
                  ACCUSE_CODE,
                  accuser,
                  src,
                  accuser,
                  `accusation:11/${ACCUSE_CODE} from ${tr.pattern.id}`,
                  0.15,
                ),
              );
            }
          }
          const intent = this.options.intents
            ? intentOf(
                code,
                modality,
                src,
                speakerHere,
                tr.pattern.kind === "verb" && ownAimAt(tokens, tr.head),
                tr.pattern.kind === "verb" && ownPledgeAt(tokens, tr.head, this.lexicon.commit),
              )
            : null;
          if (intent && this.ontology.cameo(intent)) {
            const dkey = `${sentence.index}|${intent.slice(0, 2)}|${src.code}|${tgt?.code ?? ""}`;
            if (seen.has(dkey)) continue;
            seen.add(dkey);
            out.push(
              derived(
                intent,
                src,
                tgt,
                speakerHere,
                `intent:${intent.slice(0, 2)}/${intent} from ${tr.pattern.id}`,
                0.1,
              ),
            );
          }
        }
      }
      for (const v of saying) {
        if (triggers.some((tr) => tr.match.matchedIdx.includes(v))) continue; // "announced sanctions" is its own event
        const st = said.has(v) ? said.get(v)! : statementAt(ctx, segments, v, this.lexicon);
        if (!st) continue;
        const modality = statementModality(tokens, cues, v);
        const quote =
          doc.quotes.find(
            (q) => q.sentence === sentence.index && this.quoteSpeaker(ctx, q)?.code === st.source[0]?.code,
          ) ?? null;
        const obliged = obligationSubject(ctx, segments, v);
        const announced = announcedNoun(tokens, triggers, v);
        for (const src of st.source) {
          if (!isPolitical(src) || (src.sector && NOT_SPEAKERS.has(src.sector))) continue;
          // "the defence ministry said", "a senior vice president said": a speaker whose country the coder had to
          // guess (not from its words, nor the dateline) makes no statement event (it may still lend its code to the
          // acts it reports)
          if (COUNTRY_WEAK.has(src) && !namedPerson(ctx, src)) continue;
          const emit = (code: string, tgt: Mention | null, how: string, conf: number) => {
            const key = `${sentence.index}|${code}|${src.code}|${tgt?.code ?? ""}`;
            if (seen.has(key)) return;
            seen.add(key);
            out.push({
              code,
              source: src,
              target: tgt,
              sentence: sentence.index,
              trigger: [tokens[v]!.start, tokens[v]!.end],
              modality,
              speaker: src,
              quote,
              date: this.eventDate(doc, sentence.index, tokens[v]!.start) ?? input.date,
              pattern: `${how}:${code.slice(0, 2)}/${code} ${tokens[v]!.lemma}`,
              confidence: Math.round((conf - (COUNTRY_GUESSED.has(src) ? 0.05 : 0)) * 100) / 100,
            });
          };
          // "X said Y must …": a demand on Y
          for (const y of obliged ?? [])
            if (!sameActor(src, y) && isPolitical(y)) emit(DEMAND_CODE, y, "obligation", st.confidence - 0.1);
          // a statement pattern (denial, concern, condolence …) or an accusation already says more about what this
          // speaker said; so does the act it announces ("announced a suspension of air links")
          if (
            out.some(
              (e) =>
                e.sentence === sentence.index &&
                (e.code.startsWith("01") ||
                  e.pattern.startsWith("accusation:") ||
                  (announced !== null && e.trigger[0] === tokens[announced]!.start)) &&
                e.source.code === src.code,
            )
          )
            continue;
          const tgt = st.target && !sameActor(src, st.target) ? st.target : null;
          emit(STATEMENT_CODE, tgt, "statement", st.confidence);
        }
      }
    }
    return out;
  }

  /** Verbs of saying in the sentence (data/code/verbs.tsv `report`), the heads of possible statement events. */
  private sayingVerbs(tokens: readonly Token[], ss: number, se: number): number[] {
    const out: number[] = [];
    for (let t = ss; t < se; t++) {
      const tk = tokens[t]!;
      if (tk.pos === "VERB" && this.lexicon.report.has(tk.lemma)) out.push(t);
    }
    return out;
  }

  private context(input: CoderInput, mentions: readonly Mention[]): Ctx {
    const owner = new Int32Array(input.doc.tokens.length).fill(-1);
    const sameSpan = new Map<number, Mention[]>();
    for (let idx = 0; idx < mentions.length; idx++) {
      const m = mentions[idx]!;
      for (let t = m.tokenStart; t < m.tokenEnd; t++) if (owner[t] === -1) owner[t] = idx;
      const list = sameSpan.get(m.tokenStart);
      if (list) list.push(m);
      else sameSpan.set(m.tokenStart, [m]);
    }
    return {
      doc: input.doc,
      tokens: input.doc.tokens,
      owner,
      mentions,
      sameSpan,
      homeCountry: input.homeCountry,
      mainCountry: mainCountry(mentions),
      places: input.places ?? [],
      subjectCountry: new Map(),
      victimPlace: new Map(),
    };
  }

  /**
   * Reported speech: "Iran said it will …", "the rebels announced that they had …" — a subject pronoun opening the
   * clause a verb of saying introduces stands for the speaker (when the actor stage left it unresolved).
   */
  private reportedPronouns(ctx: Ctx): Mention[] {
    const tokens = ctx.tokens;
    const out: Mention[] = [];
    for (let v = 0; v + 1 < tokens.length; v++) {
      const tk = tokens[v]!;
      if (tk.pos !== "VERB") continue;
      const stance = !this.lexicon.report.has(tk.lemma);
      if (stance && !this.lexicon.stance.has(tk.lemma)) continue;
      const p = tokens[v + 1]!.lower === "that" ? v + 2 : v + 1;
      const pron = tokens[p];
      if (!pron || !SUBJECT_PRONOUNS.has(pron.lower) || ctx.owner[p] !== -1 || pron.sentence !== tk.sentence)
        continue;
      // "Hamas admitted that it carried out …", never "the army denied it" (the pronoun is the object there)
      if (stance && !subjectPosition(tokens, p)) continue;
      const sentence = ctx.doc.sentences[tk.sentence]!;
      const segments = segmentSentence(
        tokens,
        sentence.tokenStart,
        sentence.tokenEnd,
        this.lexicon,
        (t) => ctx.owner[t] !== -1,
      );
      const st = statementAt(ctx, segments, v, this.lexicon);
      const speakers = st?.source ?? [];
      const plural = pron.lower === "they";
      if (!speakers.length || (speakers.length > 1 && !plural)) continue;
      for (const sp of speakers) {
        // "he"/"she" stand for a person, "it" for a state, organisation or body — never a person or a plural
        // ("the prime minister", "officials"); "they" for several speakers, a group or a body, never one named person
        const person = personLike(sp, this.lexicon);
        const many = pluralAgent(sp, this.lexicon);
        if ((pron.lower === "he" || pron.lower === "she") && (!person || many)) continue;
        if (pron.lower === "it" && (person || many || sp.kind === "pronoun")) continue;
        // a spokesman's or an official's "they" is the body they speak for (the agent's own code); a named one's is not
        if (plural && speakers.length === 1 && (sp.kind === "person" || sp.entity.startsWith("person:")))
          continue;
        out.push(atPronoun(sp, pron, p, `coref: "${pron.text}" after "${tk.text}" → its speaker ${sp.name}`));
      }
    }
    return out;
  }

  /**
   * "it" / "they" standing for a state, organisation or group the actor stage left unresolved: as a subject ("…
   * Iran. It also expelled …", "they have attacked"), the latest actor of that kind that was itself a subject, in
   * this sentence or the two before; after at / against / on / with / to ("fired at it"), only the subject of its
   * own sentence. "It is clear that …", "it was reported" are no reference.
   */
  private statePronouns(ctx: Ctx): Mention[] {
    const tokens = ctx.tokens;
    const out: Mention[] = [];
    for (let p = 0; p < tokens.length; p++) {
      const pron = tokens[p]!;
      const w = pron.lower;
      if ((w !== "it" && w !== "they" && w !== "them") || pron.pos !== "PRON" || ctx.owner[p] !== -1)
        continue;
      const before = tokens[p - 1];
      const object = !!before && before.sentence === pron.sentence && OBJECT_PREP.has(before.lower);
      if (!object && (w === "them" || !subjectPosition(tokens, p))) continue;
      const sentence = ctx.doc.sentences[pron.sentence]!;
      const floor = object ? sentence.tokenStart : (ctx.doc.sentences[pron.sentence - 2]?.tokenStart ?? 0);
      // "the officials they blame": the noun a reduced relative clause hangs on is its object, never its subject
      const isMention = (t: number) => ctx.owner[t] !== -1;
      const head =
        !object &&
        reducedRelativeAt(tokens, p, sentence.tokenStart, sentence.tokenEnd, this.lexicon, isMention)
          ? ctx.owner[p - 1] !== -1
            ? ctx.mentions[ctx.owner[p - 1]!]!.tokenStart
            : p - 1
          : p;
      const antecedent = this.subjectAntecedent(ctx, head, floor, w === "it");
      if (!antecedent.length) continue;
      for (const a of antecedent)
        out.push(atPronoun(a, pron, p, `coref: "${pron.text}" → the latest subject ${a.name}`));
    }
    return out;
  }

  /**
   * "the officials they blame for …": the pronoun subject of a relative clause with no relative pronoun never stands
   * for the noun the clause hangs on (that noun is the verb's object). A pronoun read so by the actor stage is read
   * again from before that noun (the latest subject: "EU leaders … sanctions on officials they blame"), or dropped.
   * Null when no pronoun needs it.
   */
  private relativeSubjects(ctx: Ctx): Mention[] | null {
    const tokens = ctx.tokens;
    const isMention = (t: number) => ctx.owner[t] !== -1;
    let out: Mention[] | null = null;
    for (let idx = 0; idx < ctx.mentions.length; idx++) {
      const pron = ctx.mentions[idx]!;
      const p = pron.tokenStart;
      if (pron.kind !== "pronoun" || pron.tokenEnd !== p + 1 || ctx.owner[p - 1] === -1) continue;
      const head = ctx.mentions[ctx.owner[p - 1]!]!;
      if (!sameActor(head, pron)) continue;
      const sentence = ctx.doc.sentences[pron.sentence]!;
      if (!reducedRelativeAt(tokens, p, sentence.tokenStart, sentence.tokenEnd, this.lexicon, isMention))
        continue;
      out ??= [...ctx.mentions];
      const floor = ctx.doc.sentences[pron.sentence - 2]?.tokenStart ?? 0;
      const w = tokens[p]!.lower;
      const antecedent = this.subjectAntecedent(ctx, head.tokenStart, floor, w === "it");
      const at = out.indexOf(pron);
      out.splice(
        at,
        1,
        ...antecedent.map((a) =>
          atPronoun(
            a,
            tokens[p]!,
            p,
            `coref: "${tokens[p]!.text}" opens a relative clause on "${head.text}" → the latest subject ${a.name}`,
          ),
        ),
      );
    }
    return out;
  }

  /** The latest actor before token `p` (from `floor`) that stands as a subject and fits "it" (singular) or "they". */
  private subjectAntecedent(ctx: Ctx, p: number, floor: number, singular: boolean): Mention[] {
    for (let t = p - 1; t >= floor; t--) {
      const idx = ctx.owner[t]!;
      if (idx === -1) continue;
      const m = ctx.mentions[idx]!;
      t = m.tokenStart;
      if (!asSubject(ctx, m, this.lexicon)) continue;
      const group = groupEndingAt(ctx, m.tokenEnd - 1, ctx.doc.sentences[m.sentence]!.tokenStart - 1);
      if (singular) {
        const fits =
          group.length === 1 &&
          (m.kind === "country" ||
            m.kind === "igo" ||
            (m.kind === "group" && !m.text.endsWith("s")) ||
            (m.kind === "agent" && !pluralAgent(m, this.lexicon) && !personLike(m, this.lexicon)));
        if (fits) return group;
        continue;
      }
      const plural =
        group.length > 1 ||
        ((m.kind === "agent" || m.kind === "group") &&
          m.text.toLowerCase().endsWith("s") &&
          m.country !== null);
      if (plural) return group;
    }
    return [];
  }

  /** Every trigger in the sentence; among overlapping ones the most specific wins. */
  private findTriggers(
    tokens: readonly Token[],
    lemmas: readonly string[],
    pos: readonly string[],
    ss: number,
    se: number,
  ): Trigger[] {
    const found: Trigger[] = [];
    const candidates = this.candidates;
    candidates.startSentence(lemmas, ss, se);
    for (let t = ss; t < se; t++) {
      const entry = candidates.entryAt(t);
      if (entry === undefined) continue;
      const { verbs, nouns } = entry;
      if (!verbs && !nouns) continue;
      candidates.startHead();
      if (verbs) {
        const p = pos[t]!;
        if (
          (p === "VERB" || p === "AUX" || isParticiple(tokens, t) || afterModal(tokens, t)) &&
          !isAttributive(tokens, t, se)
        )
          this.firstMatch(verbs, lemmas, pos, t, se, found);
      }
      if (nouns) this.firstMatch(nouns, lemmas, pos, t, se, found);
    }
    // Drop triggers whose words lie inside a more specific trigger ("hold talk" swallows the noun "talk").
    found.sort(
      (a, b) =>
        b.pattern.specificity - a.pattern.specificity ||
        b.match.matchedIdx.length - a.match.matchedIdx.length,
    );
    const kept: Trigger[] = [];
    for (const tr of found) {
      const container = kept.find(
        (k) =>
          tr.match.matchedIdx.every((i) => k.match.matchedIdx.includes(i) || (i >= k.first && i <= k.last)) &&
          // "accused Moscow of shelling …": a verb after the container's target slot is an event of its own
          !(
            tr.pattern.kind === "verb" &&
            k.match.targetAt !== null &&
            tr.head > k.match.targetAt &&
            tr.head !== k.head
          ) &&
          // "admitted shelling the market", "acknowledged that it carried out the bombing": the act owned up to is
          // an event of its own beside the admission (015)
          !(k.pattern.code === ADMISSION_CODE && tr.head > k.head) &&
          // "is scheduled to attend a summit": an infinitive inside the container's gap is an act of its own
          !(
            tr.pattern.kind === "verb" &&
            tr.head > k.head &&
            !k.match.matchedIdx.includes(tr.head) &&
            tokens[tr.head - 1]?.lower === "to" &&
            tokens[tr.head - 1]!.pos === "PART" &&
            !k.match.matchedIdx.includes(tr.head - 1)
          ),
      );
      if (!container) {
        kept.push(tr);
        continue;
      }
      // "wounded two soldiers in a bomb attack": a generic act of force takes the weapon's code from the noun inside it
      if (
        GENERIC_FORCE.has(container.pattern.code) &&
        tr.pattern.kind === "noun" &&
        isForceCode(tr.pattern.code)
      ) {
        const k = kept.indexOf(container);
        kept[k] = { ...container, code: tr.pattern.code };
      }
    }
    // "lifted its blockade of Gaza", "eased its naval blockade", "the easing of the blockade of Gaza": a noun trigger
    // that is the object another pattern names (it shares a matched word with that pattern, which starts before it)
    // takes that pattern's meaning, even when its own match runs on past the other's ("blockade of {T}", "travel ban
    // on {T}"); a noun of the same root is the same act and stays.
    const objects = kept.filter(
      (tr) =>
        tr.pattern.kind === "noun" &&
        kept.some(
          (k) =>
            k !== tr &&
            k.first < tr.first &&
            tr.match.matchedIdx.some((i) => k.match.matchedIdx.includes(i)) &&
            k.pattern.code.slice(0, 2) !== tr.pattern.code.slice(0, 2) &&
            // criticism and protest keep the act they are about ("accused the army of attacks on villages", "a
            // demonstration against the recognition of Kosovo"), and one act of force naming another ("a suicide
            // bomber struck") is left to the force codes
            !PRESUPPOSING_ROOTS.has(k.pattern.code.slice(0, 2)) &&
            !(FORCE_ROOTS.has(k.pattern.code.slice(0, 2)) && FORCE_ROOTS.has(tr.pattern.code.slice(0, 2))),
        ),
    );
    const result = objects.length ? kept.filter((tr) => !objects.includes(tr)) : kept;
    return result.sort((a, b) => a.first - b.first);
  }

  /**
   * The first pattern of `list` (most specific first) that matches with its head at `t`, added to `found`; none when
   * that match lies in a phrase that is never an event ("trade war", "heart attack").
   */
  private firstMatch(
    list: CandidateList,
    lemmas: readonly string[],
    pos: readonly string[],
    t: number,
    se: number,
    found: Trigger[],
  ): void {
    const candidates = this.candidates;
    // only the patterns whose later words all occur after `t`, in the list's order
    for (let i = candidates.next(list, t, 0); i >= 0; i = candidates.next(list, t, i + 1)) {
      const pattern = list.patterns[i]!;
      const m = this.patterns.match(pattern, lemmas, pos, t, se);
      if (!m) continue;
      const idx = m.matchedIdx;
      if (this.notEvent(lemmas, pos, idx, se)) return;
      let first = Number.POSITIVE_INFINITY;
      let last = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < idx.length; k++) {
        const x = idx[k]!;
        if (x < first) first = x;
        if (x > last) last = x;
      }
      found.push({ pattern, head: t, match: m, first, last });
      return; // lists are most-specific first
    }
  }

  /** A matched word inside a phrase that is never an event ("heart attack", "trade war") voids the trigger. */
  private notEvent(
    lemmas: readonly string[],
    pos: readonly string[],
    idx: readonly number[],
    se: number,
  ): boolean {
    const check = this.patterns.insideNotEvent;
    if (!check) return false;
    for (const i of idx) if (check(lemmas, pos, i, se)) return true;
    return false;
  }

  private hasSportWords(tokens: readonly Token[], ss: number, se: number): boolean {
    for (let t = ss; t < se; t++) {
      const list = this.lexicon.sport.get(tokens[t]!.lower);
      if (list !== undefined && anyPhraseAt(tokens, t, se, list)) return true;
      // a score such as "2-1" or "3–0"
      if (isScore(tokens[t]!.text)) return true;
    }
    return false;
  }

  /** Politics survives sport words if an office-holder, an organisation or an armed group is named. */
  private namesPolitics(ss: number, se: number, ctx: Ctx): boolean {
    for (let t = ss; t < se; t++) {
      const idx = ctx.owner[t]!;
      if (idx === -1) continue;
      const m = ctx.mentions[idx]!;
      if (m.kind === "person" || m.kind === "igo" || m.kind === "group") return true;
    }
    return false;
  }

  /**
   * The speakers of the sentence's verbs of saying (each verb's statement is kept in `said` for the statement events):
   * `speaker`, the subject of the first one ("Putin says …", "…, he said", else a quote's speaker), and `leaders`, the
   * verbs that open what follows ("Israel said (that) …"; not a trailing "…, said the minister") with their speakers,
   * in sentence order.
   */
  private speakers(
    ctx: Ctx,
    sentence: number,
    ss: number,
    se: number,
    segments: readonly Segment[],
    said: Map<number, Statement | null>,
  ): { speaker: Mention | null; leaders: { verb: number; source: Mention }[] } {
    let speaker: Mention | null = null;
    const leaders: { verb: number; source: Mention }[] = [];
    for (let t = ss; t < se; t++) {
      const tk = ctx.tokens[t]!;
      if (tk.pos !== "VERB" || !this.lexicon.report.has(tk.lemma)) continue;
      // the actor right before the verb of saying, or right after it when inverted ("…, said Wang Yi")
      const st = statementAt(ctx, segments, t, this.lexicon);
      said.set(t, st);
      const source = st?.source[0];
      if (!source) continue;
      speaker ??= source;
      if (source.tokenStart <= t) leaders.push({ verb: t, source });
    }
    if (!speaker) {
      const quote = ctx.doc.quotes.find((q) => q.sentence === sentence && q.speaker);
      speaker = quote ? this.quoteSpeaker(ctx, quote) : null;
    }
    return { speaker, leaders };
  }

  private quoteSpeaker(ctx: Ctx, quote: Quote): Mention | null {
    const sp = quote.speaker;
    if (!sp) return null;
    let best: Mention | null = null;
    for (const m of ctx.mentions) {
      if (m.end <= sp.start || m.start >= sp.end) continue;
      if (!best || m.kind === "person") best = m;
    }
    return best;
  }

  /** "we", "our", "I" inside a quote stand for its speaker. */
  private withFirstPerson(doc: Doc, mentions: readonly Mention[]): Mention[] {
    const out = [...mentions];
    const quotes = doc.quotes.filter((q) => q.speaker);
    if (!quotes.length) return out;
    const ctx0: Ctx = {
      doc,
      tokens: doc.tokens,
      owner: new Int32Array(0),
      mentions,
      sameSpan: new Map(),
      homeCountry: null,
      mainCountry: null,
      places: [],
      subjectCountry: new Map(),
      victimPlace: new Map(),
    };
    const tokens = doc.tokens;
    const covered = new Uint8Array(tokens.length);
    for (const m of mentions) for (let t = m.tokenStart; t < m.tokenEnd; t++) covered[t] = 1;
    let added = false;
    // plain loops, no closures: this runs for every token of an article with a quote
    for (let i = 0; i < tokens.length; i++) {
      const tk = tokens[i]!;
      if (!FIRST_PERSON.has(tk.lower) || covered[i] === 1) continue;
      let q: Quote | undefined;
      for (const qq of quotes)
        if (qq.start <= tk.start && qq.end >= tk.end) {
          q = qq;
          break;
        }
      if (!q) continue;
      const sp = this.quoteSpeaker(ctx0, q);
      if (!sp) continue;
      const plural = tk.lower === "we" || tk.lower === "our" || tk.lower === "us" || tk.lower === "ours";
      out.push({
        ...atPronoun(sp, tk, i, `coref: "${tk.text}" in a quote → its speaker ${sp.name}`),
        code: plural && sp.country ? `${sp.country}${sp.sector ?? ""}` : sp.code,
      });
      added = true;
    }
    if (added) out.sort((a, b) => a.start - b.start || b.end - a.end);
    return out;
  }

  private eventDate(doc: Doc, sentence: number, at: number): string | null {
    let best: { d: number; date: string } | null = null;
    for (const t of doc.times) {
      if (t.sentence !== sentence) continue;
      const d = Math.abs(t.start - at);
      if (!best || d < best.d) best = { d, date: t.date };
    }
    return best?.date ?? null;
  }
}

/** What the coder does beyond the event patterns. */
export interface CoderOptions {
  /**
   * Emit a CAMEO 010 "make statement" event for each political actor that says, announces or tells something
   * ("X said Y attacked Z" → X 010 besides Y→Z), unless a more specific 01x event of the same speaker is coded there.
   */
  readonly statements: boolean;
  /**
   * Beside a future act announced by its own actor, emit the speech act CAMEO codes for it (see `intentOf`):
   * "Germany will send tanks" is 072 with status future and an asserted 0332 intent.
   */
  readonly intents: boolean;
}

const INTENT_ROOTS = new Set(["03", "12", "13"]);
/** Visits and hosted visits: between states, never to the visitor's own country. */
const VISIT_CODES = new Set(["042", "043"]);

/** Generic killing / shooting / attacking codes of root 19 that root 18 takes over outside combat. */
const GENERIC_FORCE = new Set(["190", "193"]);
const FORCE_ROOTS = new Set(["18", "19", "20"]);
/** Acknowledge or claim responsibility: its pattern names the act owned up to, which is coded as well. */
const ADMISSION_CODE = "015";
/** Roots whose patterns name an act that happened: disapprove (accuse, condemn) and protest. */
const PRESUPPOSING_ROOTS = new Set(["11", "14"]);

/** A code of assault, fight or mass violence (roots 18–20) more specific than the generic 180 / 190 / 200. */
function isForceCode(code: string): boolean {
  const root = code.slice(0, 2);
  return (root === "18" || root === "19" || root === "20") && code.length > 2 && !code.endsWith("0");
}
/** Sectors of non-state perpetrators: militants, criminals, civilians, unnamed gunmen. */
const NON_STATE = new Set(["REB", "CRM", "CVL", "OPP", "UAF", "INS"]);

/**
 * CAMEO keeps "fight" (19) for combat by armed forces and "assault" (18) for violence outside it: a generic kill /
 * shoot / attack (190, 193) by a non-state perpetrator (militants, gunmen, criminals) on anyone but an armed force
 * is 180 — "militants stormed a hotel, killing 20" — while soldiers, states and attacks on troops stay 19.
 */
export function violenceCode(code: string, src: Mention, tgt: Mention | null): string {
  if (!GENERIC_FORCE.has(code)) return code;
  const perpetrator = src.sector ?? "";
  if (!NON_STATE.has(perpetrator.slice(0, 3))) return code;
  if (tgt && (tgt.sector === "MIL" || tgt.sector === "COP" || tgt.sector === "SPY")) return code;
  return "180";
}

/**
 * Violence or destruction by protesters ("rioters clashed with police", "a protester demolished the building") is a
 * violent protest (145) in CAMEO, not an assault, a generic fight or a seizure of property.
 */
export function riotCode(code: string, byProtesters: boolean): string {
  if (!byProtesters) return code;
  const root = code.slice(0, 2);
  // weapons of war (194 artillery and tanks, 195 missiles and air strikes …) stay what they are
  if (root === "18" || code === "190" || code.startsWith("171")) return "145";
  return code;
}

/** Future cooperative act (roots 04–08) → the matching "express intent" code of root 03. */
const INTENT_OF: Readonly<Record<string, string>> = {
  "04": "036",
  "05": "032",
  "06": "031",
  "061": "0311",
  "062": "0312",
  "063": "0313",
  "064": "0314",
  "07": "033",
  "071": "0331",
  "072": "0332",
  "073": "0333",
  "074": "0334",
  "08": "035",
  "081": "0351",
  "082": "0352",
  "083": "034",
  "084": "0353",
  "085": "0354",
  "086": "0355",
  "087": "0356",
};
/** Future (or conditional) coercive act (roots 14, 16–20) → the matching "threaten" code of root 13. */
const THREAT_OF: Readonly<Record<string, string>> = {
  "14": "133",
  "16": "131",
  "161": "1313",
  "162": "1313",
  "163": "1312",
  "164": "1313",
  "166": "136",
  "17": "137",
  "172": "132",
  "18": "138",
  "19": "138",
  "191": "1381",
  "192": "1382",
  "20": "138",
};
/** "Will not" + cooperative act (roots 04–08) → the matching "reject / refuse" code of root 12. */
const REFUSAL_OF: Readonly<Record<string, string>> = {
  "04": "125",
  "05": "120",
  "06": "121",
  "061": "1211",
  "062": "1212",
  "063": "1213",
  "07": "120",
  "08": "124",
  "081": "1241",
  "082": "1242",
  "084": "1243",
  "085": "1244",
  "086": "1245",
  "087": "1246",
};
const WILL_WORDS = new Set(["will", "would", "wo", "'ll", "shall"]);
const NOT_WORDS = new Set(["not", "n't", "never"]);
/** Verbs of aiming whose subject is also the actor of the infinitive right after them ("seeks to", "wants to"). */
const AIM_VERBS = new Set(["seek", "want", "hope", "wish", "aim", "strive", "endeavor", "endeavour"]);

/** The verb trigger at `head` is the infinitive right after an aim verb: "seeking to deepen", "wants to attack". */
function ownAimAt(tokens: readonly Token[], head: number): boolean {
  const to = tokens[head - 1];
  return to?.lower === "to" && to.pos === "PART" && AIM_VERBS.has(tokens[head - 2]?.lemma ?? "");
}

/**
 * The verb trigger at `head` is the infinitive of a verb by which its subject commits itself ("vowed to crack down",
 * "pledged on Monday to send troops"; data/code/verbs.tsv `commit`): the subject announced the act itself.
 */
function ownPledgeAt(tokens: readonly Token[], head: number, commit: ReadonlySet<string>): boolean {
  const to = tokens[head - 1];
  if (to?.lower !== "to" || to.pos !== "PART") return false;
  let k = head - 2;
  for (; k >= head - 5 && tokens[k]; k--) {
    const w = tokens[k]!;
    if (w.pos === "ADV" || DAY_WORDS.has(w.lower)) continue;
    if (w.lower === "on" && DAY_WORDS.has(tokens[k + 1]?.lower ?? "")) continue;
    break;
  }
  return commit.has(tokens[k]?.lemma ?? "");
}

/**
 * A bare intent to cooperate ("pledged to", "agreed to", "is ready to": root 03 ending in "to") whose infinitive is
 * a coercive act (roots 14, 16–20) is no offer of cooperation: "pledged to expel the workers" is a threat, which
 * the act itself announces (13x).
 */
function coercionPromised(tokens: readonly Token[], triggers: readonly Trigger[], tr: Trigger): boolean {
  if (!tr.pattern.code.startsWith("03") || tokens[tr.last]!.lower !== "to") return false;
  let v = tr.last + 1;
  if (tokens[v]?.pos === "ADV") v++;
  for (const o of triggers) {
    if (o.pattern.kind !== "verb" || o.head !== v) continue;
    const root = o.pattern.code.slice(0, 2);
    if (root === "14" || (root >= "16" && root <= "20")) return true;
  }
  return false;
}

function lookup(table: Readonly<Record<string, string>>, code: string): string | null {
  return table[code.slice(0, 3)] ?? table[code.slice(0, 2)] ?? null;
}

/**
 * CAMEO codes announcements of future acts as speech acts: "X will visit / send aid / release" is an intent (03),
 * "X will impose sanctions / strike" a threat (13; also when conditional: "… if Y does not comply"), "X will not
 * meet / release" a refusal (12). A threat is returned only when the act's own actor announces it (no speaker, or a
 * speaker of the same country): "Russia will attack, a US official said" is a prediction, not a Russian threat. A
 * planned visit or aid announced by the other side ("X will visit, Y's embassy said") is still X's stated intent.
 * `ownAim`: the act is the infinitive of the subject's own aim ("seeks to deepen ties", "wants to attack"), a
 * hypothetical that states an intent (03) or a threat (13) just as a future does.
 */
export function intentOf(
  code: string,
  modality: Modality,
  src: Mention,
  speaker: Mention | null,
  ownAim = false,
  ownPledge = false,
): string | null {
  const root = code.slice(0, 2);
  const cooperative = root >= "04" && root <= "08";
  const coercive = root === "14" || (root >= "16" && root <= "20");
  // "… since Trump vowed to crack down, Mexican officials said": the vow is Trump's own, the speaker only reports it
  if (coercive && speaker && speaker.country !== src.country && !ownPledge) return null;
  const words = modality.cues.map((c) => c.toLowerCase());
  const will = words.some(
    (w) =>
      WILL_WORDS.has(w.split(" ")[0]!.replace(/n't$/, "")) || w.startsWith("plan") || w.startsWith("intend"),
  );
  const not = words.some((w) => NOT_WORDS.has(w) || w.endsWith("n't"));
  if (cooperative && not && will) return lookup(REFUSAL_OF, code);
  if (not) return null;
  // "seeks to deepen ties", "wants to attack": the subject states its own aim
  const aim = ownAim && modality.status === "hypothetical";
  if (cooperative && (modality.status === "future" || aim)) return lookup(INTENT_OF, code);
  if (coercive && (modality.status === "future" || aim || (modality.status === "conditional" && will)))
    return lookup(THREAT_OF, code);
  return null;
}

const ACCUSE_CODE = "112";
/** Hostile acts a state accuses another of by reporting them: coercion, assault, fight, mass violence. */
const ACCUSABLE_ROOTS = new Set(["17", "18", "19", "20"]);

/**
 * "X said (that) Y attacked …": X accuses Y (112) when X is a political speaker (not media, police or doctors),
 * Y is someone of another country, and the act is told as fact (asserted or claimed, not predicted or denied).
 */
function accuserOf(speaker: Mention, src: Mention, modality: Modality, code: string): Mention | null {
  if (!ACCUSABLE_ROOTS.has(code.slice(0, 2))) return null;
  if (modality.status !== "asserted" && modality.status !== "reported_claim") return null;
  if (!isPolitical(speaker) || (speaker.sector && NOT_SPEAKERS.has(speaker.sector))) return null;
  if (!speaker.country || !src.country || sameActor(speaker, src)) return null;
  // at home only the opposition, rebels or a rights group accuse their own state's forces: "the Syrian Observatory
  // said eight people were killed in a strike by government forces"; the accused must be named, not the authorities
  // the coder supplied for a passive ("he had been disqualified")
  if (
    speaker.country === src.country &&
    !(sectorIn(speaker, DISSENT_SECTORS) && stateOrgan(src) && !src.entity.startsWith("authorities:"))
  )
    return null;
  return speaker;
}

/** Sectors of those who hold their own state to account: opposition, rebels, insurgents, rights groups. */
const DISSENT_SECTORS = new Set(["OPP", "REB", "INS", "HRI"]);
/** Sectors of a state's own organs: government, armed forces, police, intelligence. */
const STATE_SECTORS = new Set(["GOV", "MIL", "COP", "SPY"]);

/** Whether one of the 3-letter parts of the mention's sector ("OPPHRI" → OPP, HRI) is in `set`. */
function sectorIn(m: Mention, set: ReadonlySet<string>): boolean {
  const sector = m.sector ?? "";
  for (let i = 0; i + 3 <= sector.length; i += 3) if (set.has(sector.slice(i, i + 3))) return true;
  return false;
}

/** The state itself ("Syria") or one of its organs ("government forces", "the police"), not its rebels or people. */
function stateOrgan(m: Mention): boolean {
  if (!m.sector) return m.kind === "country";
  return STATE_SECTORS.has(m.sector.slice(0, 3)) && !sectorIn(m, DISSENT_SECTORS);
}

/** The first token of a noun trigger that is the object of the verb of saying at `v` ("announced new sanctions"). */
function announcedNoun(tokens: readonly Token[], triggers: readonly Trigger[], v: number): number | null {
  for (const tr of triggers) {
    if (tr.pattern.kind !== "noun" || tr.first <= v || tr.first > v + 4) continue;
    let plain = true;
    for (let k = v + 1; k < tr.first; k++) if (!NOUN_PHRASE_START.has(tokens[k]!.pos)) plain = false;
    if (plain) return tr.first;
  }
  return null;
}
const NOUN_PHRASE_START = new Set(["DET", "ADJ", "NUM", "NOUN", "PROPN"]);

const STATEMENT_CODE = "010";
const DEMAND_CODE = "100";
const OBLIGATION = new Set(["must", "should", "ought"]);

/**
 * "X said that Y must / should / has to …": the subject Y of an obligation in the clause a verb of saying at `v`
 * introduces, or null.
 */
function obligationSubject(ctx: Ctx, segments: readonly Segment[], v: number): Group | null {
  const seg = segmentIndexOf(segments, v);
  const next = segments[seg + 1];
  if (!next || (next.opener !== "that" && next.opener !== "report") || next.start > v + 2) return null;
  const tokens = ctx.tokens;
  for (let i = next.start; i < next.end; i++) {
    const tk = tokens[i]!;
    const modal =
      (OBLIGATION.has(tk.lower) && tk.pos === "AUX") ||
      ((tk.lemma === "have" || tk.lemma === "need") &&
        tokens[i + 1]?.lower === "to" &&
        tokens[i + 1]!.pos === "PART");
    if (!modal) continue;
    for (let t = i - 1; t >= next.start; t--)
      if (ctx.owner[t] !== -1) return groupEndingAt(ctx, t, next.start - 1);
    return null;
  }
  return null;
}
/** Roots whose events are speech acts: what they announce, promise or threaten is not the event itself. */
const SPEECH_ACT_ROOTS = new Set(["01", "02", "03", "10", "11", "12", "13"]);
/** Prepositions that present their noun as a fact already happened: "after the strikes", "amid protests". */
const PRESUPPOSING = new Set([
  "after",
  "following",
  "amid",
  "amidst",
  "despite",
  "during",
  "since",
  "over",
  "at",
]);

/** If the noun trigger at `first` sits in a presupposing prepositional phrase, where that phrase starts. */
function presupposed(ctx: Ctx, first: number, floor: number): { presupposedFrom?: number } {
  const tokens = ctx.tokens;
  for (let i = first - 1; i >= floor && i >= first - 10; i--) {
    const tk = tokens[i]!;
    if (ctx.owner[i] !== -1 || tk.lower === "of" || tk.lower === "'s" || tk.lower === "-") continue;
    const p = tk.pos;
    if (p === "DET" || p === "ADJ" || p === "NOUN" || p === "PROPN" || p === "NUM") continue;
    if (p === "ADP" || p === "SCONJ") {
      const w = tk.lower;
      if (PRESUPPOSING.has(w)) return { presupposedFrom: i };
      // "in response to the attack", "in retaliation for the strikes"
      if (
        (w === "to" || w === "for") &&
        (tokens[i - 1]?.lower === "response" || tokens[i - 1]?.lower === "retaliation")
      )
        return { presupposedFrom: i - 2 };
    }
    break;
  }
  return {};
}
/** Verbs of saying that also take plain objects ("added troops", "posted a video"): a statement only before speech. */
const LOOSE_SAYING = new Set([
  "add",
  "post",
  "write",
  "note",
  "reply",
  "respond",
  "comment",
  "confirm",
  "acknowledge",
  "remark",
]);
const SPEECH_NEXT = new Set([
  "that",
  ",",
  ".",
  ":",
  '"',
  "“",
  "”",
  "'",
  "‘",
  "’",
  "on",
  "in",
  "at",
  "to",
  "--",
  "—",
]);

interface Statement {
  readonly source: Group;
  readonly target: Mention | null;
  readonly confidence: number;
}

/**
 * The speaker of a verb of saying at `v`: the actor right before it ("Russia's foreign ministry said", "Obama on
 * Tuesday said", "Carrie Lam, the city's leader, said") or, after a quote or comma, right after it ("…, said
 * Foreign Minister Wang Yi"). An actor further away is not taken: "… in Pakistan's Swat valley, officials said"
 * is not a statement by Pakistan.
 */
function statementAt(ctx: Ctx, segments: readonly Segment[], v: number, lexicon: Lexicon): Statement | null {
  const tokens = ctx.tokens;
  const seg = segments[segmentIndexOf(segments, v)]!;
  if (isPassive(ctx, v, seg.start)) return null; // "was told", "was quoted as saying"
  const lemma = tokens[v]!.lemma;
  const next = tokens[v + 1];
  if (LOOSE_SAYING.has(lemma) && next && !SPEECH_NEXT.has(next.lower)) return null;
  void lexicon;
  const times = timeTokens(ctx, v);
  let t = v - 1;
  const isTime = (i: number) => times.has(i) || DAY_WORDS.has(tokens[i]!.lower);
  while (
    t >= seg.start &&
    (SKIP_BEFORE_VERB.has(tokens[t]!.pos) || isTime(t) || (tokens[t]!.lower === "on" && isTime(t + 1)))
  )
    t--;
  // "officials and witnesses said": the actor of a pair whose other half is no actor
  if (
    t - 2 >= seg.start &&
    ctx.owner[t] === -1 &&
    tokens[t]!.pos === "NOUN" &&
    tokens[t - 1]!.lower === "and" &&
    ctx.owner[t - 2] !== -1
  )
    t -= 2;
  let source: Group = [];
  let confidence = 0.75;
  if (t >= seg.start && ctx.owner[t] !== -1) source = groupEndingAt(ctx, t, seg.start - 1);
  else if (t > seg.start && tokens[t]!.lower === ",") {
    // an apposition between the speaker and the verb: "Carrie Lam, the chief executive of Hong Kong, said"
    let k = t - 1;
    while (k > seg.start && k > t - 14 && tokens[k]!.lower !== ",") k--;
    if (tokens[k]!.lower === "," && k - 1 >= seg.start && ctx.owner[k - 1] !== -1) {
      source = groupEndingAt(ctx, k - 1, seg.start - 1);
      confidence = 0.7;
    }
  }
  if (!source.length) {
    const before = tokens[v - 1]?.lower ?? "";
    if (before === "," || QUOTE_MARKS.has(before)) {
      let k = v + 1;
      while (
        k < seg.end &&
        k < v + 3 &&
        ctx.owner[k] === -1 &&
        (tokens[k]!.pos === "DET" || tokens[k]!.pos === "ADJ")
      )
        k++;
      if (k < seg.end && ctx.owner[k] !== -1) {
        source = groupStartingAt(ctx, ctx.mentions[ctx.owner[k]!]!.tokenStart, seg.end);
        confidence = 0.7;
      }
    }
  }
  // "Kyodo quoted a government source as saying": the one quoted is the speaker
  if (lemma === "quote") {
    source = [];
    for (let k = v + 1; k < seg.end && k < v + 8; k++) {
      if (tokens[k]!.lower === "as") break;
      if (ctx.owner[k] !== -1) {
        source = groupStartingAt(ctx, ctx.mentions[ctx.owner[k]!]!.tokenStart, seg.end);
        break;
      }
    }
  }
  if (!source.length) return null;
  let target: Mention | null = null;
  if (lemma === "tell" || lemma === "told" || lemma === "inform" || lemma === "assure") {
    let k = v + 1;
    while (k < seg.end && tokens[k]!.pos === "DET") k++;
    if (ctx.owner[k] !== -1 && ctx.owner[k] !== undefined) target = mentionsAt(ctx, k)[0] ?? null;
  }
  return { source, target, confidence };
}

const SKIP_BEFORE_VERB = new Set(["ADV", "AUX", "PART"]);
/**
 * Sectors whose sayings are not political statements ("doctors say", "residents said", "media reported"); police
 * statements about a crime are attribution, not politics.
 */
const NOT_SPEAKERS = new Set(["CVL", "BUS", "CRM", "HLH", "EDU", "MED", "REF", "AGR", "COP"]);
/** Time words that may stand between a speaker and the verb without "on": "Chinese authorities Thursday announced". */
const DAY_WORDS = new Set([...WEEKDAY_NAMES, "today", "yesterday", "tonight", "earlier", "later", "late"]);

/**
 * Modality of a statement: only cues on the verb of saying itself ("did not say", "will announce", "could tell"),
 * never those of what was said — "Turkey could block the bid, an official said" is an asserted statement.
 */
function statementModality(tokens: readonly Token[], cues: readonly FoundCue[], v: number): Modality {
  const words: string[] = [];
  let status: Modality["status"] = "asserted";
  for (const c of cues) {
    if (c.end > v || c.start < v - 4) continue;
    let chain = true;
    for (let k = c.end; k < v; k++) if (!SKIP_BEFORE_VERB.has(tokens[k]!.pos)) chain = false;
    if (!chain) continue;
    if (status === "asserted" || c.cue.status === "negated") status = c.cue.status;
    words.push(
      tokens
        .slice(c.start, c.end)
        .map((t) => t.text)
        .join(" "),
    );
  }
  return { status, cues: words };
}
const QUOTE_MARKS = new Set(['"', "“", "”", "'", "‘", "’", "''", "``"]);

/** Token indices covered by time expressions in the sentence of token `v` ("on Tuesday", "last week"). */
function timeTokens(ctx: Ctx, v: number): Set<number> {
  const out = new Set<number>();
  const sentence = ctx.tokens[v]!.sentence;
  for (const x of ctx.doc.times) {
    if (x.sentence !== sentence) continue;
    for (let t = v - 1; t >= 0 && ctx.tokens[t]!.sentence === sentence; t--) {
      const tk = ctx.tokens[t]!;
      if (tk.start >= x.start && tk.end <= x.end) out.add(t);
      if (tk.end < x.start) break;
    }
  }
  return out;
}

interface Ctx {
  readonly doc: Doc;
  readonly tokens: readonly Token[];
  readonly owner: Int32Array;
  readonly mentions: readonly Mention[];
  readonly sameSpan: ReadonlyMap<number, readonly Mention[]>;
  readonly homeCountry: string | null;
  /** The country the article names most often (first named on a tie): the fallback for agents with no country. */
  readonly mainCountry: string | null;
  readonly places: readonly {
    readonly start: number;
    readonly end: number;
    readonly country: string | null;
  }[];
  /** Per sentence, the country of its subject state (see `sentenceSubjectCountry`), filled lazily. */
  readonly subjectCountry: Map<number, string | null>;
  /** Per sentence, the country of the place its victims are in (see `sentencePlace`), filled lazily. */
  readonly victimPlace: Map<number, string | null>;
}

interface Roles {
  readonly sources: Group;
  readonly targets: Group;
  /** Sources act on each other ("joint exercises", "talks between A and B"). */
  readonly reciprocal: boolean;
  /** First source acts on the second ("a Russia-China alliance"). */
  readonly ordered: boolean;
  readonly requireTarget: boolean;
  /** Token distance between the trigger and its actors, for confidence. */
  readonly distance: number;
}

function mainCountry(mentions: readonly Mention[]): string | null {
  const counts = new Map<string, number>();
  let best: string | null = null;
  for (const m of mentions) {
    if (!m.country || !isCountryCode(m.country)) continue;
    const n = (counts.get(m.country) ?? 0) + 1;
    counts.set(m.country, n);
    if (!best || n > counts.get(best)!) best = m.country;
  }
  return best;
}

function phraseAt(tokens: readonly Token[], t: number, end: number, p: Phrase): boolean {
  if (t + p.words.length > end) return false;
  for (let k = 0; k < p.words.length; k++) {
    const tk = tokens[t + k]!;
    if (tk.lower !== p.words[k] && tk.lemma !== p.words[k]) return false;
  }
  return true;
}

/** True when one of `phrases` starts at token `t` (a plain loop: a closure here would cost an allocation per token). */
function anyPhraseAt(tokens: readonly Token[], t: number, end: number, phrases: readonly Phrase[]): boolean {
  for (let k = 0; k < phrases.length; k++) if (phraseAt(tokens, t, end, phrases[k]!)) return true;
  return false;
}

/** All mentions sharing the span that starts at token `t` ("the two countries" → two actors). */
function mentionsAt(ctx: Ctx, t: number): Mention[] {
  const idx = ctx.owner[t]!;
  if (idx === -1) return [];
  const m = ctx.mentions[idx]!;
  const all = ctx.sameSpan.get(m.tokenStart) ?? [m];
  return all.map((x) => withCountry(ctx, x));
}

/** An agent named without a country ("police", "rebels") takes one from "of/in/from X" after it, else the dateline. */
function withCountry(ctx: Ctx, m: Mention): Mention {
  const borrowed = m.country !== null && m.kind === "agent" && m.why.includes(CONTEXT_WHY);
  if (m.country && !borrowed) return m;
  let country: string | null = null;
  const tokens = ctx.tokens;
  for (let t = m.tokenEnd; t < Math.min(tokens.length, m.tokenEnd + 6); t++) {
    const w = tokens[t]!.lower;
    if (t === m.tokenEnd && w !== "of" && w !== "in" && w !== "from") break;
    // "dissidents from military-ruled Myanmar": skip the words of a modifier, nothing else
    if (t > m.tokenEnd + 1 && ctx.owner[t] === -1 && !MODIFIER_POS.has(tokens[t]!.pos) && w !== "-") break;
    const idx = ctx.owner[t]!;
    if (idx !== -1 && ctx.mentions[idx]!.country) {
      country = ctx.mentions[idx]!.country;
      break;
    }
    const at = tokens[t]!.start;
    const place = ctx.places.find((p) => p.start <= at && p.end > at && p.country);
    if (place) {
      country = place.country;
      break;
    }
  }
  const guessed = !country;
  // the victims of a killing are the place's people ("Four children were killed in Gaza"); any other agent belongs to
  // the state acting as subject of its sentence ("Spain will send tanks to Ukraine, the defence ministry said")
  // so are the members of a community with no state of its own ("non-Muslims at a mall in Kenya's capital")
  const community = m.kind === "agent" && !m.sector && !m.country;
  if (!country)
    country = VICTIM_SECTORS.has(m.sector ?? "") || community ? sentencePlace(ctx, m.sentence) : null;
  if (borrowed) {
    country ??= sentenceSubjectCountry(ctx, m);
    // the actor stage borrowed the latest country named; the sentence's own subject state is the better guess
    const out =
      country && country !== m.country
        ? {
            ...m,
            country,
            code: `${country}${m.sector ?? ""}`,
            why: `${m.why}; sentence subject: ${country}`,
          }
        : m;
    if (guessed) {
      COUNTRY_GUESSED.add(out);
      COUNTRY_WEAK.add(out);
    }
    return out;
  }
  // a sentence that opens on its scene ("In Minsk, police detained…") places its unnamed agents there, before the
  // dateline; otherwise a dateline names where the story's unnamed officials are; without one, the sentence's
  // subject state, and only then the state the article names most
  const scene = country ? null : (sceneCountry(ctx, m.sentence) ?? continuedScene(ctx, m.sentence));
  country ??= scene;
  const dateline = scene ?? (!country && ctx.homeCountry ? ctx.homeCountry : null);
  country ??= ctx.homeCountry ?? sentenceSubjectCountry(ctx, m) ?? ctx.mainCountry;
  if (!country) return m;
  const out = {
    ...m,
    country,
    code: `${country}${m.sector ?? ""}`,
    why: `${m.why}; country from context: ${country}`,
  };
  if (guessed) COUNTRY_GUESSED.add(out);
  if (guessed && !dateline) COUNTRY_WEAK.add(out);
  return out;
}

/** The actor `antecedent` stands for, as a mention at the pronoun token `token` (index `at`). */
function atPronoun(antecedent: Mention, token: Token, at: number, why: string): Mention {
  return {
    ...antecedent,
    start: token.start,
    end: token.end,
    tokenStart: at,
    tokenEnd: at + 1,
    sentence: token.sentence,
    text: token.text,
    kind: "pronoun",
    why,
  };
}

/**
 * One person, or persons named by a person noun: a known person, an office holder ("the Russian president"), or an
 * agent noun flagged `person` in data/actors/agents.tsv ("the prime minister", "officials", "a World Bank chief").
 */
function personLike(m: Mention, lexicon: Lexicon): boolean {
  if (m.kind === "person" || m.entity.startsWith("person:")) return true;
  return m.kind === "agent" && lexicon.agents.get(m.entity)?.person === true;
}

/** An agent named in its plural form ("officials", "the rebels", "governments"). */
function pluralAgent(m: Mention, lexicon: Lexicon): boolean {
  if (m.kind !== "agent") return false;
  const text = m.text.toLowerCase();
  const plural = lexicon.agents.get(m.entity)?.plural;
  return plural ? text.endsWith(plural) : text.endsWith("s");
}

/** An agent mention that ends in a proper name ("party chief Ana Ruiz"): a named, titled person, not a bare role. */
function namedPerson(ctx: Ctx, m: Mention): boolean {
  return m.tokenEnd - m.tokenStart >= 2 && ctx.tokens[m.tokenEnd - 1]?.pos === "PROPN";
}

/** Prepositions after which "it" / "them" is the one acted upon ("fired at it", "sanctions against them"). */
const OBJECT_PREP = new Set(["at", "against", "on", "with", "to"]);
/** Verbs after which "it is …" is no reference to an actor: "it is clear", "it seems", "it was reported". */
const EXPLETIVE_VERBS = new Set([
  "seem",
  "appear",
  "remain",
  "become",
  "matter",
  "happen",
  "look",
  "mean",
  "take",
]);

/**
 * "it" / "they" at `p` heads a clause as its subject: a verb or auxiliary follows (over adverbs), and "it" is not the
 * dummy subject of "it is clear / it seems / it was reported that".
 */
function subjectPosition(tokens: readonly Token[], p: number): boolean {
  let k = p + 1;
  while (tokens[k]?.pos === "ADV") k++;
  const v = tokens[k];
  if (!v || (v.pos !== "VERB" && v.pos !== "AUX")) return false;
  if (EXPLETIVE_VERBS.has(v.lemma)) return false;
  if (tokens[p]!.lower === "it" && v.pos === "AUX" && (v.lemma === "be" || v.lemma === "have")) {
    // "it is clear", "it was a mistake", "it has been reported": only "it is holding / it has sent" refer
    let j = k + 1;
    while (tokens[j]?.pos === "ADV" || tokens[j]?.pos === "PART" || tokens[j]?.lemma === "be") j++;
    const n = tokens[j];
    if (n?.pos !== "VERB") return false;
    if (n.lower.endsWith("ed") && v.lemma === "be") return false; // "it was reported"
  }
  return true;
}

const SUBJECT_SKIP = new Set(["DET", "ADJ", "NUM"]);
/** A mention standing as a subject: not inside a prepositional phrase and not the object of a verb. */
function asSubject(ctx: Ctx, m: Mention, lexicon: Lexicon): boolean {
  const s = ctx.doc.sentences[m.sentence]!;
  let k = m.tokenStart - 1;
  while (k >= s.tokenStart && SUBJECT_SKIP.has(ctx.tokens[k]!.pos)) k--;
  if (k < s.tokenStart) return true;
  const tk = ctx.tokens[k]!;
  if (tk.pos === "ADP" || tk.pos === "SCONJ") return tk.lower === "that";
  if (tk.pos === "VERB") return lexicon.report.has(tk.lemma);
  return true;
}

/** How the actor stage marks an agent whose country it took from the text before it (src/actors/mention-finder.ts). */
const CONTEXT_WHY = "; country from context:";
const MODIFIER_POS = new Set(["ADJ", "DET", "VERB", "NOUN", "PUNCT"]);
/** Agents who are the people of a place rather than a state's organ: civilians, residents, refugees. */
const VICTIM_SECTORS = new Set(["CVL", "REF"]);

/** The country of the first place named in a sentence with a country, or null. */
/** Prepositions that open a sentence on its scene: "In Minsk, …", "Near Kherson, …", "Outside the embassy in Paris, …". */
const SCENE_PREPOSITIONS = new Set([
  "in",
  "at",
  "near",
  "outside",
  "inside",
  "across",
  "throughout",
  "around",
]);

/**
 * The country of the place a sentence opens on ("In Minsk, police detained…" → BLR): a scene preposition, then within
 * six words a place with a country, then a comma. Null when the sentence opens otherwise.
 */
function sceneCountry(ctx: Ctx, sentence: number): string | null {
  const s = ctx.doc.sentences[sentence];
  if (!s) return null;
  // the first sentence opens after its dateline: "ROME (Wire) — In Tunis, police …"
  let first = s.tokenStart;
  const dateline = ctx.doc.dateline;
  if (dateline && dateline.start >= s.start && dateline.end <= s.end) {
    while (first < s.tokenEnd && ctx.tokens[first]!.start < dateline.end) first++;
    while (first < s.tokenEnd && ctx.tokens[first]!.pos === "PUNCT") first++;
  }
  if (!SCENE_PREPOSITIONS.has(ctx.tokens[first]?.lower ?? "")) return null;
  let country: string | null = null;
  for (let t = first + 1; t < Math.min(s.tokenEnd, first + 8); t++) {
    const token = ctx.tokens[t]!;
    if (token.text === ",") return country;
    if (country) continue;
    const place = ctx.places.find((p) => p.start <= token.start && p.end > token.start && p.country);
    if (place) country = place.country;
  }
  return null;
}

/**
 * "In Minsk, police detained … . Officers used stun grenades …": a sentence with no scene of its own (no place or
 * state named in it) continues the scene the sentence before it opened on, within the paragraph (up to two sentences
 * back). Null otherwise.
 */
function continuedScene(ctx: Ctx, sentence: number): string | null {
  for (let s = sentence; s > 0 && s > sentence - 2; s--) {
    if (namesScene(ctx, s)) return null;
    const prev = ctx.doc.sentences[s - 1]!;
    const cur = ctx.doc.sentences[s]!;
    if (ctx.doc.text.slice(prev.end, cur.start).includes("\n\n")) return null; // a new paragraph
    const scene = sceneCountry(ctx, s - 1);
    if (scene) return scene;
  }
  return null;
}

/** Whether sentence `s` names a place with a country or a state actor of its own (not one borrowed from context). */
function namesScene(ctx: Ctx, s: number): boolean {
  const sentence = ctx.doc.sentences[s]!;
  for (const p of ctx.places)
    if (p.country && p.start >= sentence.start && p.start < sentence.end) return true;
  for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) {
    const idx = ctx.owner[t]!;
    if (idx === -1) continue;
    const x = ctx.mentions[idx]!;
    if (x.country && isCountryCode(x.country) && !x.why.includes(CONTEXT_WHY)) return true;
  }
  return false;
}

function sentencePlace(ctx: Ctx, sentence: number): string | null {
  const cached = ctx.victimPlace.get(sentence);
  if (cached !== undefined) return cached;
  const found = firstPlaceOf(ctx, sentence);
  ctx.victimPlace.set(sentence, found);
  return found;
}

function firstPlaceOf(ctx: Ctx, sentence: number): string | null {
  const s = ctx.doc.sentences[sentence];
  if (!s) return null;
  const dateline = ctx.doc.dateline;
  for (let t = s.tokenStart; t < s.tokenEnd; t++) {
    // the dateline says where the story was filed, not where its victims are
    if (dateline && ctx.tokens[t]!.start >= dateline.start && ctx.tokens[t]!.start < dateline.end) continue;
    const place = placeMention(ctx, t, "");
    if (!place) continue;
    // a country named as an actor ("accusing Israel") is a place only inside a prepositional phrase
    if (ctx.owner[t] !== -1) {
      const g = governingPreposition(ctx, t, s.tokenStart - 1);
      if (g === "" || g === "?") continue;
    }
    // "in Israeli tank shelling": a demonym before a noun is the actor's, not the place's
    let after = t + 1;
    while (after < s.tokenEnd && ctx.tokens[after]!.start < place.end) after++;
    const next = ctx.tokens[after];
    if (next && (next.pos === "NOUN" || (next.pos === "VERB" && next.lower.endsWith("ing")))) continue;
    return place.country;
  }
  return null;
}

/**
 * The country of the state that is the subject of the sentence holding agent `m`: the first mention with a country
 * that is not inside a prepositional phrase ("to Ukraine", "in Iraq") and is no organisation. Null when none.
 */
function sentenceSubjectCountry(ctx: Ctx, m: Mention): string | null {
  const cached = ctx.subjectCountry.get(m.sentence);
  if (cached !== undefined) return cached;
  const s = ctx.doc.sentences[m.sentence];
  let found: string | null = null;
  for (let t = s?.tokenStart ?? 0; s && t < s.tokenEnd; t++) {
    const idx = ctx.owner[t]!;
    if (idx === -1) continue;
    const x = ctx.mentions[idx]!;
    t = Math.max(t, x.tokenEnd - 1);
    if (!x.country || !isCountryCode(x.country)) continue;
    // skip determiners and adjectives back to the word that governs the phrase: a preposition or a verb makes it
    // a place or an object
    let k = x.tokenStart - 1;
    while (k >= s.tokenStart && (ctx.tokens[k]!.pos === "DET" || ctx.tokens[k]!.pos === "ADJ")) k--;
    const before = k >= s.tokenStart ? ctx.tokens[k]!.pos : "";
    if (before === "ADP" || before === "SCONJ" || before === "VERB") continue;
    found = x.country;
    break;
  }
  ctx.subjectCountry.set(m.sentence, found);
  return found;
}

/** A state's code (three letters), not an organisation's ("IGO", "NGO") or a group with no state. */
function isCountryCode(c: string): boolean {
  return c.length === 3 && !NON_STATE_CODES.has(c) && !c.startsWith("-");
}
const NON_STATE_CODES = new Set(["IGO", "NGO", "IMG", "MNC", "UAF", "INT"]);

/**
 * The mention group ending at token `t` (inclusive), extended left over "and" / "&" joins and over commas of a list
 * that ends in "and" ("Russia, China and Iran"). A lone comma is no join: "in Italy, doctors say" is two phrases.
 */
function groupEndingAt(ctx: Ctx, t: number, floor: number): Group {
  const group: Mention[] = [];
  const first = mentionsAt(ctx, t);
  if (!first.length) return group;
  group.unshift(...first);
  let i = first[0]!.tokenStart - 1;
  let seenAnd = false;
  while (i > floor) {
    // "Brazil and the United States": the article belongs to the mention
    if (ctx.tokens[i]!.lower === "the" && i - 1 > floor) i--;
    const w = ctx.tokens[i]!.lower;
    let j: number;
    if (w === "and" || w === "&") {
      seenAnd = true;
      j = ctx.tokens[i - 1]?.lower === "," ? i - 2 : i - 1; // the serial comma: "A, B, and C"
    } else if (w === "," && seenAnd) j = i - 1;
    else break;
    if (j <= floor || ctx.owner[j] === -1) break;
    const more = mentionsAt(ctx, j);
    group.unshift(...more);
    i = more[0]!.tokenStart - 1;
  }
  return group;
}

/** The mention group starting at token `t`, extended right over "and" / "&" joins and list commas ("A, B and C"). */
function groupStartingAt(ctx: Ctx, t: number, limit: number): Group {
  const group: Mention[] = [];
  let i = t;
  while (i < limit && ctx.owner[i] !== -1) {
    const more = mentionsAt(ctx, i);
    group.push(...more);
    const end = Math.max(...more.map((m) => m.tokenEnd));
    const w = ctx.tokens[end]?.lower;
    if (end >= limit) break;
    if ((w === "and" || w === "&") && ctx.owner[end + 1] !== undefined && ctx.owner[end + 1] !== -1)
      i = end + 1;
    else if (
      w === "," &&
      ctx.tokens[end + 1]?.lower === "and" &&
      ctx.owner[end + 2] !== undefined &&
      ctx.owner[end + 2] !== -1
    )
      i = end + 2;
    else if (
      w === "," &&
      ctx.owner[end + 1] !== undefined &&
      ctx.owner[end + 1] !== -1 &&
      listEndsInAnd(ctx, end + 1, limit)
    )
      i = end + 1;
    else break;
  }
  return group;
}

/** After a comma at a mention: does the list go on with mentions joined by commas to an "and" + mention? */
function listEndsInAnd(ctx: Ctx, t: number, limit: number): boolean {
  let i = t;
  for (let n = 0; n < 8 && i < limit && ctx.owner[i] !== -1; n++) {
    const m = ctx.mentions[ctx.owner[i]!]!;
    const end = m.tokenEnd;
    const w = ctx.tokens[end]?.lower;
    if (w === "and" || w === "&") return ctx.owner[end + 1] !== undefined && ctx.owner[end + 1] !== -1;
    if (w !== ",") return false;
    i = ctx.tokens[end + 1]?.lower === "and" ? end + 2 : end + 1;
    if (ctx.tokens[end + 1]?.lower === "and") return ctx.owner[i] !== undefined && ctx.owner[i] !== -1;
  }
  return false;
}

/** Subject of the verb at `v`: the nearest actor group to its left in its clause, else inherited across and/but/who. */
function subjectOf(ctx: Ctx, segments: readonly Segment[], seg: number, v: number, depth = 0): Group | null {
  const controlled = depth < 3 ? infinitiveSubject(ctx, segments, seg, v, depth) : undefined;
  if (controlled !== undefined) return controlled;
  let s = seg;
  let from = v - 1;
  for (let hops = 0; hops < 3 && s >= 0; hops++) {
    const segment = segments[s]!;
    for (let t = from; t >= segment.start; t--) {
      if (ctx.owner[t] === -1) continue;
      // skip an actor inside a prepositional phrase right before the verb? keep nearest: "the president of Russia said"
      const m = ctx.mentions[ctx.owner[t]!]!;
      if (
        NOT_SUBJECT_AFTER.has(governingPreposition(ctx, m.tokenStart, segment.start - 1)) &&
        !modifiesGerund(ctx, m, v)
      ) {
        t = m.tokenStart;
        continue;
      }
      return groupEndingAt(ctx, t, segment.start - 1);
    }
    // "Insurgents shelled the city, killing eight": a clause joined by "and" / a participle shares the subject of
    // the verb before it, not the nearest actor (which is that verb's object)
    if ((segment.opener === "and" || segment.opener === "contrast") && s > 0 && depth < 3) {
      const prevSeg = segments[s - 1]!;
      for (let k = prevSeg.start; k < prevSeg.end; k++) {
        const tk = ctx.tokens[k]!;
        if (ctx.owner[k] !== -1) continue;
        // the verb, or the word after an auxiliary that wink took for an adjective ("did not free")
        const afterAux =
          ctx.tokens[k - 1]?.pos === "AUX" ||
          (ctx.tokens[k - 1]?.pos === "PART" && ctx.tokens[k - 2]?.pos === "AUX");
        if (tk.pos !== "VERB" && !(afterAux && k > prevSeg.start && (tk.pos === "ADJ" || tk.pos === "NOUN")))
          continue;
        const inherited = subjectOf(ctx, segments, s - 1, k, depth + 1);
        if (inherited?.length) return inherited;
        break;
      }
    }
    if (segment.opener === "rel" && segment.openerToken === -1) return null; // the noun before is the object
    if (segment.opener === "rel") {
      // "the militants who attacked": the antecedent right before the relative pronoun
      const t = segment.start - 1;
      if (t >= 0 && ctx.owner[t] !== -1) return groupEndingAt(ctx, t, (segments[s - 1]?.start ?? 0) - 1);
    }
    if (segment.opener !== "and" && segment.opener !== "contrast" && segment.opener !== "rel") return null;
    s -= 1;
    if (s < 0) return null;
    from = segments[s]!.end - 1;
  }
  return null;
}

/**
 * The preposition governing the phrase of the mention at `t`, over determiners and adjectives only: a number
 * stops it ("up to 100 protesters", "at least 20 soldiers" are quantities, not places). "" when there is none.
 */
function governingPreposition(ctx: Ctx, t: number, floor: number): string {
  for (let i = t - 1; i > floor; i--) {
    const tk = ctx.tokens[i]!;
    if (tk.pos === "ADP" || tk.pos === "SCONJ") return tk.lower;
    if (tk.pos !== "DET" && tk.pos !== "ADJ") return "?";
  }
  return "";
}

/** "in Israeli tank shelling": an actor modifying a nominal -ing form right after it is that act's agent. */
function modifiesGerund(ctx: Ctx, m: Mention, v: number): boolean {
  if (!ctx.tokens[v]!.lower.endsWith("ing")) return false;
  for (let k = m.tokenEnd; k < v; k++) {
    const p = ctx.tokens[k]!.pos;
    if (p !== "NOUN" && p !== "ADJ" && p !== "PROPN") return false;
  }
  return true;
}

const PROTEST_AT = new Set(["against", "at", "outside"]);
/**
 * An actor after these prepositions is where, to whom or by whom, never the subject of the verb after it: "the
 * largest retailer in the United States declined", "talks with Iran resumed". ("of" stays: "the president of Russia".)
 */
const NOT_SUBJECT_AFTER = new Set([
  "by",
  "against",
  "to",
  "on",
  "at",
  "with",
  "in",
  "near",
  "inside",
  "outside",
  "across",
  "from",
  "into",
]);

/**
 * Whom a protest (root 14, no `{T}`) is aimed at: an actor after "against / at / outside" in its clause
 * ("rallied against the government"), else the government of the state where it happens, from a place named in the
 * sentence ("demonstrated in Kirkuk" → IRQGOV) — CAMEO codes protests as directed at the authorities of the place.
 */
function protestTarget(ctx: Ctx, segment: Segment, tr: Trigger): Mention | null {
  const tokens = ctx.tokens;
  for (let i = tr.last + 1; i < segment.end && i < tr.last + 8; i++) {
    if (tokens[i]!.lower === ",") break;
    if (PROTEST_AT.has(tokens[i]!.lower)) {
      for (let k = i + 1; k < segment.end && k < i + 5; k++)
        if (ctx.owner[k] !== -1) return mentionsAt(ctx, k)[0] ?? null;
    }
  }
  // "staged a protest in Beijing": the place right after the protest, else any place of the sentence that is not
  // part of an actor's name ("US and British activists" names no place)
  const here = locativeTarget(ctx, segment, tr, "GOV");
  if (here) return here;
  const sentence = tokens[tr.head]!.sentence;
  const s = ctx.doc.sentences[sentence]!;
  const place = ctx.places.find((p) => {
    if (p.start < s.start || p.end > s.end || !p.country) return false;
    for (let t = s.tokenStart; t < s.tokenEnd; t++) {
      const tk = tokens[t]!;
      if (tk.start < p.start || tk.start >= p.end || ctx.owner[t] === -1) continue;
      const m = ctx.mentions[ctx.owner[t]!]!;
      if (m.kind !== "country" && m.tokenStart === t) return false; // "US activists": a modifier, not a place
    }
    return true;
  });
  if (!place?.country) return null;
  let t = s.tokenStart;
  while (t < s.tokenEnd - 1 && tokens[t]!.end <= place.start) t++;
  const text = ctx.doc.text.slice(place.start, place.end);
  return {
    start: place.start,
    end: place.end,
    tokenStart: t,
    tokenEnd: t + 1,
    sentence,
    text,
    code: `${place.country}GOV`,
    country: place.country,
    sector: "GOV",
    name: place.country,
    kind: "country",
    entity: `place:${place.country}`,
    why: `protest target: the government of the place where it happens (${text})`,
  };
}

/** Roots whose acts happening in a place are, by CAMEO convention, aimed at that place's state when no target is named. */
const PLACE_TARGET_ROOTS = new Set(["15", "18", "19", "20"]);
/** Sympathy for a tragedy is addressed to the people of the place it struck, at home or abroad. */
const EMPATHY_CODE = "018";
const LOCATIVE = new Set(["in", "at", "near", "inside", "outside", "across", "into", "over"]);

/**
 * The state of the place where an act happens, from a locative phrase right after the trigger in its clause
 * ("staged a protest in Beijing", "conducted exercises in Alaska", "carried out strikes near Aleppo"): a country
 * mention or a known place after in / at / near / inside / across …, within 8 tokens and before any comma.
 */
function locativeTarget(ctx: Ctx, segment: Segment, tr: Trigger, sector: string): Mention | null {
  const tokens = ctx.tokens;
  for (let i = tr.last + 1; i < segment.end && i < tr.last + 8; i++) {
    const w = tokens[i]!.lower;
    if (w === "," || w === ";") return null;
    if (!LOCATIVE.has(w)) continue;
    let k = i + 1;
    while (k < segment.end && ctx.owner[k] === -1 && (tokens[k]!.pos === "DET" || tokens[k]!.pos === "ADJ"))
      k++;
    if (k >= segment.end) return null;
    if (ctx.owner[k] !== -1) {
      const m = ctx.mentions[ctx.owner[k]!]!;
      if (m.kind !== "country" || !m.country) continue;
      return {
        ...m,
        code: `${m.country}${sector}`,
        sector: sector || null,
        why: `${m.why}; the place of the act`,
      };
    }
    const place = placeMention(ctx, k, sector);
    if (place) return place;
  }
  return null;
}

/** Verbs whose infinitive complement has not (yet) happened: "urged X to withdraw", "wants Y to attack". */
const UNREALISED = new Set([
  "urge",
  "ask",
  "tell",
  "order",
  "invite",
  "want",
  "encourage",
  "press",
  "pressure",
  "warn",
  "call",
  "instruct",
  "authorize",
  "authorise",
  "request",
  "push",
  "expect",
  "wish",
  "need",
  "aim",
  "try",
  "seek",
  "hope",
  "plan",
]);

/**
 * An infinitive whose governing verb does not make it happen ("Obama wants Putin to attack", "ordered troops to
 * advance") is hypothetical, unless the clause already gives it another modality. Implicative verbs ("forced X to
 * leave", "helped X to rebuild", "managed to") leave it asserted.
 */
function unrealised(tokens: readonly Token[], segment: Segment, tr: Trigger, m: Modality): Modality {
  if (m.status !== "asserted" || tr.pattern.kind !== "verb") return m;
  if (tokens[tr.head - 1]?.lower !== "to" || tokens[tr.head - 1]!.pos !== "PART") return m;
  for (let g = tr.head - 2; g >= segment.start && g >= tr.head - 10; g--) {
    const tk = tokens[g]!;
    if (tk.pos !== "VERB") continue;
    return UNREALISED.has(tk.lemma) ? { status: "hypothetical", cues: [tk.text] } : m;
  }
  return m;
}

/** Verbs whose object, not subject, does what the infinitive says: "urged Iran to release", "forced X to leave". */
const OBJECT_CONTROL = new Set([
  "urge",
  "ask",
  "tell",
  "order",
  "force",
  "invite",
  "allow",
  "help",
  "want",
  "encourage",
  "persuade",
  "press",
  "pressure",
  "warn",
  "call",
  "permit",
  "enable",
  "compel",
  "instruct",
  "authorize",
  "authorise",
  "request",
  "push",
  "get",
]);

/**
 * The subject of an infinitive ("… sent staff to Bosnia to investigate"): the subject of the verb it depends on, or
 * that verb's object after an object-control verb ("urged Iran to free …" → Iran). `undefined` when `v` is no
 * infinitive.
 */
function infinitiveSubject(
  ctx: Ctx,
  segments: readonly Segment[],
  seg: number,
  v: number,
  depth: number,
): Group | null | undefined {
  const tokens = ctx.tokens;
  if (tokens[v - 1]?.lower !== "to" || tokens[v - 1]!.pos !== "PART") return undefined;
  const segment = segments[seg]!;
  for (let g = v - 2; g >= segment.start && g >= v - 14; g--) {
    const tk = tokens[g]!;
    if (tk.pos !== "VERB") continue;
    if (OBJECT_CONTROL.has(tk.lemma)) {
      for (let i = g + 1; i < v - 1; i++)
        if (ctx.owner[i] !== -1) return groupStartingAt(ctx, ctx.mentions[ctx.owner[i]!]!.tokenStart, v - 1);
      return undefined; // "wants to attack": the subject's own wish
    }
    return subjectOf(ctx, segments, seg, g, depth + 1);
  }
  return undefined;
}

/** First actor group after token `t` in the clause (the object), or null. */
/** How far after the verb (tokens) its object may start. */
const OBJECT_REACH = 10;

function objectAfter(
  ctx: Ctx,
  segments: readonly Segment[],
  seg: number,
  t: number,
  crossRelative: boolean,
): Group | null {
  let s = seg;
  let from = t;
  for (let hops = 0; hops < 2 && s < segments.length; hops++) {
    const segment = segments[s]!;
    for (let i = from; i < segment.end && i < from + OBJECT_REACH; i++) {
      // the object does not jump a comma: "will address the nation, the palace announced"
      if (ctx.owner[i] === -1) {
        if (ctx.tokens[i]!.lower === ",") return null;
        continue;
      }
      const at = ctx.mentions[ctx.owner[i]!]!.tokenStart;
      // a passive agent right after the verb ("was attacked by X") is no object; "calls by X" after a noun is
      if (ctx.tokens[at - 1]?.lower === "by" && at - 1 <= t) continue;
      return groupStartingAt(ctx, at, segment.end);
    }
    if (!crossRelative) return null;
    s += 1;
    const next = segments[s];
    if (!next || (next.opener !== "rel" && next.opener !== "that")) return null;
    from = next.start;
  }
  return null;
}

/** "was attacked", "have been detained": a form of be/get right before a participle. "is attacking" is active. */
function isPassive(ctx: Ctx, v: number, floor: number): boolean {
  if (ctx.tokens[v]!.lower.endsWith("ing")) return false;
  for (let i = v - 1; i >= Math.max(floor, v - 3); i--) {
    const tk = ctx.tokens[i]!;
    if (tk.pos === "AUX" && BE.has(tk.lemma)) return true;
    if (tk.pos !== "ADV" && tk.pos !== "AUX" && tk.pos !== "PART") return false;
  }
  return false;
}

/** Prepositions after a participle that show it is a reduced passive: "a member jailed over …", "officials accused of …". */
const REDUCED_PASSIVE_NEXT = new Set([
  "by",
  "of",
  "for",
  "over",
  "in",
  "on",
  "at",
  "after",
  "during",
  "since",
  "last",
  "ago",
]);

/**
 * A past participle right after a noun, followed by "by" or a preposition the pattern does not expect, is a reduced
 * relative clause in the passive: "a Hamas member **jailed** over a year ago", "officials **accused** of war crimes",
 * "victims **killed** by the crash". The noun before it is the patient, not the agent.
 */
function reducedPassive(ctx: Ctx, tr: Trigger, segment: Segment): boolean {
  const tokens = ctx.tokens;
  const v = tokens[tr.head]!;
  if (!v.lower.endsWith("ed") && !v.lower.endsWith("en")) return false;
  const prev = tokens[tr.head - 1];
  if (!prev || (prev.pos !== "NOUN" && prev.pos !== "PROPN" && ctx.owner[tr.head - 1] === -1)) return false;
  const next = tokens[tr.head + 1];
  if (!next || !REDUCED_PASSIVE_NEXT.has(next.lower)) return false;
  if (next.lower === "by") return true;
  // the pattern's own preposition before its target ("fired at {T}") is no sign; nor is an actor right after
  // ("accused Iran of"). A preposition of the pattern that names no target ("killed in * attack") still is one:
  // "the families of the miners killed in the attack met …"
  if (tr.match.matchedIdx.includes(tr.head + 1) && tr.match.targetAt !== null) return false;
  if (tr.match.targetAt !== null && ctx.owner[tr.match.targetAt] !== -1) return false;
  // "there were ten soldiers killed in …": the existential clause has no other verb
  if (existentialBefore(tokens, segment.start, tr.head)) return true;
  // the participle sits inside a noun phrase: a finite verb of the clause follows ("… jailed a year ago was freed")
  const tokens2 = ctx.tokens;
  for (let k = tr.head + 2; k < segment.end; k++) {
    const tk = tokens2[k]!;
    if (tk.lower === "," || tk.lower === "and" || tk.lower === ";" || tk.pos === "SCONJ") return false;
    if (tk.pos === "AUX") return true;
    if (
      tk.pos === "VERB" &&
      !tk.lower.endsWith("ing") &&
      tokens2[k - 1]!.lower !== "to" &&
      !isAttributive(tokens2, k, segment.end) // "… in the occupied West Bank" is no finite verb
    )
      return true;
  }
  return false;
}

/** "there is / there were …" opens the clause before token `head`. */
function existentialBefore(tokens: readonly Token[], floor: number, head: number): boolean {
  for (let k = floor; k < head - 1 && k < floor + 3; k++)
    if (tokens[k]!.lower === "there" && tokens[k + 1]!.lemma === "be") return true;
  return false;
}

/**
 * The armed forces of one state hit with no agent named in another state's territory ("ten Russian soldiers were
 * killed in Ukraine"): that state is the likely agent. Null for victims at home or without a country.
 */
function hostOfForeignTroops(ctx: Ctx, segment: Segment, tr: Trigger, patient: Group | null): Group | null {
  const victim = patient?.[0];
  if (!victim?.country || !ARMED_SECTORS.has(victim.sector ?? "")) return null;
  const root = tr.pattern.code.slice(0, 2);
  if (root !== "18" && root !== "19" && root !== "20") return null;
  // a one-word act done to them ("killed", "wounded"), not a phrase they take part in ("were engaged in")
  if (tr.match.matchedIdx.length !== 1) return null;
  const place = locativeTarget(ctx, segment, tr, "");
  return place?.country && place.country !== victim.country ? [place] : null;
}
const ARMED_SECTORS = new Set(["MIL", "SPY", "COP"]);
/** Words that may stand between "by" and the agent of a passive. */
const AGENT_SKIP = new Set(["DET", "ADJ", "NUM"]);

/** The actor group that ends right before a reduced passive participle ("the activists detained in Cairo"). */
function patientBefore(ctx: Ctx, head: number, floor: number): Group | null {
  const t = head - 1;
  if (t < floor || ctx.owner[t] === -1) return null;
  return groupEndingAt(ctx, t, floor - 1);
}

/**
 * "fired at it from the Gaza Strip": the actor or place after "from" in the clause (within 8 tokens), as the origin of
 * a passive act with no "by" agent.
 */
function originAfter(ctx: Ctx, segment: Segment, from: number): Group | null {
  const tokens = ctx.tokens;
  for (let i = from; i < segment.end && i < from + 8; i++) {
    if (tokens[i]!.lower === ",") return null;
    if (tokens[i]!.lower !== "from") continue;
    let k = i + 1;
    while (k < segment.end && ctx.owner[k] === -1 && (tokens[k]!.pos === "DET" || tokens[k]!.pos === "ADJ"))
      k++;
    if (k < segment.end && ctx.owner[k] !== -1)
      return groupStartingAt(ctx, ctx.mentions[ctx.owner[k]!]!.tokenStart, segment.end);
    const place = placeMention(ctx, k, "");
    return place ? [place] : null;
  }
  return null;
}

/**
 * The authorities of the state where a coercive act named in the passive without its agent happens ("a man from
 * China was detained in Taipei", "was sentenced to death"): the place named right after the act, else the dateline,
 * else the state of the one acted upon. Null when none is known.
 */
function authoritiesFor(ctx: Ctx, place: string | null, patient: Mention): Group | null {
  const country = place ?? ctx.homeCountry ?? patient.country;
  if (!country || !isCountryCode(country)) return null;
  const m: Mention = {
    ...patient,
    code: `${country}GOV`,
    country,
    sector: "GOV",
    name: country,
    kind: "agent",
    entity: `authorities:${country}`,
    why: `the authorities of ${country}: a coercive act in the passive with no agent named`,
  };
  COUNTRY_GUESSED.add(m);
  return [m];
}

/**
 * "were killed in Israeli tank shelling", "died in a US drone strike": the actor modifying the noun of the act that a
 * passive names with "in / during", as its agent.
 */
function agentOfNominal(ctx: Ctx, segment: Segment, from: number): Group | null {
  const tokens = ctx.tokens;
  for (let i = from; i < segment.end && i < from + 3; i++) {
    const w = tokens[i]!.lower;
    if (w !== "in" && w !== "during" && w !== "under") continue;
    let k = i + 1;
    while (k < segment.end && ctx.owner[k] === -1 && (tokens[k]!.pos === "DET" || tokens[k]!.pos === "ADJ"))
      k++;
    if (k >= segment.end || ctx.owner[k] === -1) return null;
    const m = ctx.mentions[ctx.owner[k]!]!;
    if (!m.country) return null;
    const after = tokens[m.tokenEnd];
    if (!after || (after.pos !== "NOUN" && !(after.pos === "VERB" && after.lower.endsWith("ing"))))
      return null;
    return mentionsAt(ctx, k);
  }
  return null;
}

/** A country actor standing for the place whose span covers token `t` ("in Beijing" → CHN), or null. */
function placeMention(ctx: Ctx, t: number, sector: string): Mention | null {
  const tk = ctx.tokens[t];
  if (!tk) return null;
  const place = ctx.places.find((p) => p.start <= tk.start && p.end > tk.start && p.country);
  if (!place?.country) return null;
  const text = ctx.doc.text.slice(place.start, place.end);
  return {
    start: place.start,
    end: place.end,
    tokenStart: t,
    tokenEnd: t + 1,
    sentence: tk.sentence,
    text,
    code: `${place.country}${sector}`,
    country: place.country,
    sector: sector || null,
    name: place.country,
    kind: "country",
    entity: `place:${place.country}`,
    why: `the place ${text} stands for its country`,
  };
}

/** Prepositions that introduce the other party of a joint act ("talks with X"); "" = right after the verb. */
const DIRECT_OBJECT_PREP = new Set(["", "with", "to", "against"]);

/** The preposition heading the phrase of the mention at `t` (skipping determiners and adjectives), or "". */
function prepositionBefore(ctx: Ctx, t: number, floor: number): string {
  for (let i = t - 1; i > floor; i--) {
    const tk = ctx.tokens[i]!;
    if (tk.pos === "ADP" || tk.pos === "SCONJ") return tk.lower;
    if (tk.pos !== "DET" && tk.pos !== "ADJ" && tk.pos !== "NUM") return "?";
  }
  return "";
}

/** Words of a quantity before an object: "at least 20", "more than 40", "some 300", "dozens of". */
const QUANTIFIER_WORDS = new Set([
  "at",
  "least",
  "more",
  "than",
  "some",
  "about",
  "nearly",
  "almost",
  "over",
  "up",
  "to",
  "dozens",
  "hundreds",
  "thousands",
  "of",
]);

const MUTUAL_WORDS = new Set(["their", "each", "one", "bilateral", "mutual", "joint", "jointly", "together"]);

/**
 * "Chile and Peru agreed to reopen their border": a cooperative act (roots 03–06) of a compound subject about what
 * they share ("their", "each other", "bilateral", "joint") is done by each to the other.
 */
function mutualCooperation(ctx: Ctx, tr: Trigger, segment: Segment): boolean {
  const root = tr.pattern.code.slice(0, 2);
  if (root < "03" || root > "06") return false;
  for (let i = tr.head + 1; i < Math.min(segment.end, tr.last + 3); i++) {
    const w = ctx.tokens[i]!.lower;
    if (
      MUTUAL_WORDS.has(w) &&
      (w !== "each" || ctx.tokens[i + 1]?.lower === "other") &&
      (w !== "one" || ctx.tokens[i + 1]?.lower === "another")
    )
      return true;
  }
  return false;
}

/** Possessive pronouns that may open the noun phrase of a gerund: "their targeting of". */

/**
 * A verb trigger used as a noun: "-ing" + "of" opened by a determiner, a possessive or "'s" ("the deliberate targeting
 * of", "Israel's bombing of", "the police killing of"). Its actors are those of a noun phrase (`nounRoles`): its own
 * modifiers and complements, not the subject of the clause it sits in ("Geneva condemned the targeting of …").
 */
function nominalGerund(ctx: Ctx, head: number): boolean {
  const tokens = ctx.tokens;
  if (!tokens[head]!.lower.endsWith("ing") || tokens[head + 1]?.lower !== "of") return false;
  for (let i = head - 1; i >= 0 && i >= head - 6; i--) {
    const tk = tokens[i]!;
    if (tk.lower === "'s") return true;
    if (tk.pos === "DET" || POSSESSIVES.has(tk.lower)) return true;
    if (ctx.owner[i] !== -1 || tk.pos === "ADJ" || tk.pos === "ADV" || tk.pos === "NOUN") continue;
    return false;
  }
  return false;
}

function verbRoles(ctx: Ctx, segments: readonly Segment[], seg: number, tr: Trigger): Roles | null {
  const segment = segments[seg]!;
  let subject = subjectOf(ctx, segments, seg, tr.first);
  let object: Group | null = null;
  if (tr.match.targetAt !== null) {
    const t = tr.match.targetAt;
    // the slot may open a clause of its own: "demanded that {T} …"
    const slotEnd = segments[segmentIndexOf(segments, t)]?.end ?? segment.end;
    for (let i = t; i < slotEnd; i++) {
      if (ctx.owner[i] !== -1) {
        object = groupStartingAt(ctx, ctx.mentions[ctx.owner[i]!]!.tokenStart, slotEnd);
        break;
      }
      if (i - t > 6) break;
    }
    if (!object) return null; // the pattern names where its target must be
  } else {
    // an object inside the matched words ("gave the Ivory Coast 5 million dollars", "forced the UN agency out"),
    // else the first actor after them
    const second = tr.match.matchedIdx.find((i) => i > tr.head) ?? tr.last;
    // "gave the Ivory Coast 5 million", "killed 46 Afghan civilians in an attack", "killed at least 20 people"
    for (let i = tr.head + 1; i < second && i <= tr.head + 4 && !object; i++) {
      if (ctx.owner[i] === -1) {
        const tk = ctx.tokens[i]!;
        if (tk.pos === "DET" || tk.pos === "NUM" || QUANTIFIER_WORDS.has(tk.lower)) continue;
        break;
      }
      const m = ctx.mentions[ctx.owner[i]!]!;
      if (m.tokenStart <= tr.head || m.kind === "pronoun") break;
      object = groupStartingAt(ctx, m.tokenStart, segment.end);
    }
    // "the officials they blame for …": a relative clause with no pronoun has the noun it hangs on as its object
    if (segment.opener === "rel" && segment.openerToken === -1 && ctx.owner[segment.start - 1] !== -1)
      object = groupEndingAt(ctx, segment.start - 1, (segments[seg - 1]?.start ?? 0) - 1);
    object ??= objectAfter(ctx, segments, seg, tr.last + 1, false);
  }
  const reduced = !isPassive(ctx, tr.head, segment.start) && reducedPassive(ctx, tr, segment);
  if (reduced || isPassive(ctx, tr.head, segment.start)) {
    // "X was attacked by Y", "militants killed by troops": Y acts on X. Without "by", "… was fired at it from Gaza":
    // the place the act came from stands for its agent.
    let agent: Group | null = null;
    for (let i = tr.last + 1; i < Math.min(segment.end, tr.last + 4); i++) {
      if (ctx.tokens[i]!.lower !== "by") continue;
      // "by a Ukrainian protester", "by the army": the article and adjectives before the agent
      let k = i + 1;
      while (k < segment.end && ctx.owner[k] === -1 && AGENT_SKIP.has(ctx.tokens[k]!.pos)) k++;
      if (k < segment.end && ctx.owner[k] !== -1) {
        agent = groupStartingAt(ctx, ctx.mentions[ctx.owner[k]!]!.tokenStart, segment.end);
        break;
      }
    }
    agent ??= agentOfNominal(ctx, segment, tr.last + 1) ?? originAfter(ctx, segment, tr.last + 1);
    // the patient: the subject of "was fired at it" is a thing; the actor it was aimed at is the object
    const patient = reduced ? patientBefore(ctx, tr.head, segment.start) : subject;
    // "was arrested on Friday", "were sentenced to ten years": only a state arrests, tries and sentences
    if (!agent && !reduced && tr.pattern.code.startsWith("17") && patient?.length)
      agent = authoritiesFor(ctx, locativeTarget(ctx, segment, tr, "")?.country ?? null, patient[0]!);
    agent ??= hostOfForeignTroops(ctx, segment, tr, patient);
    if (!agent) return null;
    subject = agent;
    if (!object?.length || (patient?.length && !(tr.match.targetAt !== null))) object = patient ?? object;
  } else if (tr.pattern.flags.inverse && object?.length && subject?.length) {
    // "the rebels received weapons from Iran": Iran gives, the rebels receive
    const giver = object;
    object = subject;
    subject = giver;
  }
  if (!subject?.length) return null;
  // "blocked a road to show their disapproval of X": the subject's own possessive is no object; look past it
  if (
    tr.match.targetAt === null &&
    object?.length === 1 &&
    object[0]!.kind === "pronoun" &&
    POSSESSIVES.has(ctx.tokens[object[0]!.tokenStart]!.lower) &&
    subject.some((m) => sameActor(m, object![0]!))
  )
    object = objectAfter(ctx, segments, seg, object[0]!.tokenEnd, false);
  // "Saudi and Iranian officials held talks in Baghdad", "… met on the sidelines of the summit": a compound subject
  // acting together does so on each other; an actor after "in / at / on / for …" is where or what about, not whom.
  if (
    object?.length &&
    tr.match.targetAt === null &&
    subject.length >= 2 &&
    (tr.pattern.flags.reciprocal || mutualCooperation(ctx, tr, segment)) &&
    !DIRECT_OBJECT_PREP.has(prepositionBefore(ctx, object[0]!.tokenStart, tr.last))
  )
    object = null;
  const distance = Math.max(0, tr.first - subject[subject.length - 1]!.tokenEnd);
  return {
    sources: subject,
    targets: object ?? [],
    reciprocal: (tr.pattern.flags.reciprocal || mutualCooperation(ctx, tr, segment)) && !object?.length,
    ordered: false,
    requireTarget: false,
    distance,
  };
}

const RECIPROCAL_WORDS = new Set(["joint", "mutual", "bilateral", "each", "together"]);

function nounRoles(
  ctx: Ctx,
  segments: readonly Segment[],
  seg: number,
  tr: Trigger,
  lexicon: Lexicon,
  triggers: readonly Trigger[],
): Roles | null {
  const segment = segments[seg]!;
  const tokens = ctx.tokens;
  if (copulaTopic(tokens, tr.last + 1, segment.end)) return null;
  let reciprocal = tr.pattern.flags.reciprocal;
  // 1. modifiers before the noun: "a Russia-China military alliance", "US airstrikes", "their forming an alliance"
  const pre: Mention[] = [];
  for (let i = tr.first - 1; i >= segment.start && i >= tr.first - 6; i--) {
    const tk = tokens[i]!;
    if (RECIPROCAL_WORDS.has(tk.lower)) reciprocal = true;
    if (ctx.owner[i] !== -1) {
      const ms = mentionsAt(ctx, i);
      pre.unshift(...ms);
      i = ms[0]!.tokenStart;
      continue;
    }
    if (
      tk.pos === "ADJ" ||
      tk.pos === "NOUN" ||
      tk.text === "-" ||
      tk.text === "–" ||
      tk.pos === "NUM" ||
      tk.lower === "'s"
    )
      continue;
    if (tk.pos === "VERB" && tk.lower.endsWith("ing") && pre.length === 0) continue; // "their forming a …"
    if (tk.pos === "DET" && pre.length === 0) continue;
    break;
  }
  // 2. what follows: "between X and Y", "with X", "against X", "on X", "by X", "of X"
  let after: Group = [];
  let afterRole: "between" | "target" | "agent" | null = null;
  for (let i = tr.last + 1; i < Math.min(segment.end, tr.last + 4); i++) {
    const w = tokens[i]!.lower;
    if (w === "between" || w === "among") afterRole = "between";
    else if (
      w === "with" ||
      w === "against" ||
      w === "on" ||
      w === "targeting" ||
      w === "of" ||
      w === "to" ||
      w === "into" ||
      w === "in"
    )
      afterRole ??= "target";
    else if (w === "by") afterRole = "agent";
    else if (tokens[i]!.pos !== "DET" && tokens[i]!.pos !== "ADJ") {
      if (ctx.owner[i] === -1) break;
    }
    if (afterRole && ctx.owner[i + 1] !== undefined && ctx.owner[i + 1] !== -1) {
      after = groupStartingAt(ctx, i + 1, segment.end);
      break;
    }
  }
  // the {T} slot right after the matched words: an actor, or a place standing for its state ("a visit to Beirut")
  if (!after.length && tr.match.targetAt !== null) {
    let k = tr.match.targetAt;
    while (
      k < segment.end &&
      k < tr.match.targetAt + 3 &&
      ctx.owner[k] === -1 &&
      AGENT_SKIP.has(tokens[k]!.pos)
    )
      k++;
    if (k < segment.end && ctx.owner[k] !== -1) {
      after = groupStartingAt(ctx, ctx.mentions[ctx.owner[k]!]!.tokenStart, segment.end);
      afterRole = "target";
    } else {
      const place = k < segment.end ? placeMention(ctx, k, "") : null;
      if (place) {
        after = [place];
        afterRole = "target";
      }
    }
  }
  // 3. a relative clause: "the war games that the armed forces of China and Russia held"
  let rel: Group = [];
  const next = segments[seg + 1];
  if (next && next.opener === "rel" && next.start <= tr.last + 2) {
    // after the relative pronoun; a reduced relative ("the sanctions Washington imposed") opens on its subject
    for (let i = next.openerToken === -1 ? next.start : next.start + 1; i < next.end; i++) {
      if (ctx.owner[i] !== -1) {
        rel = groupStartingAt(ctx, i, next.end);
        break;
      }
    }
  }
  // 4. the subject of a light verb that governs the noun: "Russia and China held joint exercises"
  let subject: Group = [];
  let between: Group = [];
  // a verb of saying that is also a light verb ("announced a suspension of …") ends the clause before the noun's
  const floor = segment.opener === "report" ? Math.max(0, segment.start - 1) : segment.start;
  for (let i = tr.first - 1; i >= floor; i--) {
    const tk = tokens[i]!;
    if (tk.pos === "VERB") {
      if (lexicon.support.has(tk.lemma) && !judgedAct(ctx, tr, i, segment.end)) {
        subject = subjectOf(ctx, segments, i < segment.start ? seg - 1 : seg, i) ?? [];
        // "engaged Filipino peacekeepers in a firefight": the object of the light verb is the other side
        if (tokens[tr.first - 1]?.pos === "DET" && tokens[tr.first - 2]?.lower === "in")
          for (let k = i + 1; k < tr.first - 2; k++)
            if (ctx.owner[k] !== -1) {
              between = groupStartingAt(ctx, k, tr.first - 2);
              break;
            }
      }
      break;
    }
  }
  // 4b. an adverbial phrase of the clause naming its subject's own act: "met the king during a state visit to Rabat"
  // (only with a partner named: "embarked on a trip" alone says nothing of whom)
  const adverbial = !subject.length;
  if (adverbial) subject = adverbialActor(ctx, segments, seg, tr, lexicon, triggers) ?? [];
  // 5. the noun as the subject of a passive: "accusations against Russia were made by the US"
  let slot: Group = [];
  for (let i = tr.match.targetAt ?? segment.end; i < segment.end && i <= (tr.match.targetAt ?? 0) + 6; i++)
    if (ctx.owner[i] !== -1) {
      slot = groupStartingAt(ctx, ctx.mentions[ctx.owner[i]!]!.tokenStart, segment.end);
      break;
    }
  const complement = slot.length ? slot : after;
  const passiveAgent = nounPassiveAgent(
    ctx,
    segment,
    complement.length ? Math.max(...complement.map((m) => m.tokenEnd)) : tr.last + 1,
  );
  if (passiveAgent && afterRole !== "agent")
    return {
      sources: passiveAgent,
      targets: slot.length ? slot : afterRole === "target" ? after : pre,
      reciprocal: false,
      ordered: false,
      requireTarget: false,
      distance: 3,
    };
  if (afterRole === "between" && after.length >= 2) {
    return {
      sources: after,
      targets: [],
      reciprocal: true,
      ordered: false,
      requireTarget: false,
      distance: 1,
    };
  }
  if (afterRole === "agent" && after.length) {
    return {
      sources: after,
      targets: pre,
      reciprocal: false,
      ordered: false,
      requireTarget: false,
      distance: 1,
    };
  }
  // "her brother's killing", "Hariri's assassination": a person who owns an act done to persons, with no complement
  // naming another patient, is its victim; the agent is unnamed (a "by" agent was taken above)
  if (victimPossessor(ctx, tr, pre) && !(afterRole === "target" && after.length) && !slot.length) return null;
  // a noun that only sets the scene ("at / ahead of / on the sidelines of the summit") or is one topic of a list
  // ("talks covered trade, the genocide and climate") reports no act of this sentence's actors: only actors named in
  // its own phrase count ("a Bush-Putin summit", "talks between A and B", above)
  // a meeting "with" a named partner stays its subject's own meeting ("announced it after talks with Y")
  const partnered =
    tr.match.targetAt !== null && (slot.length > 0 || (afterRole === "target" && after.length > 0));
  if (!partnered && settingPhrase(ctx, tr, segment)) {
    // "a Bush-Putin summit", "the China-EU summit": two actors joined in the noun's own modifiers (not "NATO's
    // Bucharest summit", an organiser and a place)
    if (pre.length >= 2 && joinedModifiers(tokens, pre))
      return {
        sources: pre,
        targets: [],
        reciprocal,
        ordered: !reciprocal,
        requireTarget: false,
        distance: 0,
      };
    if (!(subject.length && adverbial)) return null;
  }
  if (!pre.length && !after.length && !rel.length && topicListMember(ctx, tr, segment, triggers)) return null;
  if (rel.length) {
    return {
      sources: rel,
      targets: after,
      reciprocal: reciprocal || rel.length > 1,
      ordered: false,
      requireTarget: false,
      distance: 2,
    };
  }
  if (pre.length >= 2) {
    return { sources: pre, targets: [], reciprocal, ordered: !reciprocal, requireTarget: false, distance: 0 };
  }
  if (pre.length === 1 && after.length) {
    return {
      sources: pre,
      targets: after,
      reciprocal: false,
      ordered: false,
      requireTarget: false,
      distance: 0,
    };
  }
  if (subject.length) {
    const targets = after.length ? after : pre.length ? pre : between;
    return {
      sources: subject,
      targets,
      reciprocal: reciprocal && subject.length > 1 && !targets.length,
      ordered: false,
      requireTarget: adverbial,
      distance: 3,
    };
  }
  if (pre.length === 1) {
    return {
      sources: pre,
      targets: [],
      reciprocal: false,
      ordered: false,
      requireTarget: false,
      distance: 1,
    };
  }
  return null;
}

/** Codes of acts done to persons, whose noun's possessor is their victim ("his arrest", "Hariri's assassination"). */
const VICTIM_CODES = new Set(["173", "174", "181", "182", "184", "185", "186"]);
/** Possessive pronouns that stand for a person. */
const PERSON_POSSESSIVE = new Set(["his", "her"]);

/** The last actor before a noun trigger of an act on persons is a person marked possessive: the act's victim. */
function victimPossessor(ctx: Ctx, tr: Trigger, pre: readonly Mention[]): boolean {
  if (!VICTIM_CODES.has(tr.pattern.code.slice(0, 3)) || !pre.length) return false;
  const m = pre[pre.length - 1]!;
  const tokens = ctx.tokens;
  if (m.kind === "pronoun")
    return m.tokenEnd - m.tokenStart === 1 && PERSON_POSSESSIVE.has(tokens[m.tokenStart]!.lower);
  return m.kind === "person" && tokens[m.tokenEnd]?.lower === "'s";
}

/** Roots of cooperative acts (consult, cooperate) whose nouns often name a meeting only as a time or a place. */
const SETTING_ROOTS = new Set(["03", "04", "05", "06"]);
/**
 * One-word prepositions of time or place: "at the summit", "before the talks", "during the summit" (its own act
 * "during" is taken by `adverbialActor`). Not "for", a purpose: "arrived in Mecca for negotiations" are theirs.
 */
const SETTING_PREPOSITIONS = new Set([
  "at",
  "before",
  "after",
  "following",
  "during",
  "amid",
  "since",
  "until",
  "till",
  "ahead",
]);
/** Nouns of "on / in the … of": "on the sidelines of", "on the margins of", "in the run-up to", "in the wake of". */
const SETTING_NOUNS = new Set([
  "sideline",
  "sidelines",
  "margin",
  "margins",
  "run",
  "wake",
  "eve",
  "end",
  "start",
  "close",
]);

/**
 * A noun trigger of a cooperative act that is the object of a preposition of time or place ("at the APEC summit",
 * "ahead of the summit", "on the sidelines of the talks", "during the G8 summit"): it sets the scene of the
 * sentence, it is not what the sentence reports.
 */
function settingPhrase(ctx: Ctx, tr: Trigger, segment: Segment): boolean {
  // a visit in such a phrase is still its traveller's trip ("arrived for a visit", "after his visit to Rabat")
  if (!SETTING_ROOTS.has(tr.pattern.code.slice(0, 2)) || VISIT_CODES.has(tr.pattern.code)) return false;
  const tokens = ctx.tokens;
  let i = tr.first - 1;
  while (i >= segment.start && i >= tr.first - 12) {
    const tk = tokens[i]!;
    const p = tk.pos;
    if (ctx.owner[i] !== -1)
      i = ctx.mentions[ctx.owner[i]!]!.tokenStart - 1; // "the Asia-Pacific Economic Cooperation"
    else if (tk.lower === "'s" || tk.text === "-") i--;
    else if (p === "DET" || p === "ADJ" || p === "NOUN" || p === "PROPN" || p === "NUM") {
      if (i < tr.first - 1 && SETTING_NOUNS.has(tk.lower)) return true; // "the sidelines of the summit"
      i--;
    } else if (tk.lower === "of" || tk.lower === "to") {
      // "ahead of the summit", "prior to the talks", "the sidelines of", "the run-up to"
      const w = tokens[i - 1]?.lower ?? "";
      if (
        w === "ahead" ||
        w === "prior" ||
        w === "advance" ||
        w === "up" ||
        SETTING_NOUNS.has(w) ||
        SETTING_NOUNS.has(tokens[i - 1]?.lemma ?? "")
      )
        return true;
      return false;
    } else return SETTING_PREPOSITIONS.has(tk.lower) && (p === "ADP" || p === "SCONJ" || p === "ADV");
  }
  return false;
}

/** Two actors before a noun joined by a hyphen, a slash or "and": "Bush-Putin", "China-EU", "US and Russian". */
function joinedModifiers(tokens: readonly Token[], pre: readonly Mention[]): boolean {
  for (let k = 1; k < pre.length; k++)
    for (let i = pre[k - 1]!.tokenEnd; i < pre[k]!.tokenStart; i++) {
      const w = tokens[i]!.text;
      if (w === "-" || w === "–" || w === "/" || w === "and") return true;
    }
  return false;
}

/** Words joining the members of a list. */
const LIST_JOINERS = new Set([",", "and", "or"]);

/**
 * A noun trigger that is one member of a coordinated list of three or more topics ("discussed trade, the genocide and climate",
 * "proposals on poverty, war, genocide and reform"): a neighbouring member is a plain noun that is neither an actor
 * nor an event.
 */
function topicListMember(ctx: Ctx, tr: Trigger, segment: Segment, triggers: readonly Trigger[]): boolean {
  const tokens = ctx.tokens;
  const inTrigger = (k: number) => triggers.some((t) => k >= t.first && k <= t.last);
  const plain = (k: number) =>
    k >= segment.start &&
    k < segment.end &&
    tokens[k]!.pos === "NOUN" &&
    ctx.owner[k] === -1 &&
    !inTrigger(k);
  // the start of the trigger's noun phrase
  let s = tr.first;
  while (s - 1 >= segment.start && (tokens[s - 1]!.pos === "DET" || tokens[s - 1]!.pos === "ADJ")) s--;
  // "an investigation into war crimes and crimes against humanity": a list inside the trigger's own complement
  for (let k = tr.first + 1; k < tr.last; k++) if (tokens[k]!.pos === "ADP") return false;
  const before = tokens[s - 1]?.lower ?? "";
  const after = tokens[tr.last + 1]?.lower ?? "";
  if (s - 1 >= segment.start && LIST_JOINERS.has(before)) {
    const k = before === "," ? s - 2 : tokens[s - 2]?.text === "," ? s - 3 : s - 2;
    // "trade, the genocide and climate": a comma needs the list to go on after the trigger, and the list has three
    // members or more ("rape and murder" may be one act told twice)
    if (
      plain(k) &&
      (before !== "," || LIST_JOINERS.has(after)) &&
      (before === "," || tokens[k - 1]?.text === ",")
    )
      return true;
  }
  if (tr.last + 1 < segment.end && LIST_JOINERS.has(after)) {
    let k = tr.last + 2;
    if (tokens[k]?.lower === "and" || tokens[k]?.lower === "or") k++;
    while (k < segment.end && (tokens[k]!.pos === "DET" || tokens[k]!.pos === "ADJ")) k++;
    // the next member ends the list or goes on: "genocide and climate", "war, genocide and reform"
    const then = tokens[k + 1]?.lower ?? "";
    if (
      plain(k) &&
      (after === "," ? before === "," || then === "and" || then === "or" : before === "," || then === ",")
    )
      return tokens[k + 1]?.pos !== "VERB" && tokens[k + 1]?.pos !== "AUX"; // not the subject of a verb
  }
  return false;
}

const COMPLEMENT_POS = new Set(["NUM", "NOUN", "PROPN", "PART"]);
const DEFINITE = new Set(["the", "these", "those", "this", "that", "its", "their", "his", "her", "'s"]);

/**
 * "called the sanctions illegal", "declared the strikes a war crime", "called the blockade an act of war": a light
 * verb at `v` whose object is a definite noun trigger followed by a predicate (an adjective, "a …", "as …") judges
 * an act already reported; its subject is not that act's agent.
 */
function judgedAct(ctx: Ctx, tr: Trigger, v: number, end: number): boolean {
  const tokens = ctx.tokens;
  // the determiner of the trigger's noun phrase, right after the verb
  let d = tr.first - 1;
  while (d > v && (tokens[d]!.pos === "ADJ" || tokens[d]!.pos === "NOUN" || ctx.owner[d] !== -1)) d--;
  if (d <= v || !DEFINITE.has(tokens[d]!.lower)) return false;
  for (let k = v + 1; k < d; k++) if (tokens[k]!.pos !== "ADV") return false;
  // past a complement of the noun ("the sanctions on Iran", "the sanctions against its oil industry"), the predicate
  let i = tr.last + 1;
  const prep = tokens[i]?.pos === "ADP" && tokens[i]!.lower !== "as";
  if (prep) i++;
  if (prep || tr.match.targetAt !== null) {
    if (tokens[i]?.pos === "DET" || tokens[i]?.pos === "PRON") i++; // "on the island", "against its oil industry"
    while (i < end && i <= tr.last + 6 && (ctx.owner[i] !== -1 || COMPLEMENT_POS.has(tokens[i]!.pos))) i++;
  }
  while (i < end && tokens[i]!.pos === "ADV") i++;
  if (i >= end) return false;
  const tk = tokens[i]!;
  if (tk.pos === "ADJ") return true;
  return tk.lower === "as" || ((tk.lower === "a" || tk.lower === "an") && tk.pos === "DET");
}

/**
 * Prepositions that open an adverbial phrase naming the clause subject's own act, and which acts: "during" a
 * cooperative act (roots 03–06: "signed deals during talks with Y", "met Y during a state visit to Rabat"), "on" a
 * visit ("was on a two-day visit to Y"). A protest or an attack "during" which someone acts is not that someone's:
 * "police arrested 20 people during a protest".
 */
function ownActPreposition(w: string, code: string): boolean {
  const root = code.slice(0, 2);
  if (w === "during") return root >= "03" && root <= "06";
  if (w === "on") return VISIT_CODES.has(code);
  return false;
}
/** Words between such a preposition and the noun trigger: "during a three-day state visit", "on an official visit". */
const ADVERBIAL_SKIP = new Set(["DET", "ADJ", "NUM", "NOUN"]);

/**
 * The subject of the clause a noun trigger's adverbial phrase belongs to ("X met Y during a state visit to Rabat",
 * "During talks with Y, X signed …", "X is on a visit to Y"): the actor of the verb before the phrase, else of the
 * first verb after it. That verb must be a form of "be", a verb of saying or a verb trigger of a verbal or
 * cooperative act (roots 01–13): "police detained a journalist during a visit to Tehran" is the journalist's visit.
 * Null when the noun is not in such a phrase or that verb is passive ("was arrested during …").
 */
function adverbialActor(
  ctx: Ctx,
  segments: readonly Segment[],
  seg: number,
  tr: Trigger,
  lexicon: Lexicon,
  triggers: readonly Trigger[],
): Group | null {
  const tokens = ctx.tokens;
  const segment = segments[seg]!;
  let k = tr.first - 1;
  while (
    k >= segment.start &&
    k >= tr.first - 4 &&
    ctx.owner[k] === -1 &&
    (ADVERBIAL_SKIP.has(tokens[k]!.pos) || tokens[k]!.text === "-")
  )
    k--;
  if (k < segment.start || !ownActPreposition(tokens[k]!.lower, tr.pattern.code)) return null;
  const prep = k;
  for (let i = prep - 1; i >= segment.start; i--) {
    const tk = tokens[i]!;
    const copula = tk.pos === "AUX" && tk.lemma === "be" && tokens[i + 1]!.pos !== "VERB";
    if ((tk.pos !== "VERB" || isAttributive(tokens, i, segment.end)) && !copula) continue;
    if (isPassive(ctx, i, segment.start) || (!copula && !ownActVerb(tokens, i, lexicon, triggers)))
      return null;
    return subjectOf(ctx, segments, seg, i);
  }
  for (let i = tr.last + 1; i < segment.end; i++) {
    if (tokens[i]!.pos !== "VERB" || isAttributive(tokens, i, segment.end)) continue;
    if (isPassive(ctx, i, segment.start) || !ownActVerb(tokens, i, lexicon, triggers)) return null;
    return subjectOf(ctx, segments, seg, i);
  }
  return null;
}

/** A verb of saying, or the head of a verb trigger of a verbal or cooperative act (roots 01–13, not 14–20). */
function ownActVerb(
  tokens: readonly Token[],
  v: number,
  lexicon: Lexicon,
  triggers: readonly Trigger[],
): boolean {
  if (lexicon.report.has(tokens[v]!.lemma)) return true;
  for (const t of triggers)
    if (t.pattern.kind === "verb" && t.head === v && t.pattern.code.slice(0, 2) <= "13") return true;
  return false;
}

/** Words that may end a noun trigger's complement before its passive verb ("the Nigerian [army base] was …"). */
const NOUN_TAIL = new Set(["NOUN", "ADJ", "ADV"]);

/**
 * The agent of the passive verb a noun trigger is the subject of: "[evidence against Russia] was presented by the US",
 * "[the attack] was carried out by militants". Looks from `from` (after the noun and its complement) for be +
 * participle (+ particle) + by + actor, all in the clause. Null when there is none.
 */
function nounPassiveAgent(ctx: Ctx, segment: Segment, from: number): Group | null {
  const tokens = ctx.tokens;
  let i = from;
  // the rest of the complement's noun phrase ("the Nigerian [army base]") and adverbs
  while (i < segment.end && i < from + 3 && NOUN_TAIL.has(tokens[i]!.pos) && ctx.owner[i] === -1) i++;
  if (tokens[i]?.pos !== "AUX" || tokens[i]!.lemma !== "be" || i >= segment.end) return null;
  i++;
  while (i < segment.end && (tokens[i]!.pos === "ADV" || tokens[i]!.lemma === "be")) i++;
  if (i >= segment.end || !(tokens[i]!.pos === "VERB" || isParticiple(tokens, i))) return null;
  i++;
  if ((tokens[i]?.pos === "ADP" || tokens[i]?.pos === "ADV") && tokens[i]!.lower !== "by") i++; // "carried out by"
  if (tokens[i]?.lower !== "by") return null;
  let k = i + 1;
  while (k < segment.end && ctx.owner[k] === -1 && AGENT_SKIP.has(tokens[k]!.pos)) k++;
  if (k >= segment.end || ctx.owner[k] === -1) return null;
  return groupStartingAt(ctx, ctx.mentions[ctx.owner[k]!]!.tokenStart, segment.end);
}

/**
 * A noun trigger that is the subject of "be" + a predicate noun or adjective ("the armed conflict is a problem", "the
 * war was costly") is a topic being described, not an event being reported. "The ceasefire is holding" and "the
 * attack was carried out by …" (a verb follows) still are.
 */
function copulaTopic(tokens: readonly Token[], t: number, end: number): boolean {
  const be = tokens[t];
  if (!be || t >= end || be.pos !== "AUX" || be.lemma !== "be") return false;
  let k = t + 1;
  while (k < end && (tokens[k]!.pos === "ADV" || tokens[k]!.pos === "PART")) k++;
  const p = tokens[k]?.pos;
  return k < end && (p === "DET" || p === "ADJ" || p === "NOUN") && !isParticiple(tokens, k);
}

/** Source → target pairs of a trigger's roles. */
function* pairs(
  roles: Roles,
  pattern: EventPatternLike,
  mutual = false,
): Generator<[Mention, Mention | null]> {
  const { sources, targets } = roles;
  if (roles.ordered && sources.length >= 2) {
    yield [sources[0]!, sources[1]!];
    return;
  }
  if (roles.reciprocal && sources.length >= 2 && !targets.length) {
    for (const a of sources) for (const b of sources) if (a !== b) yield [a, b];
    return;
  }
  for (const s of sources) {
    if (!targets.length || pattern.flags.notarget) {
      yield [s, null];
      continue;
    }
    for (const t of targets) yield [s, t];
  }
  if (mutual && !pattern.flags.notarget) for (const t of targets) for (const s of sources) yield [t, s];
}

/** Mentions whose country the coder guessed from the sentence or the article, not from their words or the dateline. */
const COUNTRY_WEAK = new WeakSet<Mention>();
/** Mentions whose country the coder guessed from the dateline or the article, not from their own words. */
const COUNTRY_GUESSED = new WeakSet<Mention>();

/**
 * A political actor for patterns flagged `political`: a country, an official, an organisation or an armed group, or
 * an agent / resolved pronoun / description with a country — its own ("Egyptian police", "police in Cairo") or the
 * one of the story (dateline, most-named country). "Police" in a story that names no country at all is not.
 */
export function isPolitical(m: Mention): boolean {
  if (m.kind === "country" || m.kind === "person" || m.kind === "igo" || m.kind === "group") return true;
  return m.country !== null;
}

function sameActor(a: Mention, b: Mention): boolean {
  // The same person or organisation; an agent noun ("armed forces") is the same actor only within one country.
  return a.code === b.code || (a.entity === b.entity && a.entity !== "" && a.country === b.country);
}

/** A bare country acting in a statement by one of its own officials takes the official's code ("Putin says Russia …" → RUSGOV). */
function upgradeToSpeaker(src: Mention, speaker: Mention | null): Mention {
  if (!speaker || src.sector || !src.country || speaker.country !== src.country || !speaker.sector)
    return src;
  if (NOT_SPEAKERS.has(speaker.sector)) return src; // "…, medics said": no organ of the state
  return {
    ...src,
    code: speaker.code,
    sector: speaker.sector,
    why: `${src.why}; speaker ${speaker.name} is ${speaker.code}`,
  };
}

function confidence(tr: Trigger, roles: Roles, src: Mention, tgt: Mention | null): number {
  let c = tr.pattern.kind === "verb" ? 0.7 : 0.6;
  if (tr.match.targetAt !== null) c += 0.1;
  if (tr.pattern.specificity > 1) c += 0.05;
  if (roles.distance <= 3) c += 0.1;
  else if (roles.distance > 10) c -= 0.15;
  if (src.kind === "pronoun" || src.kind === "description") c -= 0.1;
  if (COUNTRY_GUESSED.has(src)) c -= 0.05;
  if (tgt && (tgt.kind === "pronoun" || tgt.kind === "description")) c -= 0.05;
  if (!tgt) c -= 0.1;
  return Math.round(Math.min(0.99, Math.max(0.05, c)) * 100) / 100;
}

/**
 * A participle wink tags NOUN or ADJ ("were **detained**", "**wounded** by"): a form in -ed/-en, or any form right
 * after a form of "be"/"have"/"get".
 */
export function isParticiple(tokens: readonly Token[], t: number): boolean {
  const tk = tokens[t]!;
  if (tk.pos !== "ADJ" && tk.pos !== "NOUN") return false;
  if (tk.lower.endsWith("ed")) return true;
  const prev = tokens[t - 1];
  return (
    !!prev &&
    prev.pos === "AUX" &&
    (prev.lemma === "be" || prev.lemma === "have" || prev.lemma === "get") &&
    tk.lower.endsWith("en")
  );
}

const MODALS = new Set([
  "will",
  "would",
  "can",
  "could",
  "may",
  "might",
  "must",
  "shall",
  "should",
  "wo",
  "ca",
]);

/** A word wink tags ADJ or NOUN right after a modal ("would **free** the prisoners") is a verb. */
export function afterModal(tokens: readonly Token[], t: number): boolean {
  const tk = tokens[t]!;
  if (tk.pos !== "ADJ" && tk.pos !== "NOUN") return false;
  const prev = tokens[t - 1];
  return !!prev && prev.pos === "AUX" && MODALS.has(prev.lower) && tokens[t + 1]?.pos !== "PUNCT";
}

/**
 * Words before a participle that make it an adjective of the next noun: "with **exiled** dissidents", "the **detained**
 * men", "met **exiled** leaders" (a full verb, not an auxiliary, before it).
 */
const ATTRIBUTIVE_BEFORE = new Set(["DET", "ADP", "ADJ", "NUM", "PUNCT", "PRON", "VERB"]);

/**
 * A participle used as an adjective before its noun ("met exiled dissidents", "the Israeli-occupied sector", "the
 * detained journalists") names a state, not an act: it is no verb trigger. A pronoun before it must be a possessive
 * ("their detained leaders"); "they detained journalists" is a verb. So is a present participle after a determiner
 * ("the visiting Brazilian leader").
 */
export function isAttributive(tokens: readonly Token[], t: number, end: number): boolean {
  const tk = tokens[t]!;
  if (t + 1 >= end) return false;
  // "the visiting Brazilian leader", "their striking workers": a present participle between a determiner and its noun
  if (tk.lower.endsWith("ing")) {
    const before = tokens[t - 1];
    const after = tokens[t + 1]!;
    const determined =
      !!before && (before.pos === "DET" || (before.pos === "PRON" && POSSESSIVES.has(before.lower)));
    return determined && (after.pos === "NOUN" || after.pos === "PROPN" || after.pos === "ADJ");
  }
  if (!tk.lower.endsWith("ed")) return false;
  const next = tokens[t + 1]!;
  if (next.pos !== "NOUN" && next.pos !== "PROPN") return false;
  const prev = tokens[t - 1];
  if (!prev || !ATTRIBUTIVE_BEFORE.has(prev.pos)) return false;
  if (prev.pos === "PUNCT" && prev.text !== "-" && prev.text !== "–") return false;
  if (prev.pos === "PRON" && !POSSESSIVES.has(prev.lower)) return false;
  return true;
}
const POSSESSIVES = new Set(["his", "her", "its", "their", "our", "my", "your"]);

/**
 * A clause dated to a year long before the article ("in 1982", "in August 1990", "the crisis of 1962") recalls history:
 * its events are background, not news. Used when no time expression dates the trigger.
 */
function isHistory(tokens: readonly Token[], segment: Segment, last: number, articleDate: string): boolean {
  const articleYear = Number(articleDate.slice(0, 4));
  // the year phrase closes the trigger's own words ("fought a war … in 1982"), not a later one
  for (let i = segment.start + 1; i < Math.min(segment.end, last + 13); i++) {
    if (i > last && tokens[i]!.pos === "VERB") break;
    const w = tokens[i]!.text;
    if (!isYear(w)) continue;
    const prev = tokens[i - 1]!.lower;
    if (prev !== "in" && prev !== "during" && prev !== "of" && !MONTH_NAMES.has(prev)) continue;
    if (Number(w) < articleYear - 1) return true;
  }
  return false;
}

/** A year naming a noun trigger itself, long before the article: "the country's 1994 genocide", "the 2003 invasion". */
function yearNamed(tokens: readonly Token[], segment: Segment, tr: Trigger, articleDate: string): boolean {
  if (tr.pattern.kind !== "noun" || tr.first - 1 < segment.start) return false;
  const before = tokens[tr.first - 1]!.text;
  return isYear(before) && Number(before) < Number(articleDate.slice(0, 4)) - 1;
}

const SCORE = /^\d{1,2}[-–]\d{1,2}$/;

/** A score such as "2-1" or "3–0" (the length and first-digit test spare most words the regex). */
function isScore(w: string): boolean {
  if (w.length < 3 || w.length > 5) return false;
  const c = w.charCodeAt(0);
  return c >= 48 && c <= 57 && SCORE.test(w);
}

function isYear(w: string): boolean {
  return w.length === 4 && (w[0] === "1" || w[0] === "2") && /^(19|20)\d\d$/.test(w);
}

function daysBetween(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}
