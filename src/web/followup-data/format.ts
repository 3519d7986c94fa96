/** Figures of the follow-up's data as the page shows them: Swedish decimal comma, shares as percentages. */
const decimal = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });
export const formatDecimal = (n: number | null) => (n === null ? '–' : decimal.format(n));
export const formatShare = (n: number | null) => (n === null ? '–' : `${decimal.format(Math.round(n * 1000) / 10)} %`);
