/**
 * Final ballot (DESIGN.md "Final ballot"): each juror orders the round's applications from best to
 * worst; the result is ordered by the Schulze method (strongest paths over pairwise preferences, an
 * unresolved tie sharing a rank) with Borda points beside it. A conflicted juror's ballot leaves out
 * the application they declared: it then expresses no preference about that application.
 */

/** One juror's order, best first. Applications left out (conflicts) carry no preference. */
export interface RankedBallot {
  order: readonly string[];
}

export interface BallotRanking {
  applicationId: string;
  /** Schulze rank: 1 + the number of applications that beat this one; an unresolved tie shares a rank. */
  rank: number;
  /** Sum over ballots of (ballot length - 1 - position): n-1 for a juror's first, down to 0. */
  borda: number;
  /** Applications this one beats by strongest path. */
  wins: number;
}

export interface BallotResult {
  /** The candidates in the order given (indexes of the matrices). */
  candidates: string[];
  /** pairwise[i][j]: ballots ranking candidate i above candidate j. */
  pairwise: number[][];
  /** strongest[i][j]: strength of the strongest path from i to j (Schulze). */
  strongest: number[][];
  /** Every candidate, by Schulze rank, then Borda points (descending), then input order. */
  ranking: BallotRanking[];
}

/**
 * Schulze with winning strengths: d[i][j] counts ballots preferring i to j; a link i->j exists when
 * d[i][j] > d[j][i] with strength d[i][j]; p[i][j] is the widest path (Floyd-Warshall on max-min). i beats
 * j when p[i][j] > p[j][i]. A ballot naming an unknown application, or one twice, is an error (RangeError).
 */
export function rankBallots(candidates: readonly string[], ballots: readonly RankedBallot[]): BallotResult {
  const ids = [...new Set(candidates)];
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const pairwise = ids.map(() => new Array<number>(n).fill(0));
  const borda = new Array<number>(n).fill(0);

  for (const ballot of ballots) {
    const positions = ballot.order.map((id) => {
      const i = index.get(id);
      if (i === undefined) throw new RangeError(`ballot names an application outside the round: ${id}`);
      return i;
    });
    if (new Set(positions).size !== positions.length) throw new RangeError('ballot names an application twice');
    positions.forEach((i, position) => {
      borda[i]! += positions.length - 1 - position;
      for (const j of positions.slice(position + 1)) pairwise[i]![j]! += 1;
    });
  }

  const strongest = ids.map((_, i) => ids.map((__, j) => (i !== j && pairwise[i]![j]! > pairwise[j]![i]! ? pairwise[i]![j]! : 0)));
  for (let k = 0; k < n; k += 1) {
    for (let i = 0; i < n; i += 1) {
      if (i === k) continue;
      for (let j = 0; j < n; j += 1) {
        if (j === i || j === k) continue;
        const through = Math.min(strongest[i]![k]!, strongest[k]![j]!);
        if (through > strongest[i]![j]!) strongest[i]![j] = through;
      }
    }
  }

  const rows = ids.map((applicationId, i) => {
    let beatenBy = 0;
    let wins = 0;
    for (let j = 0; j < n; j += 1) {
      if (j === i) continue;
      if (strongest[j]![i]! > strongest[i]![j]!) beatenBy += 1;
      if (strongest[i]![j]! > strongest[j]![i]!) wins += 1;
    }
    return { applicationId, rank: 1 + beatenBy, borda: borda[i]!, wins, order: i };
  });
  rows.sort((a, b) => a.rank - b.rank || b.borda - a.borda || a.order - b.order);
  return { candidates: ids, pairwise, strongest, ranking: rows.map(({ order: _order, ...row }) => row) };
}
