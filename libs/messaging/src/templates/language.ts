export type Language = 'nl' | 'en';
