import type { Language } from './languages';

/** The loader's only words: its button's label, before and after the chat opens. */
export interface LauncherTexts {
  readonly open: string;
  readonly close: string;
}

export const launcherTexts: Readonly<Record<Language, LauncherTexts>> = {
  en: { open: 'Open chat', close: 'Close chat' },
  es: { open: 'Abrir chat', close: 'Cerrar chat' },
  fr: { open: 'Ouvrir le chat', close: 'Fermer le chat' },
  de: { open: 'Chat öffnen', close: 'Chat schließen' },
  it: { open: 'Apri la chat', close: 'Chiudi la chat' },
  pt: { open: 'Abrir chat', close: 'Fechar chat' },
};
