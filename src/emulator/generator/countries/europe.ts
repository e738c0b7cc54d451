// Destination countries in Europe: the United Kingdom, Germany, France, Portugal, Spain, Italy, the
// Netherlands, Switzerland, Sweden and Greece.

import {
  EN,
  HISPANIC,
  GERMAN,
  FRENCH,
  PORTUGUESE,
  BRAZILIAN,
  ITALIAN,
  DUTCH,
  SWEDISH,
  JAPANESE,
  GREEK,
  RUSSIAN,
  people,
} from "../people";
import type { Country } from "./types";

const GB_MOBILE = (
  "71 72 73 740 741 747 748 749 751 753 754 755 756 757 758 759 771 772 773 774 " +
  "775 776 777 780 781 784 785 786 787 788 789 790 792 794 795 796 797 798 799"
).split(" ");

export const GB: Country = {
  code: "GB",
  name: "United Kingdom",
  style: "numberStreet",
  maxNumber: 240,
  postalLetters: "ABDEFGHJLNPQRSTUWXYZ",
  phone: { callingCode: "44", length: 10, prefixes: GB_MOBILE },
  cities: [
    {
      city: "London",
      province: null,
      provinceCode: null,
      zips: ["SW1A #@@", "SE1 #@@", "N1 #@@", "E2 #@@", "W1F #@@", "NW3 #@@", "EC1V #@@", "WC2H #@@"],
      streets: [
        "Baker Street",
        "Camden High Street",
        "Kingsland Road",
        "Portobello Road",
        "Brick Lane",
        "Upper Street",
      ],
    },
    {
      city: "Manchester",
      province: null,
      provinceCode: null,
      zips: ["M1 #@@", "M4 #@@", "M20 #@@"],
      streets: ["Oldham Street", "Deansgate", "Wilmslow Road"],
    },
    {
      city: "Edinburgh",
      province: null,
      provinceCode: null,
      zips: ["EH1 #@@", "EH3 #@@", "EH6 #@@"],
      streets: ["Leith Walk", "Princes Street", "Broughton Street"],
    },
    {
      city: "Bristol",
      province: null,
      provinceCode: null,
      zips: ["BS1 #@@", "BS6 #@@", "BS8 #@@"],
      streets: ["Gloucester Road", "Park Street", "Whiteladies Road"],
    },
    {
      city: "Brighton",
      province: null,
      provinceCode: null,
      zips: ["BN1 #@@", "BN2 #@@"],
      streets: ["North Road", "Western Road", "Kensington Gardens"],
    },
  ],
  address2: (r) => (r.chance(0.25) ? `Flat ${r.int(1, 42)}` : null),
  people: people([
    [EN, 85],
    [ITALIAN, 5],
    [RUSSIAN.latin, 5],
    [JAPANESE.latin, 5],
  ]),
  zone: 1.2,
  companies: ["Brazil Corner Ltd", "Little Rio Trading Ltd"],
};

export const DE: Country = {
  code: "DE",
  name: "Germany",
  style: "streetNumber",
  maxNumber: 180,
  phone: {
    callingCode: "49",
    length: 11,
    prefixes: [
      "151",
      "152",
      "157",
      "159",
      "160",
      "162",
      "163",
      "170",
      "171",
      "172",
      "173",
      "174",
      "175",
      "176",
      "177",
      "178",
      "179",
    ],
  },
  cities: [
    {
      city: "Berlin",
      province: null,
      provinceCode: null,
      zips: ["101##", "104##", "109##", "120##"],
      streets: [
        "Torstraße",
        "Kastanienallee",
        "Oranienstraße",
        "Karl-Marx-Allee",
        "Schönhauser Allee",
        "Bergmannstraße",
      ],
    },
    {
      city: "München",
      province: null,
      provinceCode: null,
      zips: ["803##", "804##", "806##"],
      streets: ["Leopoldstraße", "Sendlinger Straße", "Maximilianstraße", "Türkenstraße"],
    },
    {
      city: "Hamburg",
      province: null,
      provinceCode: null,
      zips: ["203##", "207##", "227##"],
      streets: ["Schanzenstraße", "Ottenser Hauptstraße", "Mönckebergstraße"],
    },
    {
      city: "Köln",
      province: null,
      provinceCode: null,
      zips: ["506##", "507##"],
      streets: ["Ehrenstraße", "Venloer Straße", "Aachener Straße"],
    },
    {
      city: "Frankfurt am Main",
      province: null,
      provinceCode: null,
      zips: ["603##", "605##"],
      streets: ["Berger Straße", "Schweizer Straße", "Leipziger Straße"],
    },
  ],
  address2: (r) => (r.chance(0.1) ? r.pick(["3. OG", "Hinterhaus", "Seitenflügel, 2. OG", "Wohnung 5"]) : null),
  people: people([
    [GERMAN, 85],
    [RUSSIAN.native, 10],
    [GREEK.native, 5],
  ]),
  zone: 1.2,
  companies: ["Samba Laden GmbH", "Brasil Feinkost GmbH"],
};

export const FR: Country = {
  code: "FR",
  name: "France",
  style: "numberStreet",
  maxNumber: 220,
  phone: {
    callingCode: "33",
    length: 9,
    prefixes: ["60", "61", "62", "63", "64", "65", "66", "67", "68", "69", "73", "75", "76", "77", "78", "79"],
  },
  cities: [
    {
      city: "Paris",
      province: null,
      provinceCode: null,
      zips: ["75001", "75003", "75004", "75005", "75010", "75011", "75015", "75017", "75018", "75020"],
      streets: [
        "rue de Rivoli",
        "rue Oberkampf",
        "boulevard Voltaire",
        "rue de la Roquette",
        "avenue de la République",
        "rue du Faubourg Saint-Antoine",
        "rue des Martyrs",
      ],
    },
    {
      city: "Lyon",
      province: null,
      provinceCode: null,
      zips: ["69001", "69002", "69003", "69004", "69007"],
      streets: ["rue de la République", "cours Lafayette", "rue Mercière"],
    },
    {
      city: "Marseille",
      province: null,
      provinceCode: null,
      zips: ["13001", "13006", "13007", "13008"],
      streets: ["rue de Rome", "boulevard Longchamp", "rue Paradis"],
    },
    {
      city: "Bordeaux",
      province: null,
      provinceCode: null,
      zips: ["33000", "33800"],
      streets: ["cours de l'Intendance", "rue Sainte-Catherine", "quai des Chartrons"],
    },
    {
      city: "Nantes",
      province: null,
      provinceCode: null,
      zips: ["44000", "44100"],
      streets: ["rue Crébillon", "quai de la Fosse", "rue de Strasbourg"],
    },
  ],
  address2: (r) =>
    r.chance(0.12) ? r.pick(["Bâtiment B", `Appartement ${r.int(1, 40)}`, `${r.int(2, 6)}e étage`]) : null,
  people: people([
    [FRENCH, 90],
    [PORTUGUESE, 5],
    [ITALIAN, 5],
  ]),
  zone: 1.2,
  companies: ["Le Comptoir Brésilien SARL"],
};

export const PT: Country = {
  code: "PT",
  name: "Portugal",
  style: "streetCommaNumber",
  maxNumber: 320,
  phone: { callingCode: "351", length: 9, prefixes: ["91", "92", "93", "96"] },
  cities: [
    {
      city: "Lisboa",
      province: "Lisboa",
      provinceCode: "11",
      zips: ["1100-###", "1200-###", "1250-###", "1700-###"],
      streets: ["Rua Augusta", "Avenida da Liberdade", "Rua do Carmo", "Rua de São Bento", "Avenida Almirante Reis"],
    },
    {
      city: "Porto",
      province: "Porto",
      provinceCode: "13",
      zips: ["4000-###", "4050-###", "4150-###"],
      streets: ["Rua de Santa Catarina", "Avenida dos Aliados", "Rua de Cedofeita"],
    },
    {
      city: "Braga",
      province: "Braga",
      provinceCode: "03",
      zips: ["4700-###", "4710-###"],
      streets: ["Rua do Souto", "Avenida da Liberdade"],
    },
    {
      city: "Coimbra",
      province: "Coimbra",
      provinceCode: "06",
      zips: ["3000-###"],
      streets: ["Rua Ferreira Borges", "Rua da Sofia"],
    },
    {
      city: "Faro",
      province: "Faro",
      provinceCode: "08",
      zips: ["8000-###"],
      streets: ["Rua de Santo António", "Rua Conselheiro Bivar"],
    },
  ],
  address2: (r) => (r.chance(0.4) ? r.pick([`${r.int(1, 8)}º Esq.`, `${r.int(1, 8)}º Dto.`, "R/C"]) : null),
  people: people([
    [PORTUGUESE, 80],
    [BRAZILIAN, 15],
    [RUSSIAN.native, 5],
  ]),
  zone: 1.2,
};

export const ES: Country = {
  code: "ES",
  name: "Spain",
  style: "streetCommaNumber",
  maxNumber: 180,
  phone: { callingCode: "34", length: 9, prefixes: ["60", "61", "62", "63", "64", "65", "66", "67", "68", "69"] },
  cities: [
    {
      city: "Madrid",
      province: "Madrid",
      provinceCode: "M",
      zips: ["280##"],
      streets: ["Calle de Alcalá", "Gran Vía", "Calle de Fuencarral", "Calle Mayor", "Calle de Serrano"],
    },
    {
      city: "Barcelona",
      province: "Barcelona",
      provinceCode: "B",
      zips: ["080##"],
      streets: ["Carrer de Mallorca", "Passeig de Gràcia", "Carrer de Verdi", "Carrer de Balmes"],
    },
    {
      city: "Valencia",
      province: "Valencia",
      provinceCode: "V",
      zips: ["460##"],
      streets: ["Carrer de Colón", "Avinguda del Regne de València"],
    },
    {
      city: "Sevilla",
      province: "Seville",
      provinceCode: "SE",
      zips: ["410##"],
      streets: ["Calle Sierpes", "Avenida de la Constitución"],
    },
    {
      city: "Málaga",
      province: "Málaga",
      provinceCode: "MA",
      zips: ["290##"],
      streets: ["Calle Larios", "Calle Granada"],
    },
  ],
  address2: (r) =>
    r.chance(0.45)
      ? r.pick([`${r.int(1, 9)}º ${r.pick(["A", "B", "C", "D"])}`, `Piso ${r.int(1, 9)}, puerta ${r.int(1, 4)}`])
      : null,
  people: people([
    [HISPANIC, 90],
    [RUSSIAN.latin, 5],
    [FRENCH, 5],
  ]),
  zone: 1.2,
  companies: ["Tienda Carioca S.L."],
};

export const IT: Country = {
  code: "IT",
  name: "Italy",
  style: "streetCommaNumber",
  maxNumber: 160,
  phone: { callingCode: "39", length: 10, prefixes: ["32", "33", "34", "35", "36", "37", "38", "39"] },
  cities: [
    {
      city: "Roma",
      province: "Roma",
      provinceCode: "RM",
      zips: ["001##"],
      streets: ["Via del Corso", "Via Cavour", "Via Nazionale", "Via dei Coronari", "Viale di Trastevere"],
    },
    {
      city: "Milano",
      province: "Milano",
      provinceCode: "MI",
      zips: ["201##"],
      streets: ["Corso Buenos Aires", "Via Torino", "Corso di Porta Ticinese", "Via Montenapoleone"],
    },
    {
      city: "Firenze",
      province: "Firenze",
      provinceCode: "FI",
      zips: ["501##"],
      streets: ["Via dei Calzaiuoli", "Via de' Tornabuoni", "Borgo San Frediano"],
    },
    {
      city: "Napoli",
      province: "Napoli",
      provinceCode: "NA",
      zips: ["801##"],
      streets: ["Via Toledo", "Via dei Tribunali", "Via Chiaia"],
    },
    {
      city: "Bologna",
      province: "Bologna",
      provinceCode: "BO",
      zips: ["401##"],
      streets: ["Via dell'Indipendenza", "Via Zamboni", "Strada Maggiore"],
    },
  ],
  address2: (r) =>
    r.chance(0.15)
      ? r.pick([`Scala ${r.pick(["A", "B", "C"])}, Interno ${r.int(1, 20)}`, `Int. ${r.int(1, 20)}`])
      : null,
  people: people([
    [ITALIAN, 95],
    [RUSSIAN.native, 5],
  ]),
  zone: 1.2,
};

export const NL: Country = {
  code: "NL",
  name: "Netherlands",
  style: "streetNumber",
  maxNumber: 420,
  postalLetters: "ABCEGHJKLMNPRTVWXZ",
  phone: { callingCode: "31", length: 9, prefixes: ["61", "62", "63", "64", "65"] },
  cities: [
    {
      city: "Amsterdam",
      province: null,
      provinceCode: null,
      zips: ["10## @@"],
      streets: ["Prinsengracht", "Keizersgracht", "Haarlemmerstraat", "Ferdinand Bolstraat", "Javastraat"],
    },
    {
      city: "Rotterdam",
      province: null,
      provinceCode: null,
      zips: ["30## @@"],
      streets: ["Witte de Withstraat", "Nieuwe Binnenweg", "Meent"],
    },
    {
      city: "Utrecht",
      province: null,
      provinceCode: null,
      zips: ["35## @@"],
      streets: ["Oudegracht", "Twijnstraat", "Biltstraat"],
    },
    {
      city: "Den Haag",
      province: null,
      provinceCode: null,
      zips: ["25## @@"],
      streets: ["Prinsestraat", "Frederik Hendriklaan", "Zeestraat"],
    },
  ],
  address2: (r) => (r.chance(0.12) ? r.pick(["2-hoog", "3-hoog", "huis"]) : null),
  people: people([
    [DUTCH, 90],
    [GERMAN, 10],
  ]),
  zone: 1.2,
};

export const CH: Country = {
  code: "CH",
  name: "Switzerland",
  style: "streetNumber",
  maxNumber: 140,
  phone: { callingCode: "41", length: 9, prefixes: ["75", "76", "77", "78", "79"] },
  cities: [
    {
      city: "Zürich",
      province: null,
      provinceCode: null,
      zips: ["80##"],
      streets: ["Bahnhofstrasse", "Langstrasse", "Josefstrasse", "Seefeldstrasse"],
    },
    {
      city: "Genève",
      province: null,
      provinceCode: null,
      zips: ["120#"],
      streets: ["Rue du Rhône", "Rue de Carouge", "Boulevard Carl-Vogt"],
    },
    {
      city: "Basel",
      province: null,
      provinceCode: null,
      zips: ["40##"],
      streets: ["Steinenvorstadt", "Clarastrasse", "Feldbergstrasse"],
    },
    {
      city: "Bern",
      province: null,
      provinceCode: null,
      zips: ["30##"],
      streets: ["Kramgasse", "Marktgasse", "Lorrainestrasse"],
    },
  ],
  address2: () => null,
  people: people([
    [GERMAN, 60],
    [FRENCH, 30],
    [ITALIAN, 10],
  ]),
  zone: 1.2,
};

export const SE: Country = {
  code: "SE",
  name: "Sweden",
  style: "streetNumber",
  maxNumber: 120,
  phone: { callingCode: "46", length: 9, prefixes: ["70", "72", "73", "76", "79"] },
  cities: [
    {
      city: "Stockholm",
      province: null,
      provinceCode: null,
      zips: ["11# ##"],
      streets: ["Götgatan", "Drottninggatan", "Hornsgatan", "Odengatan", "Sveavägen"],
    },
    {
      city: "Göteborg",
      province: null,
      provinceCode: null,
      zips: ["41# ##"],
      streets: ["Linnégatan", "Vasagatan", "Kungsportsavenyen"],
    },
    {
      city: "Malmö",
      province: null,
      provinceCode: null,
      zips: ["21# ##"],
      streets: ["Södergatan", "Davidshallsgatan"],
    },
  ],
  address2: (r) => (r.chance(0.3) ? `lgh ${r.int(10, 16)}0${r.int(1, 4)}` : null),
  people: people([[SWEDISH, 100]]),
  zone: 1.2,
};

export const GR: Country = {
  code: "GR",
  name: "Greece",
  style: "streetNumber",
  maxNumber: 120,
  phone: { callingCode: "30", length: 10, prefixes: ["69"] },
  cities: [
    {
      city: "Athina",
      province: null,
      provinceCode: null,
      zips: ["105 ##", "106 ##", "117 ##"],
      streets: ["Ermou", "Adrianou", "Patission", "Skoufa"],
    },
    {
      city: "Thessaloniki",
      province: null,
      provinceCode: null,
      zips: ["546 ##"],
      streets: ["Tsimiski", "Egnatia", "Agias Sofias"],
    },
  ],
  address2: () => null,
  people: people([
    [GREEK.native, 60],
    [GREEK.latin, 40],
  ]),
  zone: 1.2,
};
