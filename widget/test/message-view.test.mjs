import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freeText, messageViewOf, telHref } from '../src/chat/message-view.ts';

const agent = (reply, extra = {}) => ({ sequence: 5, role: 'Agent', text: 'text', citations: [], reply, ...extra });

test('an answer links its web sources once each, names the others, and drops non-web links', () => {
  const view = messageViewOf(agent({ kind: 'answer', confidence: 0.8 }, {
    citations: [
      { sourceTitle: 'Hours', link: 'https://example.com/hours' },
      { sourceTitle: 'Hours again', link: 'https://example.com/hours' },
      { sourceTitle: 'Price list.pdf', link: null },
      { sourceTitle: 'Trap', link: 'javascript:alert(1)' },
    ],
  }));
  assert.deepEqual(view.citations, [
    { title: 'Hours', href: 'https://example.com/hours' },
    { title: 'Price list.pdf', href: null },
    { title: 'Trap', href: null },
  ]);
  assert.equal(view.speaker, 'agent');
  assert.deepEqual(view.quickReplies, []);
  assert.equal(view.input, freeText);
});

test('a question sets the input for its format, its hint and skip, and offers its choices', () => {
  const formats = {
    Email: ['email', 'email', 'email', 'emailPlaceholder'],
    Phone: ['tel', 'tel', 'tel', 'phonePlaceholder'],
    Date: ['date', 'none', 'off', 'datePlaceholder'],
    Number: ['text', 'decimal', 'off', 'numberPlaceholder'],
    Text: ['text', 'text', 'off', 'placeholder'],
  };
  for (const [format, expected] of Object.entries(formats)) {
    const { input } = messageViewOf(agent({ kind: 'question', format, canSkip: false }));
    assert.deepEqual([input.type, input.inputMode, input.autocomplete, input.placeholder], expected, format);
  }

  const phone = messageViewOf(agent({ kind: 'question', format: 'Phone', canSkip: true, hint: 'A number like 555 0100' }));
  assert.equal(phone.hint, 'A number like 555 0100');
  assert.equal(phone.canSkip, true);
  const choice = messageViewOf(agent({ kind: 'question', format: 'Choice', choices: ['Repair', ' ', 'Install'], canSkip: false }));
  assert.deepEqual(choice.quickReplies, [{ part: 'choice', text: 'Repair' }, { part: 'choice', text: 'Install' }]);
  assert.equal(choice.canSkip, false);
  assert.equal(choice.hint, null);
});

test('not found offers its suggestions as quick replies', () => {
  const view = messageViewOf(agent({ kind: 'notFound', suggestions: ['Do you work on weekends?'] }));
  assert.deepEqual(view.quickReplies, [{ part: 'suggestion', text: 'Do you work on weekends?' }]);
});

test('an emergency carries the business phone for the banner; unavailable offers it in the message', () => {
  const emergency = messageViewOf(agent({ kind: 'emergency', level: 'Urgent', businessPhone: '+1 (555) 010-0000' }));
  assert.equal(emergency.emergencyPhone, '+1 (555) 010-0000');
  assert.equal(emergency.callPhone, null);
  const unavailable = messageViewOf(agent({ kind: 'unavailable', businessPhone: '+1 555 0100' }));
  assert.equal(unavailable.callPhone, '+1 555 0100');
  assert.equal(unavailable.emergencyPhone, null);
  assert.equal(telHref('+1 (555) 010-0000'), 'tel:+15550100000');
  assert.equal(telHref('javascript:alert(1)'), 'tel:1');
});

test('thanks after hours shows the after-hours notice; open thanks, hand-off and info are plain messages', () => {
  assert.equal(messageViewOf(agent({ kind: 'thanks', openNow: false })).afterHours, true);
  for (const reply of [{ kind: 'thanks', openNow: true }, { kind: 'handOff' }, { kind: 'info', info: 'welcome' }, null]) {
    const view = messageViewOf(agent(reply));
    assert.equal(view.afterHours, false);
    assert.equal(view.emergencyPhone, null);
    assert.equal(view.canSkip, false);
    assert.deepEqual(view.quickReplies, []);
    assert.equal(view.input, freeText);
  }
});

test('messages from the team and from the visitor are told apart', () => {
  assert.equal(messageViewOf({ sequence: 1, role: 'Owner', text: 'Hi, Bob here', citations: [] }).speaker, 'team');
  assert.equal(messageViewOf({ sequence: 2, role: 'Visitor', text: 'Hi', citations: null }).speaker, 'visitor');
});

test('the text\'s closing "Source: …" paragraph gives way to the source links; other text stays whole', () => {
  const citations = [{ sourceTitle: 'Plumbing FAQ', link: null }, { sourceTitle: 'Prices', link: 'https://example.com/p' }, { sourceTitle: 'Prices', link: 'https://example.com/p2' }];
  assert.equal(messageViewOf(agent({ kind: 'answer' }, { text: 'We open at 8.\n\nSource: Plumbing FAQ, Prices', citations })).text, 'We open at 8.');
  assert.equal(messageViewOf(agent({ kind: 'answer' }, { text: 'Abrimos a las 8.\n\nFuente: Plumbing FAQ, Prices', citations })).text, 'Abrimos a las 8.');
  assert.equal(messageViewOf(agent(null, { text: 'We open at 8.\n\nSource: Plumbing FAQ, Prices', citations })).text, 'We open at 8.', 'a transcript message has no reply but the same text');
  assert.equal(messageViewOf(agent({ kind: 'answer' }, { text: 'Note: Plumbing FAQ\n\nSee: Another', citations })).text, 'Note: Plumbing FAQ\n\nSee: Another');
  assert.equal(messageViewOf(agent({ kind: 'answer' }, { text: 'Hi\n\nSource: Plumbing FAQ', citations: [] })).text, 'Hi\n\nSource: Plumbing FAQ');
  assert.equal(messageViewOf({ sequence: 1, role: 'Visitor', text: 'x\n\nSource: Prices', citations: [{ sourceTitle: 'Prices' }] }).text, 'x\n\nSource: Prices');
});
