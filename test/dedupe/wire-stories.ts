/** Constructed news texts (our own words) for de-duplication tests: one story in several copies, and others. */

export const HARBOUR_STORY = [
  "The defence ministers of Russia and China met in Vladivostok on Tuesday to plan a second round of joint naval",
  "drills in the Sea of Japan, officials from both delegations said after the talks.",
  "The two sides agreed that eight warships and four submarine-hunting aircraft would take part in the exercise,",
  "which is scheduled to begin in the middle of next month and last for about ten days.",
  "According to a statement released by the Russian side, the ministers also discussed supply arrangements for",
  "vessels that call at each other's ports and a shared training course for junior officers.",
  "A spokesman for the Chinese delegation described the meeting as frank and productive and said that the drills",
  "were not aimed at any third country.",
  "Japan's foreign ministry said it was watching the preparations closely and asked both governments to share",
  "details of the planned manoeuvres with neighbouring states in advance.",
  "Analysts in Seoul noted that the announcement came only weeks after a similar exercise by American and South",
  "Korean ships in waters south of the peninsula.",
].join(" ");

/** The same wire story as re-posted by another site, wrapped in that site's page furniture. */
export const HARBOUR_REPOST = [
  "Home | World | Asia Pacific",
  "Share this story: Facebook Twitter Email",
  HARBOUR_STORY,
  "Related coverage: Fishing fleet returns early as storm season begins",
  "Sign up for our morning briefing to get the top stories in your inbox.",
  "Copyright 2024 Pacific Daily Record. All rights reserved.",
].join("\n");

/** A lightly edited copy: a reworded opening, a changed number and a dropped closing sentence. */
export const HARBOUR_EDITED = HARBOUR_STORY.replace(
  "The defence ministers of Russia and China met in Vladivostok on Tuesday",
  "Russian and Chinese defence ministers met in Vladivostok on Tuesday",
)
  .replace("eight warships", "nine warships")
  .replace(
    " Analysts in Seoul noted that the announcement came only weeks after a similar exercise by American and South Korean ships in waters south of the peninsula.",
    "",
  );

/** A different story on a related subject. */
export const GRAIN_STORY = [
  "Farmers in the south of Brazil began harvesting soybeans on Monday after a wet spring delayed planting by",
  "almost three weeks, the national crop agency reported.",
  "The agency lowered its forecast for the season by two percent but said export contracts with buyers in Asia",
  "would be met in full because stocks from last year remain high.",
  "Prices at the port of Paranagua were steady, traders said, as lorries queued for a second day to unload.",
  "Growers' associations warned that higher fuel costs would squeeze margins even if yields recover.",
].join(" ");

/** Another unrelated story. */
export const ELECTION_STORY = [
  "Voters in the coastal province went to the polls on Sunday to choose a new regional assembly, with turnout",
  "reported at just over sixty percent by early evening.",
  "The governing coalition campaigned on road building and hospital funding, while the opposition promised to cut",
  "local taxes and review a contested mining licence.",
  "Results are expected on Wednesday after postal ballots from fishing crews at sea have been counted.",
].join(" ");
