// Customer name pools by language: who buys from which country, written as they would write it.

import { type Random, WeightedTable } from "../random";

export interface Person {
  firstName: string;
  lastName: string;
  /** Display name as the customer wrote it ("Ana Silva", "山田 太郎"). */
  name: string;
  /** ASCII for the e-mail's local part ("ana.silva"). */
  emailSlug: string;
}

export type PersonSource = (r: Random) => Person;

function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/[øØ]/g, "o")
    .replace(/[æÆ]/g, "ae")
    .replace(/[œŒ]/g, "oe")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

interface NamePart {
  text: string;
  slug: string;
}

/** A comma-separated list written as a template literal (keeps the name tables compact). */
const names = (text: TemplateStringsArray): string[] =>
  text[0]
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);

const parts = (list: readonly string[]): NamePart[] => list.map((text) => ({ text, slug: slugify(text) }));

/** Western order, Latin script: "José García". */
function latinPool(first: readonly string[], last: readonly string[]): PersonSource {
  const firsts = parts(first);
  const lasts = parts(last);
  return (r) => {
    const f = r.pick(firsts);
    const l = r.pick(lasts);
    return { firstName: f.text, lastName: l.text, name: `${f.text} ${l.text}`, emailSlug: `${f.slug}.${l.slug}` };
  };
}

/**
 * CJK pools: `[native, romanised]` pairs. Native script is written family name first ("山田 太郎");
 * the romanised form in Western order ("Taro Yamada"). Either way the e-mail uses the romanisation.
 */
function cjkPool(first: readonly (readonly [string, string])[], last: readonly (readonly [string, string])[]) {
  const firsts = first.map(([text, roman]) => ({ text, roman, slug: slugify(roman) }));
  const lasts = last.map(([text, roman]) => ({ text, roman, slug: slugify(roman) }));
  const native: PersonSource = (r) => {
    const f = r.pick(firsts);
    const l = r.pick(lasts);
    return { firstName: f.text, lastName: l.text, name: `${l.text} ${f.text}`, emailSlug: `${f.slug}.${l.slug}` };
  };
  const latin: PersonSource = (r) => {
    const f = r.pick(firsts);
    const l = r.pick(lasts);
    return { firstName: f.roman, lastName: l.roman, name: `${f.roman} ${l.roman}`, emailSlug: `${f.slug}.${l.slug}` };
  };
  return { native, latin };
}

/** Whole people for languages with gendered family names (Greek, Russian): `[first, last, firstLatin, lastLatin]`. */
function peoplePool(people: readonly (readonly [string, string, string, string])[]) {
  const rows = people.map(([first, last, firstLatin, lastLatin]) => ({
    first,
    last,
    firstLatin,
    lastLatin,
    slug: `${slugify(firstLatin)}.${slugify(lastLatin)}`,
  }));
  const native: PersonSource = (r) => {
    const p = r.pick(rows);
    return { firstName: p.first, lastName: p.last, name: `${p.first} ${p.last}`, emailSlug: p.slug };
  };
  const latin: PersonSource = (r) => {
    const p = r.pick(rows);
    return {
      firstName: p.firstLatin,
      lastName: p.lastLatin,
      name: `${p.firstLatin} ${p.lastLatin}`,
      emailSlug: p.slug,
    };
  };
  return { native, latin };
}

export const EN = latinPool(
  names`James, Emily, Michael, Olivia, David, Sophia, Daniel, Emma, Christopher, Hannah, Ryan, Madison,
    Liam, Charlotte, Noah, Grace, Ethan, Chloe, Jack, Zoë`,
  names`Smith, Johnson, Williams, Brown, Miller, Davis, Wilson, Taylor, Anderson, Thomas, Moore, Clark,
    Walker, Hall, Young, O'Brien, Murphy, Campbell, Bennett, Hughes`,
);
export const HISPANIC = latinPool(
  names`José, María, Juan, Lucía, Carlos, Sofía, Javier, Valentina, Andrés, Camila, Mateo, Martina, Diego,
    Ximena, Alejandro, Paula, Tomás, Inés, Joaquín, Florencia`,
  names`García, Martínez, Rodríguez, López, Hernández, González, Pérez, Sánchez, Ramírez, Torres, Flores,
    Díaz, Morales, Jiménez, Ruiz, Álvarez, Romero, Fernández, Muñoz, Castillo`,
);
export const GERMAN = latinPool(
  names`Lukas, Anna, Jonas, Lea, Felix, Hannah, Maximilian, Sophie, Paul, Marie, Leon, Emilia, Jürgen,
    Käthe, Jörg, Mia, Tobias, Lena, Matthias, Charlotte`,
  names`Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann, Schäfer, Koch,
    Bauer, Richter, Klein, Wolf, Schröder, Neumann, Zimmermann, Krüger`,
);
export const FRENCH = latinPool(
  names`François, Camille, Léa, Hugo, Chloé, Louis, Manon, Théo, Zoé, Antoine, Inès, Mathieu, Élodie,
    Julien, Céline, Nicolas, Amélie, Étienne, Margaux, Raphaël`,
  names`Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon, Laurent,
    Lefèvre, Michel, Garnier, Faure, Rousseau, Blanc, Guérin, Chevalier`,
);
export const PORTUGUESE = latinPool(
  names`João, Maria, Tiago, Inês, Duarte, Beatriz, Rodrigo, Leonor, Gonçalo, Matilde, Afonso, Carolina,
    Martim, Mariana, Francisco, Catarina`,
  names`Silva, Santos, Ferreira, Pereira, Oliveira, Costa, Rodrigues, Martins, Jesus, Sousa, Fernandes,
    Gonçalves, Gomes, Lopes, Marques, Alves`,
);
export const BRAZILIAN = latinPool(
  names`João, Maria, José, Ana, Antônio, Francisca, Lucas, Júlia, Gabriel, Letícia, Rafael, Beatriz, Pedro,
    Larissa, Thiago, Camila, Matheus, Fernanda, Vinícius, Luíza`,
  names`Silva, Santos, Oliveira, Souza, Lima, Pereira, Ferreira, Costa, Rodrigues, Almeida, Nascimento,
    Araújo, Carvalho, Gomes, Ribeiro, Conceição, Gonçalves, Barbosa, Rocha, Cavalcanti`,
);
export const ITALIAN = latinPool(
  names`Giulia, Francesco, Sofia, Alessandro, Aurora, Lorenzo, Chiara, Matteo, Martina, Niccolò, Elena,
    Leonardo, Federica, Andrea, Beatrice, Gabriele`,
  names`Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, Gallo,
    Conti, De Luca, Mancini, Costa`,
);
export const DUTCH = latinPool(
  names`Daan, Sanne, Sem, Fleur, Lucas, Lotte, Milan, Zoë, Bram, Eva, Thijs, Femke, Joost, Anouk, Ruben,
    Iris`,
  names`de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Visser, Smit, Meijer, de Boer, Mulder,
    Bos, Vos, Peters, Hendriks, van Leeuwen`,
);
export const SWEDISH = latinPool(
  names`Åsa, Erik, Linnéa, Lars, Ingrid, Björn, Maja, Oskar, Elsa, Nils, Saga, Gustav, Ebba, Anders, Märta,
    Johan`,
  names`Andersson, Johansson, Karlsson, Nilsson, Eriksson, Larsson, Olsson, Persson, Svensson, Gustafsson,
    Lindqvist, Ström, Bergström, Sjöberg, Åberg, Lindgren`,
);
export const JAPANESE = cjkPool(
  [
    ["太郎", "Taro"],
    ["花子", "Hanako"],
    ["翔太", "Shota"],
    ["美咲", "Misaki"],
    ["健", "Ken"],
    ["陽菜", "Hina"],
    ["大輔", "Daisuke"],
    ["さくら", "Sakura"],
    ["拓海", "Takumi"],
    ["結衣", "Yui"],
  ],
  [
    ["山田", "Yamada"],
    ["佐藤", "Sato"],
    ["鈴木", "Suzuki"],
    ["高橋", "Takahashi"],
    ["田中", "Tanaka"],
    ["渡辺", "Watanabe"],
    ["伊藤", "Ito"],
    ["中村", "Nakamura"],
    ["小林", "Kobayashi"],
    ["加藤", "Kato"],
  ],
);
export const CHINESE = cjkPool(
  [
    ["伟", "Wei"],
    ["芳", "Fang"],
    ["娜", "Na"],
    ["秀英", "Xiuying"],
    ["敏", "Min"],
    ["静", "Jing"],
    ["磊", "Lei"],
    ["洋", "Yang"],
    ["婷", "Ting"],
    ["浩然", "Haoran"],
  ],
  [
    ["王", "Wang"],
    ["李", "Li"],
    ["张", "Zhang"],
    ["刘", "Liu"],
    ["陈", "Chen"],
    ["杨", "Yang"],
    ["黄", "Huang"],
    ["赵", "Zhao"],
    ["吴", "Wu"],
    ["周", "Zhou"],
  ],
);
export const KOREAN = cjkPool(
  [
    ["민준", "Min-jun"],
    ["서연", "Seo-yeon"],
    ["지호", "Ji-ho"],
    ["하은", "Ha-eun"],
    ["도윤", "Do-yun"],
    ["지우", "Ji-woo"],
    ["예준", "Ye-jun"],
    ["수아", "Su-a"],
  ],
  [
    ["김", "Kim"],
    ["이", "Lee"],
    ["박", "Park"],
    ["최", "Choi"],
    ["정", "Jung"],
    ["강", "Kang"],
    ["조", "Cho"],
    ["윤", "Yoon"],
  ],
);
export const GREEK = peoplePool([
  ["Γιώργος", "Παπαδόπουλος", "Giorgos", "Papadopoulos"],
  ["Μαρία", "Παπαδοπούλου", "Maria", "Papadopoulou"],
  ["Δημήτρης", "Οικονόμου", "Dimitris", "Oikonomou"],
  ["Ελένη", "Γεωργίου", "Eleni", "Georgiou"],
  ["Νίκος", "Παπαδάκης", "Nikos", "Papadakis"],
  ["Κατερίνα", "Βασιλείου", "Katerina", "Vasileiou"],
  ["Κωνσταντίνος", "Νικολάου", "Konstantinos", "Nikolaou"],
  ["Σοφία", "Καραγιάννη", "Sofia", "Karagianni"],
  ["Γιάννης", "Αθανασίου", "Giannis", "Athanasiou"],
  ["Αθηνά", "Μακρή", "Athina", "Makri"],
]);
export const RUSSIAN = peoplePool([
  ["Дмитрий", "Иванов", "Dmitry", "Ivanov"],
  ["Анна", "Смирнова", "Anna", "Smirnova"],
  ["Алексей", "Кузнецов", "Alexey", "Kuznetsov"],
  ["Екатерина", "Попова", "Ekaterina", "Popova"],
  ["Сергей", "Васильев", "Sergey", "Vasilyev"],
  ["Ольга", "Петрова", "Olga", "Petrova"],
  ["Михаил", "Соколов", "Mikhail", "Sokolov"],
  ["Наталья", "Морозова", "Natalia", "Morozova"],
  ["Андрей", "Волков", "Andrey", "Volkov"],
  ["Юлия", "Лебедева", "Yulia", "Lebedeva"],
]);

/** A country's buyers: name pools with their relative weights. */
export const people = (entries: readonly (readonly [PersonSource, number])[]) => new WeightedTable(entries);
