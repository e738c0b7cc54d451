// Order notes customers leave at checkout, in their own language; `default` for everyone else.

export const NOTES: Record<string, readonly string[]> = {
  BR: [
    "Por favor, embalar para presente.",
    "Entregar na portaria, por favor.",
    "É presente de aniversário, não enviar nota fiscal na caixa.",
  ],
  PT: ["Por favor, embrulhar para oferta.", "Entregar na portaria, obrigado."],
  ES: ["Por favor, envolver para regalo.", "Dejar en conserjería, gracias."],
  MX: ["Por favor, envolver para regalo.", "Entregar en la recepción del edificio."],
  AR: ["Por favor, envolver para regalo."],
  CL: ["Por favor, envolver para regalo."],
  DE: ["Bitte gut verpacken, die Gläser sind ein Geschenk.", "Bitte beim Nachbarn abgeben, falls niemand da ist."],
  FR: ["Merci de bien protéger le vase.", "C'est un cadeau, merci de ne pas joindre la facture."],
  IT: ["È un regalo, per favore niente fattura nel pacco."],
  JP: ["誕生日プレゼントです。よろしくお願いします。"],
  default: [
    "Please gift wrap — it's a birthday present!",
    "Leave with the doorman if no one is home.",
    'Can you add a little card saying "Feliz aniversário, Ana!"?',
  ],
};
