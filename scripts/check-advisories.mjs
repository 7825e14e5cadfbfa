#!/usr/bin/env node
// Fails when package-lock.json resolves a package inside a range listed in security/advisories.json.
// Usage: node scripts/check-advisories.mjs [package-lock.json] [advisories.json]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lockPath = process.argv[2] ?? path.join(root, 'package-lock.json');
const advisoriesPath = process.argv[3] ?? path.join(root, 'security', 'advisories.json');

/** Compares release versions (prerelease tags sort before their release, as in semver). */
function compare(a, b) {
  const parse = (v) => {
    const [core, pre] = v.split('-', 2);
    return { parts: core.split('.').map((n) => Number.parseInt(n, 10) || 0), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i += 1) {
    const d = (x.parts[i] ?? 0) - (y.parts[i] ?? 0);
    if (d !== 0) return d;
  }
  if (x.pre && !y.pre) return -1;
  if (!x.pre && y.pre) return 1;
  return 0;
}

const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const { advisories } = JSON.parse(readFileSync(advisoriesPath, 'utf8'));
const installed = [];
for (const [location, entry] of Object.entries(lock.packages ?? {})) {
  const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(location);
  if (match && entry.version && !entry.link) installed.push({ name: match[1], version: entry.version, location });
}

const findings = [];
for (const advisory of advisories) {
  for (const copy of installed.filter((p) => p.name === advisory.package)) {
    const hit = advisory.affected.find(
      (range) => compare(copy.version, range.introduced) >= 0 && compare(copy.version, range.fixed) < 0,
    );
    if (hit) findings.push(`${copy.name}@${copy.version} (${copy.location}): ${advisory.ids.join(', ')} — ${advisory.summary}; fixed in ${hit.fixed}`);
  }
}

if (findings.length > 0) {
  process.stderr.write(`Packages with known advisories:\n${findings.map((f) => `  ${f}`).join('\n')}\n`);
  process.exit(1);
}
const checked = new Set(advisories.map((a) => a.package));
process.stdout.write(`No installed package in an advisory range (${advisories.length} advisories over ${checked.size} packages checked)\n`);
