// The international destination deck: which country the next international order ships to.

import type { Random } from "../../random";

/**
 * The international destination deck: 38 cards over 19 countries. Drawn without replacement and
 * reshuffled when empty, so each run of 38 international orders visits every country.
 */
const DECK: readonly string[] = Object.entries({
  US: 6,
  CA: 2,
  GB: 3,
  DE: 3,
  FR: 3,
  PT: 3,
  ES: 2,
  IT: 2,
  NL: 2,
  CH: 1,
  SE: 1,
  GR: 1,
  JP: 2,
  KR: 1,
  CN: 1,
  AU: 2,
  MX: 1,
  AR: 1,
  CL: 1,
}).flatMap(([code, copies]) => Array.from({ length: copies }, () => code));

/** Deals destination country codes from a private copy of the deck, reshuffling it when it runs out. */
export class CountryDeck {
  private readonly deck = DECK.slice();
  private deckPos = DECK.length;

  draw(r: Random): string {
    if (this.deckPos >= this.deck.length) {
      r.shuffle(this.deck);
      this.deckPos = 0;
    }
    return this.deck[this.deckPos++];
  }
}
