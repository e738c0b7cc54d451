// The demo shop's product list (prices in BRL, weights in grams unless given in kilograms).

export interface ProductSpec {
  title: string;
  sku: string | null;
  hs: string | null;
  price: number;
  /** Grams (number) or `{ kg }`; null when the merchant never entered a weight. */
  weight: number | { kg: number } | null;
  /** `[title, sku suffix, price override?, weight override?]` */
  variants?: readonly (readonly [string, string, number?, (number | { kg: number })?])[];
  popularity?: number;
  digital?: boolean;
}

const SIZES_SANDAL = [
  ["33/34", "3334"],
  ["35/36", "3536"],
  ["37/38", "3738"],
  ["39/40", "3940"],
  ["41/42", "4142"],
  ["43/44", "4344"],
] as const;
const SIZES_CLOTHES = [
  ["P", "P"],
  ["M", "M"],
  ["G", "G"],
  ["GG", "GG"],
] as const;
const SIZES_SWIM = [
  ["P", "P"],
  ["M", "M"],
  ["G", "G"],
] as const;

export const SHIPPABLE_SPECS: readonly ProductSpec[] = [
  {
    title: "Sandália Praia Tropical",
    sku: "SAN-TROP",
    hs: "64022000",
    price: 69.9,
    weight: 260,
    variants: SIZES_SANDAL,
    popularity: 8,
  },
  {
    title: "Sandália Slim Glitter Dourada",
    sku: "SAN-SLIM",
    hs: "64022000",
    price: 89.9,
    weight: 230,
    variants: SIZES_SANDAL.slice(1, 5),
    popularity: 5,
  },
  {
    title: "Café Especial Mantiqueira 250 g",
    sku: "CAF-MANT-250",
    hs: "09012100",
    price: 54.9,
    weight: 290,
    variants: [
      ["Grãos", "GR"],
      ["Moído", "MO"],
    ],
    popularity: 7,
  },
  {
    title: "Café Especial Cerrado Mineiro 1 kg",
    sku: "CAF-CERR-1K",
    hs: "09012100",
    price: 149.9,
    weight: { kg: 1.05 },
    variants: [
      ["Grãos", "GR"],
      ["Moído", "MO"],
    ],
    popularity: 4,
  },
  {
    title: "Jogo de Copos de Cachaça (6 un.)",
    sku: "COP-CACH-6",
    hs: "70133700",
    price: 119.9,
    weight: 780,
    popularity: 4,
  },
  {
    title: "Cachaceira de Madeira Artesanal",
    sku: "CACH-MAD",
    hs: "44199000",
    price: 189.9,
    weight: { kg: 1.2 },
    popularity: 2,
  },
  {
    title: "Tigela de Coco para Açaí",
    sku: "TIG-ACAI",
    hs: "96020090",
    price: 59.9,
    weight: 180,
    variants: [
      ["Natural", "NAT"],
      ["Envernizada", "ENV"],
    ],
    popularity: 5,
  },
  {
    title: "Kit Colheres de Madeira para Açaí (4 un.)",
    sku: "COL-ACAI-4",
    hs: "44199000",
    price: 39.9,
    weight: 90,
    popularity: 3,
  },
  {
    title: "Camiseta Algodão Rio 40°",
    sku: "CAM-RIO40",
    hs: "61091000",
    price: 99.9,
    weight: 190,
    variants: SIZES_CLOTHES,
    popularity: 5,
  },
  {
    title: "Camiseta Tropicália Amarela",
    sku: "CAM-TROP",
    hs: "61091000",
    price: 109.9,
    weight: 200,
    variants: SIZES_CLOTHES,
    popularity: 4,
  },
  {
    title: "Biquíni Asa Delta Estampa Tropical",
    sku: "BIQ-ASA",
    hs: "61124100",
    price: 179.9,
    weight: 120,
    variants: SIZES_SWIM,
    popularity: 6,
  },
  {
    title: "Biquíni Cortininha Crochê",
    sku: "BIQ-CROC",
    hs: "61124900",
    price: 159.9,
    weight: 110,
    variants: SIZES_SWIM,
    popularity: 4,
  },
  {
    title: "Sunga Listrada Ipanema",
    sku: "SUN-IPA",
    hs: "61123100",
    price: 89.9,
    weight: 90,
    variants: SIZES_CLOTHES,
    popularity: 3,
  },
  {
    title: "Bolsa de Couro Legítimo Caramelo",
    sku: "BOL-COU-CAR",
    hs: "42022100",
    price: 459.9,
    weight: 850,
    popularity: 3,
  },
  {
    title: "Carteira de Couro Masculina",
    sku: "CAR-COU",
    hs: "42023100",
    price: 149.9,
    weight: 110,
    variants: [
      ["Café", "CAF"],
      ["Preta", "PRE"],
    ],
    popularity: 3,
  },
  {
    title: "Cinto de Couro Artesanal",
    sku: "CIN-COU",
    hs: "42033000",
    price: 129.9,
    weight: 210,
    variants: [
      ["90 cm", "90"],
      ["100 cm", "100"],
      ["110 cm", "110"],
    ],
    popularity: 2,
  },
  { title: "Colar de Capim Dourado", sku: "COL-CAPIM", hs: "71179000", price: 139.9, weight: 40, popularity: 4 },
  {
    title: "Brinco de Prata 925 com Turmalina",
    sku: "BRI-PRA-TUR",
    hs: "71131100",
    price: 289.9,
    weight: 12,
    popularity: 3,
  },
  {
    title: "Anel de Prata 925 com Ametista",
    sku: "ANE-PRA-AME",
    hs: "71131100",
    price: 249.9,
    weight: 8,
    variants: [
      ["14", "14"],
      ["16", "16"],
      ["18", "18"],
      ["20", "20"],
    ],
    popularity: 2,
  },
  {
    title: "Rede de Dormir Algodão Nordeste",
    sku: "REDE-ALG",
    hs: "63069000",
    price: 329.9,
    weight: { kg: 1.6 },
    variants: [
      ["Casal", "CAS"],
      ["Solteiro", "SOL", 259.9, { kg: 1.2 }],
    ],
    popularity: 2,
  },
  { title: "Cesto de Palha de Buriti", sku: "CES-BURITI", hs: "46021900", price: 149.9, weight: 520, popularity: 2 },
  {
    title: "Sabonete Artesanal de Cupuaçu (3 un.)",
    sku: "SAB-CUPU-3",
    hs: "34011190",
    price: 49.9,
    weight: 330,
    popularity: 4,
  },
  { title: "Manteiga de Cupuaçu 100 g", sku: "MAN-CUPU", hs: "33049990", price: 69.9, weight: 140, popularity: 3 },
  {
    title: "Chocolate de Cacau da Bahia 70% (3 barras)",
    sku: "CHO-BA-70",
    hs: "18063210",
    price: 79.9,
    weight: 300,
    popularity: 4,
  },
  {
    title: "Vaso de Cerâmica Marajoara",
    sku: "VAS-MARAJ",
    hs: "69139000",
    price: 289.9,
    weight: { kg: 1.35 },
    popularity: 1,
  },
  {
    title: "Erva-Mate para Chimarrão 1 kg",
    sku: "ERV-MATE-1K",
    hs: "09030090",
    price: 44.9,
    weight: { kg: 1.05 },
    popularity: 2,
  },
  {
    title: "Chapéu de Palha de Carnaúba",
    sku: "CHA-CARNA",
    hs: "65040000",
    price: 119.9,
    weight: 170,
    variants: SIZES_SWIM,
    popularity: 2,
  },
  {
    title: "Canga de Praia Estampada",
    sku: "CAN-PRAIA",
    hs: "62149090",
    price: 79.9,
    weight: 210,
    variants: [
      ["Folhagem", "FOL"],
      ["Araras", "ARA"],
      ["Ondas", "OND"],
    ],
    popularity: 4,
  },
];

/** Products the merchant never finished filling in: the source of the deliberate gaps. */
export const NO_HS_SPECS: readonly ProductSpec[] = [
  { title: "Chaveiro de Capim Dourado", sku: "CHAV-CAPIM", hs: null, price: 29.9, weight: 15 },
  { title: "Kit Presente Brasil (café + copos)", sku: "KIT-PRES-BR", hs: null, price: 199.9, weight: { kg: 1.1 } },
];
export const NO_WEIGHT_SPECS: readonly ProductSpec[] = [
  { title: "Ímã de Geladeira em Cerâmica", sku: "IMA-CERAM", hs: "69139000", price: 24.9, weight: null },
];
export const DIGITAL_SPECS: readonly ProductSpec[] = [
  {
    title: "Vale-presente",
    sku: null,
    hs: null,
    price: 100,
    weight: null,
    digital: true,
    variants: [
      ["R$ 50,00", "", 50],
      ["R$ 100,00", "", 100],
      ["R$ 200,00", "", 200],
      ["R$ 500,00", "", 500],
    ],
    popularity: 4,
  },
  {
    title: "E-book Receitas do Brasil (PDF)",
    sku: "EBOOK-RECEITAS",
    hs: null,
    price: 39.9,
    weight: null,
    digital: true,
    popularity: 1,
  },
];
