/** Just enough of a document for the renderer: nodes that remember what was built, and no way to parse HTML. */
class FakeNode {
  constructor(name) {
    this.nodeName = name;
    this.childNodes = [];
  }

  appendChild(child) {
    this.childNodes.push(child);
    return child;
  }

  get textContent() {
    return this.childNodes.map((child) => child.textContent).join('');
  }

  set textContent(value) {
    this.childNodes = [new FakeText(value)];
  }

  set innerHTML(_) {
    throw new Error('innerHTML is never used');
  }
}

class FakeText {
  constructor(text) {
    this.nodeName = '#text';
    this.textContent = text;
  }
}

export const fakeDocument = {
  createDocumentFragment: () => new FakeNode('#fragment'),
  createElement: (tag) => new FakeNode(tag.toUpperCase()),
  createTextNode: (text) => new FakeText(text),
};

/** Every node under a root, depth first. */
export const allNodes = (root) => [root, ...(root.childNodes ?? []).flatMap(allNodes)];
