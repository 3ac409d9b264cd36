/** The conversation's token and the last sequence the visitor saw, per widget key, in the site's own storage. */
export interface ConversationStore {
  token(): string | null;
  saveToken(token: string): void;
  forget(): void;
  seen(): number;
  saveSeen(sequence: number): void;
}

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Storage the browser refuses (blocked, full, private mode) leaves the chat working for this page's life. */
const memoryStorage = (): KeyValueStorage => {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  };
};

export const siteStorage = (): KeyValueStorage => {
  try {
    const storage = window.localStorage;
    storage.setItem('smbagent:probe', '1');
    storage.removeItem('smbagent:probe');
    return storage;
  } catch {
    return memoryStorage();
  }
};

export const conversationStore = (storage: KeyValueStorage, widgetKey: string): ConversationStore => {
  const tokenKey = `smbagent:${widgetKey}:token`;
  const seenKey = `smbagent:${widgetKey}:seen`;
  const write = (key: string, value: string): void => {
    try {
      storage.setItem(key, value);
    } catch {
      // A full storage loses only the memory across pages; the conversation goes on in this page.
    }
  };
  return {
    token: () => storage.getItem(tokenKey),
    saveToken: (token) => write(tokenKey, token),
    forget: () => {
      storage.removeItem(tokenKey);
      storage.removeItem(seenKey);
    },
    seen: () => {
      const seen = Number(storage.getItem(seenKey));
      return Number.isInteger(seen) && seen > 0 ? seen : 0;
    },
    saveSeen: (sequence) => write(seenKey, String(sequence)),
  };
};
