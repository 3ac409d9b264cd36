import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contrastRatio, luminanceOf, safeColor, textColorOn } from '../src/shared/contrast.ts';

test('text on the business colour is whichever of black and white contrasts more, at least 4.5:1', () => {
  for (const [color, expected] of [['#0B5CAD', '#ffffff'], ['#FFD700', '#000000'], ['#000', '#ffffff'], ['#fff', '#000000'], ['#777777', '#000000']]) {
    const text = textColorOn(color);
    assert.equal(text, expected, color);
    assert.ok(contrastRatio(luminanceOf(color), luminanceOf(text)) >= 4.5, color);
  }
});

test('only hex colours reach the stylesheet', () => {
  assert.equal(safeColor('#0B5CAD', '#111'), '#0B5CAD');
  for (const hostile of ['red;}*{display:none', 'url(https://x)', 'expression(alert(1))', '', undefined]) {
    assert.equal(safeColor(hostile, '#111'), '#111', String(hostile));
  }
});
