// Tailwind 4 reads its theme from CSS; this file adds the brand palette and is loaded
// from src/app/globals.css with `@config`.
import type { Config } from "tailwindcss";

export default {
  content: ["./src/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: {
          50: "#eef6ff",
          100: "#d9eaff",
          500: "#2f6fed",
          600: "#1f57d6",
          700: "#1a46ad",
          900: "#14285c",
        },
      },
    },
  },
} satisfies Config;
