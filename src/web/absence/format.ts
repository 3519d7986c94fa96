// Numbers of the absence pages: minutes as whole numbers, shares with one decimal (Swedish decimal comma).
const oneDecimal = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 0, maximumFractionDigits: 1 });

export const formatShare = (share: number | null): string => (share === null ? '–' : `${oneDecimal.format(share)} %`);
export const formatMinutes = (minutes: number): string => `${minutes} min`;

/** The heat map's colour step of a share (the number is always shown too). */
export type HeatStep = 'none' | 'low' | 'mid' | 'high' | 'top';
export function heatStep(share: number | null): HeatStep | null {
  if (share === null) return null;
  if (share === 0) return 'none';
  if (share < 5) return 'low';
  if (share <= 10) return 'mid';
  if (share <= 25) return 'high';
  return 'top';
}
export const HEAT_STEPS: HeatStep[] = ['none', 'low', 'mid', 'high', 'top'];
