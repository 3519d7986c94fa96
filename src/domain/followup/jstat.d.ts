/** The little of jStat (distribution functions) that the follow-up statistics use. */
declare module 'jstat' {
  interface JStat {
    beta: { inv(p: number, alpha: number, beta: number): number; cdf(x: number, alpha: number, beta: number): number };
    studentt: { inv(p: number, dof: number): number; cdf(x: number, dof: number): number };
    chisquare: { cdf(x: number, dof: number): number };
  }
  const jStat: JStat;
  export default jStat;
}
