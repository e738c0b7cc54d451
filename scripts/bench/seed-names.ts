// Customer names for the seeded benchmarks: 20 first names × 50 surnames, each surname ≈ 2 % of
// customers (so a search for "Silva" matches about 2 %, the selective search operators type).
export const FIRST_NAMES = [
  "Ana", "Maria", "João", "Pedro", "Lucas", "Gabriel", "Juliana", "Fernanda", "Rafael", "Bruno",
  "Camila", "Mariana", "Carlos", "Paulo", "Beatriz", "Lucia", "Thiago", "Larissa", "Diego", "Sofia",
]; // prettier-ignore
export const LAST_NAMES = [
  "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes",
  "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa",
  "Rocha", "Dias", "Nascimento", "Andrade", "Moreira", "Nunes", "Marques", "Machado", "Mendes", "Freitas",
  "Cardoso", "Ramos", "Gonçalves", "Santana", "Teixeira", "Smith", "Johnson", "Müller", "Schmidt", "García",
  "Martínez", "López", "Rossi", "Bianchi", "Dubois", "Martin", "Brown", "Wilson", "Tanaka", "Kim",
]; // prettier-ignore
