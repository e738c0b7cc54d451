import { twMerge } from "tailwind-merge";

/**
 * Joins class names, skipping falsy ones; of two Tailwind classes that set the same thing (`px-3`
 * and `px-5`, `w-full` and `w-44`) the later one is kept, so a caller's className overrides the
 * component's default instead of racing it in the stylesheet's order.
 */
export function cn(...classes: (string | false | null | undefined)[]): string {
  return twMerge(...classes);
}
