import { strongPieces } from '../../domain/curriculum/strong-text';

/** A requirement's wording: the <strong> of the source as bold, everything else as text (never as HTML). */
export function StrongText({ text }: { text: string }) {
  return <>{strongPieces(text).map((p, i) => (p.strong ? <strong key={i}>{p.text}</strong> : <span key={i}>{p.text}</span>))}</>;
}
