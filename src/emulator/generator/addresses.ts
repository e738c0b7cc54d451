// Address lines, postcodes and phone numbers in each country's own format.

import type { Random } from "../random";
import type { City, Country } from "./countries";

/** Fills a postcode template: '#' becomes a random digit, '@' a random letter from `letters`. */
export function fillTemplate(r: Random, template: string, letters: string): string {
  let out = "";
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c === "#") out += String.fromCharCode(48 + Math.floor(r.next() * 10));
    else if (c === "@") out += letters[Math.floor(r.next() * letters.length)];
    else out += c;
  }
  return out;
}

/** An international-format phone number: calling code, the city's or country's prefix, random digits. */
export function phoneNumber(r: Random, country: Country, city: City): string {
  const spec = country.phone;
  let national = r.pick(city.phonePrefixes ?? spec.prefixes);
  if (spec.nextDigit) national += String(r.int(spec.nextDigit[0], spec.nextDigit[1]));
  return `+${spec.callingCode}${national}${r.digits(spec.length - national.length)}`;
}

/** The first address line in the country's street style. */
export function streetLine(r: Random, country: Country, city: City): string {
  const street = r.pick(city.streets);
  switch (country.style) {
    case "numberStreet":
      return `${r.int(1, country.maxNumber)} ${street}`;
    case "streetNumber":
      return `${street} ${r.int(1, country.maxNumber)}${country.code === "DE" && r.chance(0.08) ? "a" : ""}`;
    case "streetCommaNumber":
      return `${street}, ${r.int(1, country.maxNumber)}`;
    case "jp":
      return `${street} ${r.int(1, 6)}-${r.int(1, 24)}-${r.int(1, 18)}`;
    case "kr":
      return `${r.int(1, country.maxNumber)} ${street}, ${city.district}`;
    case "cn":
      return `No. ${r.int(1, country.maxNumber)} ${street}, ${city.district}`;
  }
}
