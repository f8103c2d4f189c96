import type { AliasableExpression, ExpressionBuilder } from "kysely";
import type { Database } from "../store/schema.js";

/** What one node of an analysis stands for: a full actor code (`RUSGOV`) or a country (`RUS`). */
export type ActorLevel = "actor" | "country";

/** Country codes that are not countries: organisations keep their full code at the country level (`IGOUNO`). */
const NOT_COUNTRIES = ["IGO", "NGO", "IMG", "MNC", "INT"];

/**
 * The key that groups one side of `merged_events` at `level`: the actor code, or its country — except for actors
 * without a country or with a transnational prefix, which keep their code so the UN and NATO stay apart.
 */
export function actorKey(
  eb: ExpressionBuilder<Database, "merged_events">,
  side: "source" | "target",
  level: ActorLevel,
): AliasableExpression<string | null> {
  const code = side === "source" ? "merged_events.source_code" : "merged_events.target_code";
  if (level === "actor") return eb.ref(code);
  const country = side === "source" ? "merged_events.source_country" : "merged_events.target_country";
  return eb
    .case()
    .when(eb.or([eb(country, "is", null), eb(country, "in", NOT_COUNTRIES)]))
    .then(eb.ref(code))
    .else(eb.ref(country))
    .end();
}
