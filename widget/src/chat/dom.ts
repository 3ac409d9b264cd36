/** An element with its class and data-part, and its text as a text node (never HTML). */
export const element = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  part?: string,
  text?: string,
): HTMLElementTagNameMap[K] => {
  const created = document.createElement(tag);
  created.className = className;
  if (part !== undefined) {
    created.dataset.part = part;
  }

  if (text !== undefined) {
    created.textContent = text;
  }

  return created;
};

export const button = (className: string, part: string, text: string): HTMLButtonElement => {
  const created = element('button', className, part, text);
  created.type = 'button';
  return created;
};
