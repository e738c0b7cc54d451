// Destination countries in Asia and the Pacific: Japan, South Korea, China and Australia.

import { EN, JAPANESE, CHINESE, KOREAN, GREEK, people } from "../people";
import type { Country } from "./types";

export const JP: Country = {
  code: "JP",
  name: "Japan",
  style: "jp",
  maxNumber: 0,
  phone: { callingCode: "81", length: 10, prefixes: ["90", "80", "70"], nextDigit: [1, 9] },
  cities: [
    {
      city: "Shibuya-ku",
      province: "Tokyo",
      provinceCode: "13",
      zips: ["150-00##"],
      streets: ["Jingumae", "Ebisu", "Dogenzaka", "Sendagaya"],
    },
    {
      city: "Setagaya-ku",
      province: "Tokyo",
      provinceCode: "13",
      zips: ["154-00##", "155-00##"],
      streets: ["Sangenjaya", "Kitazawa", "Daizawa"],
    },
    {
      city: "Minato-ku",
      province: "Tokyo",
      provinceCode: "13",
      zips: ["106-00##", "107-00##"],
      streets: ["Roppongi", "Azabujuban", "Minamiaoyama"],
    },
    {
      city: "Osaka-shi Kita-ku",
      province: "Osaka",
      provinceCode: "27",
      zips: ["530-00##"],
      streets: ["Umeda", "Nakazakinishi", "Tenjinbashi"],
    },
    {
      city: "Yokohama-shi Naka-ku",
      province: "Kanagawa",
      provinceCode: "14",
      zips: ["231-00##"],
      streets: ["Yamashitacho", "Motomachi", "Onoecho"],
    },
    {
      city: "Fukuoka-shi Chuo-ku",
      province: "Fukuoka",
      provinceCode: "40",
      zips: ["810-00##"],
      streets: ["Tenjin", "Daimyo", "Yakuin"],
    },
  ],
  address2: (r) =>
    r.chance(0.45)
      ? `${r.pick(["Sakura Heights", "Maison Aoyama", "Green Court", "Park Side Residence"])} ${r.int(1, 12)}0${r.int(1, 9)}`
      : null,
  people: people([
    [JAPANESE.native, 70],
    [JAPANESE.latin, 30],
  ]),
  zone: 1.4,
  companies: ["Rio Zakka K.K."],
};

export const KR: Country = {
  code: "KR",
  name: "South Korea",
  style: "kr",
  maxNumber: 480,
  phone: { callingCode: "82", length: 10, prefixes: ["10"], nextDigit: [2, 9] },
  cities: [
    {
      city: "Seoul",
      province: "Seoul",
      provinceCode: "11",
      district: "Gangnam-gu",
      zips: ["06###"],
      streets: ["Teheran-ro", "Gangnam-daero", "Dosan-daero", "Apgujeong-ro"],
    },
    {
      city: "Seoul",
      province: "Seoul",
      provinceCode: "11",
      district: "Mapo-gu",
      zips: ["040##", "041##"],
      streets: ["Yanghwa-ro", "Wausan-ro", "Hongik-ro"],
    },
    {
      city: "Seoul",
      province: "Seoul",
      provinceCode: "11",
      district: "Jongno-gu",
      zips: ["030##", "031##"],
      streets: ["Samcheong-ro", "Jong-ro", "Yulgok-ro"],
    },
    {
      city: "Busan",
      province: "Busan",
      provinceCode: "26",
      district: "Haeundae-gu",
      zips: ["480##", "481##"],
      streets: ["Haeundaehaebyeon-ro", "Centum jungang-ro"],
    },
    {
      city: "Seongnam-si",
      province: "Gyeonggi",
      provinceCode: "41",
      district: "Bundang-gu",
      zips: ["135##", "136##"],
      streets: ["Pangyoyeok-ro", "Bundang-ro"],
    },
  ],
  address2: (r) => (r.chance(0.45) ? `Apt ${r.int(101, 112)}-${r.int(1, 25)}0${r.int(1, 4)}` : null),
  people: people([
    [KOREAN.native, 70],
    [KOREAN.latin, 30],
  ]),
  zone: 1.4,
};

export const CN: Country = {
  code: "CN",
  name: "China",
  style: "cn",
  maxNumber: 888,
  phone: {
    callingCode: "86",
    length: 11,
    prefixes: ["135", "136", "137", "138", "139", "150", "151", "152", "158", "159", "186", "187", "188", "189"],
  },
  cities: [
    {
      city: "Beijing",
      province: "Beijing",
      provinceCode: "BJ",
      district: "Chaoyang District",
      zips: ["10002#"],
      streets: ["Sanlitun Road", "Jianguo Road", "Chaoyang North Road"],
    },
    {
      city: "Beijing",
      province: "Beijing",
      provinceCode: "BJ",
      district: "Dongcheng District",
      zips: ["10000#", "10001#"],
      streets: ["Wangfujing Street", "Dongsi North Street", "Nanluoguxiang"],
    },
    {
      city: "Shanghai",
      province: "Shanghai",
      provinceCode: "SH",
      district: "Jing'an District",
      zips: ["20004#"],
      streets: ["Nanjing West Road", "Yuyuan Road", "Wuding Road"],
    },
    {
      city: "Shanghai",
      province: "Shanghai",
      provinceCode: "SH",
      district: "Xuhui District",
      zips: ["20003#"],
      streets: ["Hengshan Road", "Wukang Road", "Huaihai Middle Road"],
    },
    {
      city: "Shenzhen",
      province: "Guangdong",
      provinceCode: "GD",
      district: "Nanshan District",
      zips: ["51805#"],
      streets: ["Shennan Avenue", "Keyuan Road"],
    },
    {
      city: "Hangzhou",
      province: "Zhejiang",
      provinceCode: "ZJ",
      district: "Xihu District",
      zips: ["31001#"],
      streets: ["Wensan Road", "Nanshan Road"],
    },
  ],
  address2: (r) => (r.chance(0.5) ? `Room ${r.int(2, 28)}0${r.int(1, 8)}` : null),
  people: people([
    [CHINESE.native, 75],
    [CHINESE.latin, 25],
  ]),
  zone: 1.4,
};

export const AU: Country = {
  code: "AU",
  name: "Australia",
  style: "numberStreet",
  maxNumber: 480,
  phone: { callingCode: "61", length: 9, prefixes: ["40", "41", "42", "43"] },
  cities: [
    {
      city: "Sydney",
      province: "New South Wales",
      provinceCode: "NSW",
      zips: ["2000"],
      streets: ["George Street", "Pitt Street", "Clarence Street"],
    },
    {
      city: "Surry Hills",
      province: "New South Wales",
      provinceCode: "NSW",
      zips: ["2010"],
      streets: ["Crown Street", "Bourke Street"],
    },
    {
      city: "Bondi Beach",
      province: "New South Wales",
      provinceCode: "NSW",
      zips: ["2026"],
      streets: ["Campbell Parade", "Hall Street"],
    },
    {
      city: "Melbourne",
      province: "Victoria",
      provinceCode: "VIC",
      zips: ["3000"],
      streets: ["Collins Street", "Flinders Lane"],
    },
    {
      city: "Fitzroy",
      province: "Victoria",
      provinceCode: "VIC",
      zips: ["3065"],
      streets: ["Brunswick Street", "Gertrude Street"],
    },
    {
      city: "St Kilda",
      province: "Victoria",
      provinceCode: "VIC",
      zips: ["3182"],
      streets: ["Acland Street", "Fitzroy Street"],
    },
    {
      city: "Brisbane City",
      province: "Queensland",
      provinceCode: "QLD",
      zips: ["4000"],
      streets: ["Queen Street", "Ann Street"],
    },
    {
      city: "Fremantle",
      province: "Western Australia",
      provinceCode: "WA",
      zips: ["6160"],
      streets: ["South Terrace", "High Street"],
    },
  ],
  address2: (r) => (r.chance(0.2) ? `Unit ${r.int(1, 30)}` : null),
  people: people([
    [EN, 80],
    [CHINESE.latin, 10],
    [GREEK.latin, 10],
  ]),
  zone: 1.4,
};
