import type { MentionKind } from "../types/mention.js";

/** One actor a phrase was read as: its code on the article date, and what coreference needs to know about it. */
export interface ActorReading {
  readonly code: string;
  readonly country: string | null;
  readonly sector: string | null;
  readonly name: string;
  readonly kind: MentionKind;
  readonly entity: string;
  readonly why: string;
  readonly gender: "m" | "f" | null;
  /** A single person "he"/"she" can point back to. */
  readonly personLike: boolean;
  /** A plural actor "they" can point back to (troops, the Taliban, Russians). */
  readonly plural: boolean;
  /** The office the person held on the article date ("president"), if known. */
  readonly role: string | null;
}

interface Entry {
  readonly readings: readonly ActorReading[];
  readonly sentence: number;
  readonly order: number;
  /** Several actors named together ("Russia and China", "the two countries"). */
  readonly compound: boolean;
}

const REAL_COUNTRY = /^[A-Z]{3}$/;
/** Sectors that act for the state itself: a country and these organs of it are one side. */
const STATE_ORGANS = new Set(["GOV", "MIL", "COP", "SPY"]);

/** A state and an organ of the same state, or two of its organs ("Israel", "the Israeli military"). */
function sameState(a: ActorReading, b: ActorReading): boolean {
  if (a.country === null || a.country !== b.country || !REAL_COUNTRY.test(a.country)) return false;
  const organ = (r: ActorReading) => r.sector === null || STATE_ORGANS.has(r.sector);
  return organ(a) && organ(b);
}
const NOT_COUNTRIES = new Set(["IGO", "NGO", "IMG", "MNC"]);

/**
 * What the article has said so far, for coreference: every actor named, in order, with compounds kept together,
 * and the countries in the order they were last named.
 */
export class Discourse {
  private readonly entries: Entry[] = [];
  private readonly countries: Array<{ country: string; reading: ActorReading; order: number }> = [];
  private order = 0;

  /** Records actors named in `sentence`; several readings named together form a compound ("Russia and China"). */
  add(readings: readonly ActorReading[], sentence: number, compound = readings.length > 1): void {
    if (!readings.length) return;
    const order = ++this.order;
    this.entries.push({ readings, sentence, order, compound });
    for (const r of readings) {
      const c = r.country;
      if (!c || !REAL_COUNTRY.test(c) || NOT_COUNTRIES.has(c)) continue;
      const idx = this.countries.findIndex((x) => x.country === c);
      if (idx !== -1) this.countries.splice(idx, 1);
      this.countries.push({ country: c, reading: r, order });
    }
  }

  /**
   * "he"/"she": the subject-most person of the nearest sentence (the current one first) that names one; `other`
   * excludes an entity ("him" in a sentence whose "he" already stands for someone).
   */
  person(gender: "m" | "f", sentence: number, maxBack = 4, other: string | null = null): ActorReading | null {
    for (let s = sentence; s >= Math.max(0, sentence - maxBack); s--) {
      for (const e of this.entries) {
        if (e.sentence !== s || e.compound) continue;
        const r = e.readings[0]!;
        if (r.personLike && (r.gender === null || r.gender === gender) && r.entity !== other) return r;
      }
    }
    return null;
  }

  /**
   * "its": the subject-most state, organisation, group or institution of the nearest sentence (the current one
   * first) that names one; people and compounds are skipped.
   */
  owner(sentence: number, maxBack = 2): ActorReading | null {
    for (let s = sentence; s >= Math.max(0, sentence - maxBack); s--) {
      for (const e of this.entries) {
        if (e.sentence !== s || e.compound) continue;
        const r = e.readings[0]!;
        if (r.personLike || r.kind === "pronoun") continue;
        if (r.kind === "country" || r.kind === "igo" || r.kind === "group") return r;
        if (r.kind === "agent" && !r.plural && r.country) return r;
      }
    }
    return null;
  }

  /** "they"/"their": the most recent plural actor or compound within the last few sentences. */
  plural(sentence: number, maxBack = 3): readonly ActorReading[] | null {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i]!;
      if (e.sentence < sentence - maxBack) break;
      if (e.compound || e.readings.some((r) => r.plural)) return e.readings;
    }
    return null;
  }

  /**
   * The last `n` distinct countries named, most recent last; null if fewer were named. For two, countries named
   * together in the last two sentences ("the armed forces of China and Russia") win over the last two named apart.
   */
  lastCountries(n: number, sentence = Number.POSITIVE_INFINITY): ActorReading[] | null {
    if (n === 2) {
      for (let i = this.entries.length - 1; i >= 0; i--) {
        const e = this.entries[i]!;
        if (e.sentence < sentence - 2) break;
        if (!e.compound) continue;
        const seen = new Map<string, ActorReading>();
        for (const r of e.readings)
          if (r.country && REAL_COUNTRY.test(r.country) && !NOT_COUNTRIES.has(r.country))
            seen.set(r.country, r);
        if (seen.size === 2) return [...seen.values()];
      }
    }
    if (this.countries.length < n) return null;
    return this.countries.slice(-n).map((x) => x.reading);
  }

  /** The country named most recently, if it was named in `sentence` or up to `maxBack` sentences before. */
  recentCountry(sentence: number, maxBack: number): string | null {
    const last = this.countries[this.countries.length - 1];
    if (!last) return null;
    const e = this.entries.find((x) => x.order === last.order);
    return e && e.sentence >= sentence - maxBack ? last.country : null;
  }

  /** The most recent single actor whose reading passes `test`. */
  lastWhere(test: (r: ActorReading) => boolean, sentence: number, maxBack = 6): ActorReading | null {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i]!;
      if (e.sentence < sentence - maxBack) break;
      for (const r of e.readings) if (test(r)) return r;
    }
    return null;
  }

  /**
   * The last two distinct actors, for "the two sides": two sides are two parties, so a state and its own organs count
   * once ("Hamas accused Israel …, a charge the Israeli military denied. Both sides …" → Hamas and the Israeli
   * military, not Israel and its military); two parties of one country ("Fatah and Hamas") stay two.
   */
  lastTwoActors(sentence: number, maxBack = 4): ActorReading[] | null {
    const out: ActorReading[] = [];
    for (let i = this.entries.length - 1; i >= 0 && out.length < 2; i--) {
      const e = this.entries[i]!;
      if (e.sentence < sentence - maxBack) break;
      for (let k = e.readings.length - 1; k >= 0 && out.length < 2; k--) {
        const r = e.readings[k]!;
        if (r.kind === "pronoun" || r.kind === "description") continue;
        const taken = out.some((o) => (o.entity === r.entity && o.code === r.code) || sameState(o, r));
        if (!taken) out.push(r);
      }
    }
    return out.length === 2 ? out.reverse() : null;
  }
}
