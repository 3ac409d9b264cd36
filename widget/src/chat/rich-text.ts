/**
 * The only markup a message may carry: web links, "-" and "1." lists, line breaks. Everything else — tags, entities,
 * javascript: links — is text, because the DOM is built from text nodes and never from HTML.
 */
export type Inline = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'link'; readonly text: string; readonly href: string };

export type Block =
  | { readonly kind: 'paragraph'; readonly lines: readonly (readonly Inline[])[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Inline[])[] };

/** An http(s) address as the browser will follow it; null for every other scheme. */
export const safeHref = (address: string | null | undefined): string | null => {
  if (address === null || address === undefined) {
    return null;
  }

  try {
    const url = new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
};

const linkPattern = /\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)|https?:\/\/[^\s<>"]+/gi;

/** Sentence punctuation after an address belongs to the sentence. */
const trimAddress = (address: string): string => {
  const trimmed = address.replace(/[.,;:!?'"]+$/, '');
  return trimmed.includes('(') ? trimmed : trimmed.replace(/\)+$/, '');
};

export const parseInline = (line: string): Inline[] => {
  const parts: Inline[] = [];
  let rest = 0;
  const text = (value: string): void => {
    if (value !== '') {
      parts.push({ kind: 'text', text: value });
    }
  };
  for (const match of line.matchAll(linkPattern)) {
    const start = match.index ?? 0;
    const [whole, label, labelled] = match;
    const address = labelled ?? trimAddress(whole);
    const href = safeHref(address);
    if (href === null) {
      continue;
    }

    text(line.slice(rest, start));
    parts.push({ kind: 'link', text: label ?? address, href });
    rest = start + (labelled !== undefined ? whole.length : address.length);
  }

  text(line.slice(rest));
  return parts;
};

const bullet = /^\s*[-*•]\s+(.*)$/;
const numbered = /^\s*\d{1,3}[.)]\s+(.*)$/;

export const parseText = (value: string): Block[] => {
  const blocks: Block[] = [];
  let paragraph: Inline[][] | null = null;
  let list: { ordered: boolean; items: Inline[][] } | null = null;
  const flush = (): void => {
    if (paragraph !== null) {
      blocks.push({ kind: 'paragraph', lines: paragraph });
    }

    if (list !== null) {
      blocks.push({ kind: 'list', ordered: list.ordered, items: list.items });
    }

    paragraph = null;
    list = null;
  };
  for (const line of value.replace(/\r\n?/g, '\n').split('\n')) {
    const numberedItem = numbered.exec(line);
    const item = numberedItem ?? bullet.exec(line);
    if (item !== null) {
      const ordered = numberedItem !== null;
      if (list === null || list.ordered !== ordered) {
        flush();
        list = { ordered, items: [] };
      }

      list.items.push(parseInline(item[1] ?? ''));
    } else if (line.trim() === '') {
      flush();
    } else {
      if (paragraph === null) {
        flush();
        paragraph = [];
      }

      paragraph.push(parseInline(line));
    }
  }

  flush();
  return blocks;
};

/** The blocks as elements made with createElement and text nodes only. */
export const renderText = (document: Document, value: string): DocumentFragment => {
  const fragment = document.createDocumentFragment();
  const inline = (parent: Node, parts: readonly Inline[]): void => {
    for (const part of parts) {
      if (part.kind === 'text') {
        parent.appendChild(document.createTextNode(part.text));
      } else {
        const link = document.createElement('a');
        link.href = part.href;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        link.textContent = part.text;
        parent.appendChild(link);
      }
    }
  };
  for (const block of parseText(value)) {
    if (block.kind === 'paragraph') {
      const paragraph = document.createElement('p');
      block.lines.forEach((line, index) => {
        if (index > 0) {
          paragraph.appendChild(document.createElement('br'));
        }

        inline(paragraph, line);
      });
      fragment.appendChild(paragraph);
    } else {
      const list = document.createElement(block.ordered ? 'ol' : 'ul');
      for (const item of block.items) {
        const entry = document.createElement('li');
        inline(entry, item);
        list.appendChild(entry);
      }

      fragment.appendChild(list);
    }
  }

  return fragment;
};
