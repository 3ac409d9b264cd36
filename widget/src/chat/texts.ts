import type { Language } from '../shared/languages';

/** Every sentence the chat shows; {n} and {phone} are filled in as text. */
export interface ChatTexts {
  readonly close: string;
  readonly placeholder: string;
  readonly send: string;
  readonly typing: string;
  readonly team: string;
  readonly skip: string;
  /** What a tap on "skip" sends: a word the server's lead capture reads as a skip. */
  readonly skipWord: string;
  readonly emergency: string;
  readonly call: string;
  readonly afterHours: string;
  readonly offline: string;
  readonly failing: string;
  /** After the automatic tries, next to the retry button. */
  readonly failed: string;
  readonly retry: string;
  readonly notSent: string;
  readonly unavailable: string;
  readonly poweredBy: string;
  readonly sources: string;
  readonly didYouMean: string;
  readonly unread: string;
  readonly emailPlaceholder: string;
  readonly phonePlaceholder: string;
  readonly datePlaceholder: string;
  readonly numberPlaceholder: string;
}

export const chatTexts: Readonly<Record<Language, ChatTexts>> = {
  en: {
    close: 'Close chat',
    placeholder: 'Write a message…',
    send: 'Send',
    typing: 'Typing…',
    team: 'From the team',
    skip: 'Skip',
    skipWord: 'skip',
    emergency: 'This sounds urgent. Call us now:',
    call: 'Call {phone}',
    afterHours: "We're closed right now. Leave a message and we'll get back to you.",
    offline: "You're offline. Your message will be sent when you're back online.",
    failing: "Something went wrong. We'll try again in a moment.",
    failed: 'Something went wrong. Please try again.',
    retry: 'Try again',
    notSent: "Your message couldn't be sent.",
    unavailable: "Sorry, chat isn't available right now.",
    poweredBy: 'Powered by SmbAgent',
    sources: 'Sources',
    didYouMean: 'Did you mean:',
    unread: 'New messages: {n}',
    emailPlaceholder: 'Your email address',
    phonePlaceholder: 'Your phone number',
    datePlaceholder: 'A date',
    numberPlaceholder: 'A number',
  },
  es: {
    close: 'Cerrar chat',
    placeholder: 'Escribe un mensaje…',
    send: 'Enviar',
    typing: 'Escribiendo…',
    team: 'Del equipo',
    skip: 'Omitir',
    skipWord: 'omitir',
    emergency: 'Parece urgente. Llámanos ahora:',
    call: 'Llamar al {phone}',
    afterHours: 'Ahora estamos cerrados. Deja un mensaje y te responderemos.',
    offline: 'Sin conexión. Tu mensaje se enviará cuando vuelvas a estar en línea.',
    failing: 'Algo salió mal. Lo intentaremos de nuevo en un momento.',
    failed: 'Algo salió mal. Inténtalo de nuevo.',
    retry: 'Reintentar',
    notSent: 'No se pudo enviar tu mensaje.',
    unavailable: 'Lo sentimos, el chat no está disponible ahora.',
    poweredBy: 'Con la tecnología de SmbAgent',
    sources: 'Fuentes',
    didYouMean: '¿Quisiste decir:',
    unread: 'Mensajes nuevos: {n}',
    emailPlaceholder: 'Tu correo electrónico',
    phonePlaceholder: 'Tu número de teléfono',
    datePlaceholder: 'Una fecha',
    numberPlaceholder: 'Un número',
  },
  fr: {
    close: 'Fermer le chat',
    placeholder: 'Écrivez un message…',
    send: 'Envoyer',
    typing: 'En train d’écrire…',
    team: 'De l’équipe',
    skip: 'Passer',
    skipWord: 'passer',
    emergency: 'Cela semble urgent. Appelez-nous maintenant :',
    call: 'Appeler le {phone}',
    afterHours: 'Nous sommes fermés pour le moment. Laissez un message, nous vous répondrons.',
    offline: 'Vous êtes hors ligne. Votre message partira dès le retour de la connexion.',
    failing: 'Un problème est survenu. Nouvel essai dans un instant.',
    failed: 'Un problème est survenu. Veuillez réessayer.',
    retry: 'Réessayer',
    notSent: 'Votre message n’a pas pu être envoyé.',
    unavailable: 'Désolé, le chat n’est pas disponible pour le moment.',
    poweredBy: 'Propulsé par SmbAgent',
    sources: 'Sources',
    didYouMean: 'Vouliez-vous dire :',
    unread: 'Nouveaux messages : {n}',
    emailPlaceholder: 'Votre adresse e-mail',
    phonePlaceholder: 'Votre numéro de téléphone',
    datePlaceholder: 'Une date',
    numberPlaceholder: 'Un nombre',
  },
  de: {
    close: 'Chat schließen',
    placeholder: 'Nachricht schreiben…',
    send: 'Senden',
    typing: 'Schreibt…',
    team: 'Vom Team',
    skip: 'Überspringen',
    skipWord: 'überspringen',
    emergency: 'Das klingt dringend. Rufen Sie uns jetzt an:',
    call: '{phone} anrufen',
    afterHours: 'Wir haben gerade geschlossen. Hinterlassen Sie eine Nachricht, wir melden uns.',
    offline: 'Sie sind offline. Ihre Nachricht wird gesendet, sobald Sie wieder online sind.',
    failing: 'Etwas ist schiefgelaufen. Wir versuchen es gleich noch einmal.',
    failed: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
    retry: 'Erneut versuchen',
    notSent: 'Ihre Nachricht konnte nicht gesendet werden.',
    unavailable: 'Der Chat ist leider gerade nicht verfügbar.',
    poweredBy: 'Bereitgestellt von SmbAgent',
    sources: 'Quellen',
    didYouMean: 'Meinten Sie:',
    unread: 'Neue Nachrichten: {n}',
    emailPlaceholder: 'Ihre E-Mail-Adresse',
    phonePlaceholder: 'Ihre Telefonnummer',
    datePlaceholder: 'Ein Datum',
    numberPlaceholder: 'Eine Zahl',
  },
  it: {
    close: 'Chiudi la chat',
    placeholder: 'Scrivi un messaggio…',
    send: 'Invia',
    typing: 'Sta scrivendo…',
    team: 'Dal team',
    skip: 'Salta',
    skipWord: 'salta',
    emergency: 'Sembra urgente. Chiamaci ora:',
    call: 'Chiama il {phone}',
    afterHours: 'Ora siamo chiusi. Lascia un messaggio e ti risponderemo.',
    offline: 'Sei offline. Il messaggio verrà inviato appena tornerai online.',
    failing: 'Qualcosa è andato storto. Riproveremo tra un momento.',
    failed: 'Qualcosa è andato storto. Riprova.',
    retry: 'Riprova',
    notSent: 'Non è stato possibile inviare il messaggio.',
    unavailable: 'Spiacenti, la chat non è disponibile al momento.',
    poweredBy: 'Realizzato con SmbAgent',
    sources: 'Fonti',
    didYouMean: 'Forse cercavi:',
    unread: 'Nuovi messaggi: {n}',
    emailPlaceholder: 'Il tuo indirizzo email',
    phonePlaceholder: 'Il tuo numero di telefono',
    datePlaceholder: 'Una data',
    numberPlaceholder: 'Un numero',
  },
  pt: {
    close: 'Fechar chat',
    placeholder: 'Escreva uma mensagem…',
    send: 'Enviar',
    typing: 'Digitando…',
    team: 'Da equipe',
    skip: 'Pular',
    skipWord: 'pular',
    emergency: 'Parece urgente. Ligue para nós agora:',
    call: 'Ligar para {phone}',
    afterHours: 'Estamos fechados agora. Deixe uma mensagem e retornaremos.',
    offline: 'Você está offline. Sua mensagem será enviada quando a conexão voltar.',
    failing: 'Algo deu errado. Tentaremos novamente em instantes.',
    failed: 'Algo deu errado. Tente novamente.',
    retry: 'Tentar novamente',
    notSent: 'Não foi possível enviar sua mensagem.',
    unavailable: 'Desculpe, o chat não está disponível agora.',
    poweredBy: 'Desenvolvido por SmbAgent',
    sources: 'Fontes',
    didYouMean: 'Você quis dizer:',
    unread: 'Novas mensagens: {n}',
    emailPlaceholder: 'Seu endereço de e-mail',
    phonePlaceholder: 'Seu número de telefone',
    datePlaceholder: 'Uma data',
    numberPlaceholder: 'Um número',
  },
};
