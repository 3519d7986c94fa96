import sanitizeHtml from 'sanitize-html';

/**
 * The rich text of a planning (what the pupils will learn, how, how it is assessed) is written in the
 * browser's editor and shown to pupils and guardians. Only a small set of formatting survives: paragraphs,
 * headings, emphasis, lists, quotes and links to http(s)/mailto that open safely. Scripts, styles, event
 * handlers, images, iframes and every other attribute are removed, on the server, before it is stored.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'blockquote', 'a', 'code', 'pre', 'hr'],
  allowedAttributes: { a: ['href', 'target', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { target: '_blank', rel: 'noopener noreferrer nofollow' }),
    h1: 'h2',
  },
};

export const MAX_RICH_TEXT = 50_000;

export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

/** The text without markup, e.g. for a search or a length check. */
export function plainText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim();
}
