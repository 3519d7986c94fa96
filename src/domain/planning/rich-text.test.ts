import { describe, expect, it } from 'vitest';
import { plainText, sanitizeRichText } from './rich-text.js';

describe('rich text of a planning is sanitised', () => {
  it('keeps paragraphs, emphasis, lists and headings', () => {
    const html = '<h2>Mål</h2><p>Vi ska <strong>läsa</strong> och <em>skriva</em>.</p><ul><li>Ett</li><li>Två</li></ul>';
    expect(sanitizeRichText(html)).toBe(html);
  });

  it('removes scripts, event handlers, styles, images and iframes', () => {
    const out = sanitizeRichText('<p onclick="alert(1)" style="color:red">Hej<script>alert(1)</script></p><img src=x onerror=alert(1)><iframe src="https://x"></iframe><style>p{}</style>');
    expect(out).toBe('<p>Hej</p>');
  });

  it('keeps http(s) links, opening safely, and drops javascript: links', () => {
    expect(sanitizeRichText('<a href="https://skolverket.se">Skolverket</a>'))
      .toBe('<a href="https://skolverket.se" target="_blank" rel="noopener noreferrer nofollow">Skolverket</a>');
    expect(sanitizeRichText('<a href="javascript:alert(1)">x</a>')).not.toContain('javascript');
    expect(sanitizeRichText('<a href="//evil.example/x">x</a>')).not.toContain('evil');
  });

  it('a top-level heading becomes a second-level one (the page has its own h1)', () => {
    expect(sanitizeRichText('<h1>Rubrik</h1>')).toBe('<h2>Rubrik</h2>');
  });

  it('plain text drops all markup', () => {
    expect(plainText('<p>Å <strong>ä</strong></p><p>ö</p>')).toBe('Å äö');
  });
});
