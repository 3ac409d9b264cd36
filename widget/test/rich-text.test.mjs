import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseText, renderText, safeHref } from '../src/chat/rich-text.ts';
import { allNodes, fakeDocument } from './fake-document.mjs';

const render = (text) => allNodes(renderText(fakeDocument, text));

test('an <img onerror> in a reply stays text: no element but the paragraph is made', () => {
  const nodes = render('Hello <img src=x onerror="alert(1)"> <script>alert(2)</script>');
  assert.deepEqual(nodes.filter((n) => n.nodeName !== '#text').map((n) => n.nodeName), ['#fragment', 'P']);
  assert.equal(nodes[0].textContent, 'Hello <img src=x onerror="alert(1)"> <script>alert(2)</script>');
});

test('a javascript: link, bare or in link syntax, stays text', () => {
  const nodes = render('[click me](javascript:alert(1)) or javascript:alert(1) or data:text/html,<b>x</b>');
  assert.equal(nodes.filter((n) => n.nodeName === 'A').length, 0);
  assert.equal(nodes[0].textContent, '[click me](javascript:alert(1)) or javascript:alert(1) or data:text/html,<b>x</b>');
});

test('http and https addresses become links that open a new tab without the opener', () => {
  const links = render('See https://example.com/hours. Or [our prices](http://example.com/prices).').filter((n) => n.nodeName === 'A');
  assert.deepEqual(
    links.map((a) => [a.href, a.textContent, a.target, a.rel]),
    [
      ['https://example.com/hours', 'https://example.com/hours', '_blank', 'noopener noreferrer'],
      ['http://example.com/prices', 'our prices', '_blank', 'noopener noreferrer'],
    ],
  );
});

test('an address in parentheses keeps its own brackets and leaves the sentence its closing one', () => {
  const [paragraph] = parseText('(see https://example.com/a) and https://en.wikipedia.org/wiki/Pipe_(fluid)');
  assert.deepEqual(
    paragraph.lines[0].filter((part) => part.kind === 'link').map((part) => part.href),
    ['https://example.com/a', 'https://en.wikipedia.org/wiki/Pipe_(fluid)'],
  );
});

test('"-" and "1." lines become lists, other lines paragraphs with line breaks', () => {
  assert.deepEqual(
    parseText('Our hours:\nweekdays too\n- Mon: 8-18\n- Sat: 9-12\n\n1. Call\n2) Come by').map((b) =>
      b.kind === 'list' ? [b.ordered ? 'ol' : 'ul', b.items.length] : ['p', b.lines.length],
    ),
    [['p', 2], ['ul', 2], ['ol', 2]],
  );
  const nodes = render('one\ntwo\n- a\n- b');
  assert.deepEqual(nodes.filter((n) => n.nodeName !== '#text').map((n) => n.nodeName), ['#fragment', 'P', 'BR', 'UL', 'LI', 'LI']);
});

test('safeHref accepts only http and https', () => {
  assert.equal(safeHref('https://example.com/x?y=1'), 'https://example.com/x?y=1');
  for (const address of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'ftp://x', '/relative', '', null, undefined]) {
    assert.equal(safeHref(address), null, String(address));
  }
});
