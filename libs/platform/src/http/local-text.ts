/** A text people read, in the languages the product speaks (Dutch first). */
export interface LocalText {
  nl: string;
  en: string;
}
