// Customers: new buyers with a name, e-mail and address from their country, and returning buyers
// drawn from a small bounded ring of recent customers per country.

import type { EmuAddress } from "../model";
import type { Random } from "../random";
import { fillTemplate, phoneNumber, streetLine } from "./addresses";
import type { City, Country } from "./countries";
import type { Person } from "./people";

export interface CustomerRecord {
  id: number;
  person: Person;
  email: string;
  address: EmuAddress;
}

// E-mail domains are the reserved example domains (RFC 2606), so nothing generated here can ever
// reach a real mailbox, whatever a development build does with customer e-mails.
const EMAIL_DOMAINS = ["example.com", "example.net", "example.org"] as const;

const RECENT_PER_COUNTRY = 8;
const REPEAT_CUSTOMER_RATE = 0.12;

export class Customers {
  private customerId = 8_014_560_233_000;
  private customerSeq = 0;
  private readonly recent = new Map<string, CustomerRecord[]>();
  private readonly r: Random;

  constructor(r: Random) {
    this.r = r;
  }

  /** A returning customer from this country (same id, e-mail and address) or a new one. */
  customerFor(country: Country, city: () => City): CustomerRecord {
    const recent = this.recent.get(country.code);
    if (recent && recent.length > 0 && this.r.chance(REPEAT_CUSTOMER_RATE)) return this.r.pick(recent);
    const customer = this.newCustomer(country, city(), false);
    if (recent) {
      if (recent.length >= RECENT_PER_COUNTRY) recent.splice(this.r.int(0, recent.length - 1), 1);
      recent.push(customer);
    } else {
      this.recent.set(country.code, [customer]);
    }
    return customer;
  }

  /** A first-time customer living in `city`, never remembered for a repeat order. */
  newCustomer(country: Country, city: City, withoutPhone: boolean): CustomerRecord {
    const r = this.r;
    const person = country.people.sample(r)(r);
    this.customerId += r.int(1, 800_000);
    this.customerSeq += 1;
    const email = `${person.emailSlug || "cliente"}${this.customerSeq}@${r.pick(EMAIL_DOMAINS)}`;
    const address: EmuAddress = {
      firstName: person.firstName,
      lastName: person.lastName,
      name: person.name,
      company: country.companies && r.chance(0.04) ? r.pick(country.companies) : null,
      address1: streetLine(r, country, city),
      address2: country.address2(r, city),
      city: city.city,
      province: city.province,
      provinceCode: city.provinceCode,
      country: country.name,
      countryCode: country.code,
      zip: fillTemplate(r, r.pick(city.zips), country.postalLetters ?? "ABCDEFGHJKLMNPRSTUVWXYZ"),
      phone: withoutPhone ? null : phoneNumber(r, country, city),
    };
    if (country.code === "US" && r.chance(0.15)) address.zip += `-${r.digits(4)}`;
    return { id: this.customerId, person, email, address };
  }
}
