/** Short news stories written for these tests, with the political events the coder should find in them. */
export const STORIES = {
  drills: {
    title: "Navies of Russia and China begin joint drills",
    paragraphs: [
      "MOSCOW — Russia and China began joint naval exercises in the Sea of Japan on Thursday, the defence ministry in Moscow said.",
      "Eight warships and two submarines take part in the drills, which are planned to last five days, according to the ministry statement.",
      "Officials in Beijing described the manoeuvres as routine and said they were not aimed at any third country.",
    ],
    summary: "Russia and China began joint naval exercises on Thursday.",
  },
  talks: {
    title: "France and Germany agree to resume border talks",
    paragraphs: [
      "PARIS — France and Germany agreed on Wednesday to resume talks on the management of their shared border, the two governments said.",
      "The foreign ministers met for three hours in the French capital and promised a joint plan before the end of the year.",
      "Negotiators from both sides will meet again in Strasbourg next month, according to a statement released after the meeting.",
    ],
    summary: "France and Germany agreed to resume border talks.",
  },
  sanctions: {
    title: "Washington imposes new sanctions on Iran",
    paragraphs: [
      "WASHINGTON — The United States imposed new sanctions on Iran on Tuesday, targeting shipping companies accused of moving oil.",
      "The Treasury said the measures freeze any assets the firms hold under American jurisdiction and bar dealings with them.",
      "Iran condemned the decision and said it would not change its policy, the state news agency reported later that day.",
    ],
    summary: "The United States imposed new sanctions on Iran on Tuesday.",
  },
  aid: {
    title: "Japan pledges aid to flood-hit Pakistan",
    paragraphs: [
      "TOKYO — Japan pledged emergency aid to Pakistan on Monday after floods displaced thousands of families in the south of the country.",
      "The foreign ministry said tents, water purifiers and medical supplies would be flown in over the coming week.",
      "Pakistan thanked Japan for the offer and said more help would be needed as the water recedes.",
    ],
    summary: "Japan pledged emergency aid to Pakistan on Monday after the floods.",
  },
  missing: {
    title: "India and Nepal sign a trade agreement",
    paragraphs: [],
    summary:
      "India and Nepal signed a trade agreement on Friday in Kathmandu, cutting duties on farm goods and opening two new border crossings for lorries.",
  },
} as const;
