import { highlight } from '../model/filters';

/** Text with search matches wrapped in <mark>; plain text nodes only, never markup. */
export function Highlighted({ text, q }: { text: string; q: string }) {
  return (
    <>{highlight(text, q).map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : s.text))}</>
  );
}
