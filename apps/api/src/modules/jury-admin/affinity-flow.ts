/**
 * The solver of `planWithAffinity` (its header states the rules and what is guaranteed): a min-cost flow
 * (source -> application -> juror -> juror's balance group -> sink) solved by successive shortest paths
 * over the juror side only. Rules 3-5 arrive as one integer value per pair (`w`, and `wb` with the knower
 * bonus), tiers far enough apart to be lexicographic (rule 4 makes an application's value "sum of
 * affinities + a bonus once a knower is in": still a valuated matroid, so single exchanges are exact);
 * rules 1-2 as the bounds `lo`..`hi` of the juror -> group edges and the groups' fixed totals (the balance
 * boxes of affinity-balance.ts, or the cap and one group).
 *
 * Start: every application takes its best jurors ignoring loads (optimal at zero prices; ties to the least
 * loaded). Then, in phases: a Dijkstra over the juror and group nodes (J + groups, not the applications:
 * an edge j -> k is "move one of j's applications to k", its length the cheapest such move at the current
 * prices, found by scanning j's applications) from the overloaded nodes to the nearest underloaded one;
 * prices rise by the distances; then as many unit moves as a depth-first search finds along zero-length
 * edges (a blocking flow, each application moved at most once per path). Without a cap the balance boxes
 * always admit a plan, so the run ends with every rule met. With a cap, what cannot be placed (no path
 * left) is dropped as said in rule 1, and the plan is made again for those numbers. At the end
 * `certified` checks the prices against every possible single move: when it passes they are a dual
 * certificate of the plan.
 *
 * Cost. A phase scans the alternatives of the new pairs (new pairs x jurors) at most once for the Dijkstra
 * and once for the search. Prices rise by about one level per phase, so the phases grow with the affinity
 * range and the unevenness of demand: ~10-20 with a few levels. The work budget (entries scanned, counted,
 * so deterministic) bounds pathological inputs (affinities 0..1000 that all want the same jurors): past it
 * the search accepts moves within a growing tolerance, then any move; rules 1-2 still hold, rules 3-5 may
 * lose and the plan is no longer certified.
 */
import type { BalanceBoxes } from './affinity-balance';

/** The network `planWithAffinity` built from the round; entries are the eligible (unconflicted, not kept) pairs. */
export interface AffinityNetwork extends BalanceBoxes {
  /** Jurors and applications, as indexes 0..J - 1 and 0..A - 1. */
  J: number;
  A: number;
  /** Jurors per application wanted (at least 1 is used as the stride of the per-application lists). */
  required: number;
  /** New jurors each application needs. */
  need: Int32Array;
  /** Entries of application a: start[a] .. start[a + 1] - 1, in juror order. */
  start: Int32Array;
  eJuror: Int32Array;
  eApp: Int32Array;
  /** 1 when the entry's juror knows the application and it is not an avoid pair (rule 4). */
  eKnower: Uint8Array;
  /** Value of each entry: affinity - penalty x avoid. */
  w: Float64Array;
  /** The same plus the knower bonus for a knower. */
  wb: Float64Array;
  /** 1 when a kept juror already knows the application (its knower bonus is then taken). */
  keptKnower: Uint8Array;
  /** Kept pairs of each application. */
  keptCount: Int32Array;
  /** With a cap: `hi` is the room left under it and the one group's total follows what can be placed. */
  capped: boolean;
  /** Affinity range of the entries, the knower bonus and the avoid penalty (the tiers). */
  spread: number;
  bonus: number;
  penalty: number;
  /** Entries the exact search may scan per solve before it hurries (see the header). */
  workBudget: number;
}

export interface AffinityFlowPlan {
  /** New pairs of each juror. */
  load: Int32Array;
  /** The entries chosen for application a, in entry (juror) order. */
  chosen(a: number): number[];
  /** Dual check: no single move (or group edge) has a negative reduced length, and nothing is left over. */
  certified(): boolean;
}

/** Chooses the new pairs: solves, and with a cap drops what cannot be placed and solves again (see the header). */
export function solveAffinityFlow(network: AffinityNetwork): AffinityFlowPlan {
  const { J, A, required, need, start, eJuror, eApp, eKnower, w, wb, keptKnower, keptCount, lo, hi, groupOf, groupTotal, capped, spread, bonus, penalty, workBudget } =
    network;
  const G = groupTotal.length;
  const members: number[][] = Array.from({ length: G }, () => []);
  for (let j = 0; j < J; j++) members[groupOf[j]!]!.push(j);

  // Flow state. Nodes 0..J-1 are jurors, J..J+G-1 their balance groups.
  const N = J + G;
  const R = Math.max(1, required);
  const entries = eJuror.length;
  const held = new Uint8Array(entries);
  const appHeld = new Int32Array(A * R);
  const appHeldCount = new Int32Array(A);
  const knowers = new Int32Array(A); // new pairs of the application with a knower
  const jurorApps: number[][] = Array.from({ length: J }, () => []);
  const position = new Int32Array(entries);
  const load = new Int32Array(J);
  const flow = new Int32Array(J); // juror -> group, in 0..hi - lo
  const imbalance = new Int32Array(N);
  const price = new Float64Array(N);
  let excess = 0;
  // Entries scanned by the searches, against the work budget of each solve (see the header).
  let work = 0;
  let tolerance = 0; // reduced length the search accepts: 0 while exact

  const take = (e: number): void => {
    const a = eApp[e]!;
    const j = eJuror[e]!;
    held[e] = 1;
    appHeld[a * R + appHeldCount[a]!++] = e;
    knowers[a]! += eKnower[e]!;
    position[e] = jurorApps[j]!.length;
    jurorApps[j]!.push(e);
    load[j]!++;
  };
  const release = (e: number): void => {
    const a = eApp[e]!;
    const j = eJuror[e]!;
    held[e] = 0;
    const base = a * R;
    const last = --appHeldCount[a]!;
    for (let i = 0; i <= last; i++) {
      if (appHeld[base + i] === e) {
        appHeld[base + i] = appHeld[base + last]!;
        break;
      }
    }
    knowers[a]! -= eKnower[e]!;
    const list = jurorApps[j]!;
    const moved = list.pop()!;
    if (moved !== e) {
      list[position[e]!] = moved;
      position[moved] = position[e]!;
    }
    load[j]!--;
  };
  /** Values used for a move out of e: with the bonus when e is the application's only knower source. */
  const valuesFor = (e: number): Float64Array => {
    const a = eApp[e]!;
    return keptKnower[a] === 0 && knowers[a] === eKnower[e] ? wb : w;
  };

  const keyOf = (e: number): number => w[e]! + price[eJuror[e]!]!;
  /** Does e come before f for its application: higher value + price, then the less loaded juror. */
  const before = (e: number, f: number): boolean => {
    const x = keyOf(e);
    const y = keyOf(f);
    return x > y || (x === y && load[eJuror[e]!]! < load[eJuror[f]!]!);
  };
  /**
   * The application's best set at the current juror prices (the most value + prices) into `top`: its best
   * n jurors, or, when none of them knows it, the best knower instead of the last when that pays; ties to
   * the least loaded jurors.
   */
  function bestSet(a: number, n: number, top: number[]): void {
    top.length = 0;
    let knower = -1;
    for (let e = start[a]!, end = start[a + 1]!; e < end; e++) {
      if (eKnower[e] && (knower < 0 || before(e, knower))) knower = e;
      if (top.length === n && !before(e, top[n - 1]!)) continue;
      let pos = top.length < n ? top.length : n - 1;
      while (pos > 0 && before(e, top[pos - 1]!)) {
        top[pos] = top[pos - 1]!;
        pos--;
      }
      top[pos] = e;
    }
    let knows = keptKnower[a] === 1;
    for (const e of top) if (eKnower[e]) knows = true;
    if (!knows && knower >= 0 && keyOf(knower) + bonus > keyOf(top[n - 1]!)) top[n - 1] = knower;
  }
  /** Start: every application takes its best set at the current prices (zero), ignoring loads. */
  function startWithBestSets(needNow: Int32Array): void {
    held.fill(0);
    appHeldCount.fill(0);
    knowers.fill(0);
    load.fill(0);
    for (const list of jurorApps) list.length = 0;
    const top: number[] = [];
    for (let a = 0; a < A; a++) {
      if (needNow[a]! === 0) continue;
      bestSet(a, needNow[a]!, top);
      for (const e of top) take(e);
    }
  }
  function computeImbalances(needNow: Int32Array): void {
    const groupNeed = new Int32Array(G);
    for (let g = 0; g < G; g++) groupNeed[g] = groupTotal[g]!;
    if (capped) {
      let total = 0;
      for (let a = 0; a < A; a++) total += needNow[a]!;
      groupNeed[0] = total;
    }
    imbalance.fill(0);
    for (let j = 0; j < J; j++) {
      imbalance[j] = load[j]! - lo[j]! - flow[j]!;
      imbalance[J + groupOf[j]!]! += flow[j]! + lo[j]!;
    }
    for (let g = 0; g < G; g++) imbalance[J + g]! -= groupNeed[g]!;
    excess = 0;
    for (let v = 0; v < N; v++) if (imbalance[v]! > 0) excess += imbalance[v]!;
  }

  /** Min-cost flow by successive shortest paths; returns with excess > 0 only when stuck (cap). */
  function solve(needNow: Int32Array): void {
    work = 0;
    tolerance = 0;
    price.fill(0);
    startWithBestSets(needNow);
    for (let j = 0; j < J; j++) flow[j] = Math.min(Math.max(load[j]! - lo[j]!, 0), hi[j]! - lo[j]!);
    computeImbalances(needNow);
    while (excess > 0) {
      if (work > workBudget) return finishWithinBudget();
      const target = shortestPaths();
      if (target < 0) return; // only with a cap: the rest cannot be placed
      const reach = dist[target]!;
      for (let v = 0; v < N; v++) price[v]! += Math.min(dist[v]!, reach);
      if (blockingFlow() === 0) augmentAlongTree(target);
    }
  }

  // Dijkstra from every overloaded node to the nearest underloaded one, with reduced lengths >= 0.
  const dist = new Float64Array(N);
  const settled = new Uint8Array(N);
  const parent = new Int32Array(N);
  const parentFrom = new Int32Array(N); // entry given away on the way in, -1 for a group arc
  const parentTo = new Int32Array(N);
  function shortestPaths(): number {
    dist.fill(Infinity);
    settled.fill(0);
    for (let v = 0; v < N; v++) {
      if (imbalance[v]! > 0) {
        dist[v] = 0;
        parent[v] = -1;
      }
    }
    for (;;) {
      let v = -1;
      let best = Infinity;
      for (let u = 0; u < N; u++) {
        if (!settled[u] && dist[u]! < best) {
          best = dist[u]!;
          v = u;
        }
      }
      if (v < 0) return -1;
      settled[v] = 1;
      if (imbalance[v]! < 0) return v;
      const dv = dist[v]! + price[v]!;
      if (v < J) {
        for (const e of jurorApps[v]!) {
          const a = eApp[e]!;
          const values = valuesFor(e);
          const base = dv + values[e]!;
          const end = start[a + 1]!;
          work += end - start[a]!;
          for (let f = start[a]!; f < end; f++) {
            if (held[f]) continue;
            const k = eJuror[f]!;
            if (settled[k]) continue;
            const d = base - values[f]! - price[k]!;
            if (d < dist[k]!) {
              dist[k] = d;
              parent[k] = v;
              parentFrom[k] = e;
              parentTo[k] = f;
            }
          }
        }
        const g = J + groupOf[v]!;
        if (flow[v]! < hi[v]! - lo[v]! && !settled[g] && dv - price[g]! < dist[g]!) {
          dist[g] = dv - price[g]!;
          parent[g] = v;
          parentFrom[g] = -1;
        }
      } else {
        for (const k of members[v - J]!) {
          if (flow[k]! > 0 && !settled[k] && dv - price[k]! < dist[k]!) {
            dist[k] = dv - price[k]!;
            parent[k] = v;
            parentFrom[k] = -1;
          }
        }
      }
    }
  }

  // Blocking flow over zero-length edges: depth-first, each node's scan resumes where it stopped.
  const dead = new Int32Array(N);
  const onPath = new Uint8Array(N);
  const appOnPath = new Uint8Array(A);
  const scanApp = new Int32Array(J); // -1: the group edge comes first
  const scanEntry = new Int32Array(J);
  const scanFrom = new Int32Array(J);
  const scanMember = new Int32Array(Math.max(G, 1));
  const pathNode = new Int32Array(N + 1);
  const pathFrom = new Int32Array(N + 1);
  const pathTo = new Int32Array(N + 1);
  let deadStamp = 0;

  /** Next usable zero-length edge out of juror v (its head), or -1; the scan position stays on it. */
  function nextFromJuror(v: number, depth: number): number {
    const list = jurorApps[v]!;
    for (;;) {
      if (scanApp[v] === -1) {
        const g = J + groupOf[v]!;
        if (flow[v]! < hi[v]! - lo[v]! && price[v]! - price[g]! <= tolerance && dead[g] !== deadStamp && !onPath[g]) {
          pathFrom[depth + 1] = -1;
          return g;
        }
        scanApp[v] = 0;
        scanFrom[v] = -1;
        continue;
      }
      const i = scanApp[v]!;
      if (i >= list.length) return -1;
      const e = list[i]!;
      const a = eApp[e]!;
      if (scanFrom[v] !== e) {
        scanFrom[v] = e;
        scanEntry[v] = start[a]!;
      }
      if (!appOnPath[a]) {
        const values = valuesFor(e);
        const base = values[e]! + price[v]!;
        const end = start[a + 1]!;
        for (let f = scanEntry[v]!; f < end; f++) {
          if (held[f]) continue;
          const k = eJuror[f]!;
          if (dead[k] === deadStamp || onPath[k] || base - values[f]! - price[k]! > tolerance) continue;
          work += f - scanEntry[v]!;
          scanEntry[v] = f;
          pathFrom[depth + 1] = e;
          pathTo[depth + 1] = f;
          return k;
        }
      }
      work += start[a + 1]! - scanEntry[v]!;
      scanApp[v] = i + 1;
    }
  }
  function nextFromGroup(v: number, depth: number): number {
    const list = members[v - J]!;
    for (let i = scanMember[v - J]!; i < list.length; i++) {
      const k = list[i]!;
      if (flow[k]! > 0 && price[v]! - price[k]! <= tolerance && dead[k] !== deadStamp && !onPath[k]) {
        scanMember[v - J] = i;
        pathFrom[depth + 1] = -1;
        return k;
      }
    }
    scanMember[v - J] = list.length;
    return -1;
  }
  /** Pushes one unit along path[0..depth]: moves on juror edges, flow on group edges. */
  function push(depth: number): void {
    for (let i = 1; i <= depth; i++) {
      const u = pathNode[i - 1]!;
      const v = pathNode[i]!;
      if (u < J && v < J) {
        release(pathFrom[i]!);
        take(pathTo[i]!);
      } else if (u < J) flow[u]!++;
      else flow[v]!--;
    }
    imbalance[pathNode[0]!]!--;
    imbalance[pathNode[depth]!]!++;
    excess--;
  }
  function blockingFlow(): number {
    deadStamp++;
    scanApp.fill(-1);
    scanFrom.fill(-1);
    scanMember.fill(0);
    let pushed = 0;
    for (let s = 0; s < N; s++) {
      while (imbalance[s]! > 0 && dead[s] !== deadStamp) {
        let depth = 0;
        pathNode[0] = s;
        onPath[s] = 1;
        let reached = false;
        while (depth >= 0) {
          const v = pathNode[depth]!;
          if (depth > 0 && imbalance[v]! < 0) {
            reached = true;
            break;
          }
          const u = v < J ? nextFromJuror(v, depth) : nextFromGroup(v, depth);
          if (u >= 0) {
            depth++;
            pathNode[depth] = u;
            onPath[u] = 1;
            if (pathFrom[depth]! >= 0) appOnPath[eApp[pathFrom[depth]!]!] = 1;
          } else {
            dead[v] = deadStamp;
            onPath[v] = 0;
            if (depth > 0 && pathFrom[depth]! >= 0) appOnPath[eApp[pathFrom[depth]!]!] = 0;
            depth--;
          }
        }
        if (!reached) break;
        for (let i = 0; i <= depth; i++) {
          onPath[pathNode[i]!] = 0;
          if (i > 0 && pathFrom[i]! >= 0) appOnPath[eApp[pathFrom[i]!]!] = 0;
        }
        push(depth);
        pushed++;
      }
    }
    return pushed;
  }
  /** Progress guarantee: push along the Dijkstra tree when the search found nothing (not seen in practice). */
  function augmentAlongTree(target: number): void {
    const nodes: number[] = [];
    const froms: number[] = [];
    const tos: number[] = [];
    for (let v = target; parent[v] !== -1; v = parent[v]!) {
      nodes.push(v);
      froms.push(parent[v]! < J && v < J ? parentFrom[v]! : -1);
      tos.push(parentTo[v]!);
    }
    let v = target;
    while (parent[v] !== -1) v = parent[v]!;
    pathNode[0] = v;
    for (let i = nodes.length - 1, depth = 1; i >= 0; i--, depth++) {
      pathNode[depth] = nodes[i]!;
      pathFrom[depth] = froms[i]!;
      pathTo[depth] = tos[i]!;
    }
    push(nodes.length);
  }

  /**
   * Past the work budget (wide affinity ranges with very uneven demand: the prices then climb by small
   * steps over many phases), finish fast: push along moves whose reduced length is within a tolerance that
   * grows fourfold whenever nothing more passes, then along any move, then by breadth-first paths. The plan
   * keeps every rule of coverage, balance and conflicts; only rules 3-5 may lose, and `optimal` tells.
   */
  function finishWithinBudget(): void {
    tolerance = 1;
    while (excess > 0) {
      if (blockingFlow() > 0) continue;
      if (tolerance !== Infinity) {
        // Within the affinity range by fourfold steps, then a knower bonus, an avoid bid, anything.
        const slack = 4 * spread + 4;
        tolerance = tolerance < slack ? tolerance * 4 : tolerance < bonus ? bonus + slack : tolerance < penalty ? penalty + bonus + slack : Infinity;
        continue;
      }
      const target = anyPath();
      if (target < 0) return;
      augmentAlongTree(target);
    }
  }
  /** Breadth-first search of the residual moves from the overloaded nodes to an underloaded one (tree in parent). */
  function anyPath(): number {
    settled.fill(0);
    const queue: number[] = [];
    for (let v = 0; v < N; v++) {
      if (imbalance[v]! > 0) {
        settled[v] = 1;
        parent[v] = -1;
        queue.push(v);
      }
    }
    const reach = (u: number, from: number, e: number, f: number): boolean => {
      if (settled[u]) return false;
      settled[u] = 1;
      parent[u] = from;
      parentFrom[u] = e;
      parentTo[u] = f;
      queue.push(u);
      return imbalance[u]! < 0;
    };
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head]!;
      if (v < J) {
        for (const e of jurorApps[v]!) {
          const a = eApp[e]!;
          for (let f = start[a]!; f < start[a + 1]!; f++) if (!held[f] && reach(eJuror[f]!, v, e, f)) return eJuror[f]!;
        }
        if (flow[v]! < hi[v]! - lo[v]! && reach(J + groupOf[v]!, v, -1, -1)) return J + groupOf[v]!;
      } else {
        for (const k of members[v - J]!) if (flow[k]! > 0 && reach(k, v, -1, -1)) return k;
      }
    }
    return -1;
  }

  /** Dual check: no single move (or group edge) has a negative reduced length, and nothing is left over. */
  function certified(): boolean {
    if (excess > 0) return false;
    for (let v = 0; v < N; v++) if (imbalance[v] !== 0) return false;
    for (let j = 0; j < J; j++) {
      const g = J + groupOf[j]!;
      if (flow[j]! < hi[j]! - lo[j]! && price[j]! < price[g]!) return false;
      if (flow[j]! > 0 && price[g]! < price[j]!) return false;
      for (const e of jurorApps[j]!) {
        const a = eApp[e]!;
        const values = valuesFor(e);
        const base = values[e]! + price[j]!;
        for (let f = start[a]!; f < start[a + 1]!; f++) if (!held[f] && base - values[f]! < price[eJuror[f]!]!) return false;
      }
    }
    return true;
  }

  const needNow = Int32Array.from(need);
  solve(needNow);
  if (excess > 0) {
    // Caps too tight: drop the leftover at each overloaded juror, from the applications with the most
    // jurors, then the least valuable pair; then plan again with those numbers (all placeable now).
    for (let j = 0; j < J; j++) {
      for (let over = imbalance[j]!; over > 0; over--) {
        let drop = -1;
        let dropKey = 0;
        for (const e of jurorApps[j]!) {
          const a = eApp[e]!;
          const key = valuesFor(e)[e]! - (keptCount[a]! + appHeldCount[a]!) * 2 * penalty;
          if (drop < 0 || key < dropKey || (key === dropKey && e < drop)) {
            drop = e;
            dropKey = key;
          }
        }
        needNow[eApp[drop]!]!--;
        release(drop);
      }
    }
    solve(needNow);
  }

  const chosen = (a: number): number[] => Array.from(appHeld.subarray(a * R, a * R + appHeldCount[a]!)).sort((x, y) => x - y);
  return { load, chosen, certified };
}
