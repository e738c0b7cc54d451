// The block plan: orders come in blocks of 20 with a fixed mix of kinds (international, domestic,
// digital) and of deliberate gaps among the international ones, shuffled anew for every block.

import type { Random } from "../random";

const KIND_INTERNATIONAL = 0;
export const KIND_DOMESTIC = 1;
export const KIND_DIGITAL = 2;

export const ROLE_NORMAL = 0;
export const ROLE_NO_HS = 1;
export const ROLE_NO_PHONE = 2;
export const ROLE_NO_PROVINCE = 3;
export const ROLE_NO_WEIGHT = 4;
export const ROLE_CUSTOM_SHIPPING = 5;
export const ROLE_CANCELLED = 6;
export const ROLE_NFE = 7;
export const ROLE_MAYBE_NFE = 8;

export const BLOCK_SIZE = 20;
const BLOCK_KINDS: readonly number[] = [
  ...Array.from({ length: 16 }, () => KIND_INTERNATIONAL),
  ...Array.from({ length: 3 }, () => KIND_DOMESTIC),
  KIND_DIGITAL,
];
const BLOCK_ROLES: readonly number[] = [
  ROLE_NO_HS,
  ROLE_NO_PHONE,
  ROLE_NO_PROVINCE,
  ROLE_NO_WEIGHT,
  ROLE_CUSTOM_SHIPPING,
  ROLE_CANCELLED,
  ROLE_NFE,
  ROLE_MAYBE_NFE,
  ...Array.from({ length: 8 }, () => ROLE_NORMAL),
];

/** The kind and role of each position in the current block. */
export class BlockPlan {
  readonly kinds = new Uint8Array(BLOCK_SIZE);
  readonly roles = new Uint8Array(BLOCK_SIZE);
  private readonly kindScratch = BLOCK_KINDS.slice();
  private readonly roleScratch = BLOCK_ROLES.slice();

  /** Deals the next block: shuffles the kinds, then hands the shuffled roles to its international orders. */
  plan(r: Random): void {
    r.shuffle(this.kindScratch);
    r.shuffle(this.roleScratch);
    let role = 0;
    for (let i = 0; i < BLOCK_SIZE; i++) {
      const kind = this.kindScratch[i];
      this.kinds[i] = kind;
      this.roles[i] = kind === KIND_INTERNATIONAL ? this.roleScratch[role++] : ROLE_NORMAL;
    }
  }
}
