import { Fragment } from 'react';

/**
 * A requirement's wording as shipped: plain text where `<strong>…</strong>` marks what differs between the
 * steps. Rendered by splitting on that tag (never as HTML): any other markup stays visible text.
 */
export function RequirementText({ text }: { text: string }) {
  const parts = text.split(/<strong>(.*?)<\/strong>/g);
  return (
    <>
      {parts.map((p, i) => (i % 2 === 1 ? <strong key={i}>{p}</strong> : <Fragment key={i}>{p}</Fragment>))}
    </>
  );
}

/** The wording without the tags (labels, tooltips). */
export const plainRequirement = (text: string) => text.replace(/<\/?strong>/g, '');
