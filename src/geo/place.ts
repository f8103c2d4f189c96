/** What kind of place a name refers to. */
export type PlaceKind = "city" | "country" | "region";

/** A located place. */
export interface Place {
  readonly name: string;
  /** ISO 3166-1 alpha-3 of the country the place is in. */
  readonly country: string;
  readonly lat: number;
  readonly lon: number;
}

/** A place named in the text; offsets are into the clean text (`Doc.text`). */
export interface PlaceMention extends Place {
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  readonly kind: PlaceKind;
}
