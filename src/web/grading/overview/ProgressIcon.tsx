import type { Progress } from './types';

/** A shape per state (ring, half-filled, check, dash) so that the state never rests on colour alone. */
export function ProgressIcon({ progress, size = 16 }: { progress: Progress; size?: number }) {
  const common = { width: size, height: size, viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const;
  switch (progress) {
    case 'none':
      return (
        <svg {...common} data-progress="none">
          <circle cx="8" cy="8" r="6" fill="none" stroke="#5c636a" strokeWidth="2" />
        </svg>
      );
    case 'partial':
      return (
        <svg {...common} data-progress="partial">
          <circle cx="8" cy="8" r="6" fill="none" stroke="#9c3a00" strokeWidth="2" />
          <path d="M8 2 A6 6 0 0 1 8 14 Z" fill="#9c3a00" />
        </svg>
      );
    case 'done':
      return (
        <svg {...common} data-progress="done">
          <circle cx="8" cy="8" r="7" fill="#237a36" />
          <path d="M4.5 8.2 L7 10.7 L11.5 5.8" fill="none" stroke="#fff" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      );
    case 'nothingToDo':
      return (
        <svg {...common} data-progress="nothingToDo">
          <path d="M4 8 H12" stroke="#5c636a" strokeWidth="2" strokeLinecap="round" />
        </svg>
      );
  }
}
