/**
 * The fallback ladders: for a requested platform, the platforms that can stand in for it,
 * best first. Source: containerd/platforms compare.go (platformVector, Only), v1.0.0-rc.4.
 *
 *   requested          also accepts, in this order of preference
 *   amd64/v4           amd64/v3, amd64/v2, amd64 (= v1), 386
 *   amd64/v2           amd64 (= v1), 386
 *   amd64              386
 *   386                nothing else
 *   arm/v8             arm/v7, arm/v6, arm/v5
 *   arm/v7 (= arm)     arm/v6, arm/v5
 *   arm/v6             arm/v5
 *   arm/v5, arm/v4     nothing else (the ladder stops at v5; arm/v4 has no ladder)
 *   arm64 (= v8)       arm/v8, arm/v7, arm/v6, arm/v5
 *   arm64/v8.2         arm64/v8.1, arm64 (= v8), then arm/v8 ... arm/v5
 *   arm64/v9           arm64/v8.5 ... arm64/v8.1, arm64, then arm/v9 (sic), arm/v8 ... v5
 *   arm64/v9.2         arm64/v9.1, arm64/v9, arm64/v8.7 ... arm64/v8.1, arm64, arm/v8 ... v5
 *   arm64/v9.6         arm64/v9.5 ... arm64/v9, arm64/v8.9 ... arm64, arm/v8 ... v5
 *   anything else      nothing else (ppc64le, s390x, riscv64, mips64le, ...)
 *
 * arm64/v9.x is compatible with arm64/v8.(x+5) (v9.0 branched from v8.5), capped at v8.9.
 * Only one-digit minors are read: arm64/v8.10 is treated as arm64/v8 (containerd does the
 * same). os, os.version and os.features carry over to every rung.
 *
 * One bound of mfx's own: a ladder has at most 64 rungs of one architecture, so a nonsense
 * variant such as amd64/v99999999 cannot make it enormous; no real variant comes near.
 */
import type { Platform } from './types.js';

const MAX_RUNGS = 64;

/** Go's strconv.Atoi for the small numbers found in variants. */
function atoi(s: string): number | undefined {
  return /^[+-]?[0-9]{1,15}$/.test(s) ? Number(s) : undefined;
}

function withVariant(p: Platform, architecture: string, variant: string): Platform {
  const rung: Platform = { ...p, architecture };
  if (variant) rung.variant = variant;
  else delete rung.variant;
  return rung;
}

/** `prefix + n` for n from `from` down to `to`, at most MAX_RUNGS of them. */
function countDown(from: number, to: number, name: (n: number) => string): string[] {
  const out: string[] = [];
  for (let n = from; n >= to && out.length < MAX_RUNGS; n--) out.push(name(n));
  return out;
}

/** The platforms p accepts, p first. `p` must be normalized (normalize.ts). */
export function compatibilityLadder(p: Platform): Platform[] {
  const variant = p.variant ?? '';
  switch (p.architecture) {
    case 'amd64': {
      const n = atoi(variant.replace(/^v/, ''));
      const lower = n !== undefined && n > 1 ? countDown(n - 1, 1, (k) => `v${k}`) : [];
      return [p, ...lower.map((v) => withVariant(p, 'amd64', v)), withVariant(p, '386', '')];
    }
    case 'arm': {
      const n = atoi(variant.replace(/^v/, ''));
      const lower = n !== undefined && n > 5 ? countDown(n - 1, 5, (k) => `v${k}`) : [];
      return [p, ...lower.map((v) => withVariant(p, 'arm', v))];
    }
    case 'arm64':
      return arm64Ladder(p, variant || 'v8');
    default:
      return [p];
  }
}

function arm64Ladder(p: Platform, variant: string): Platform[] {
  const dot = variant.indexOf('.');
  const majorPart = dot < 0 ? variant : variant.slice(0, dot);
  const minorPart = dot < 0 ? undefined : variant.slice(dot + 1);
  const major = atoi(majorPart.replace(/^v/, ''));
  const rungs: string[] = [];
  if (major !== undefined && major >= 8) {
    const minorValue = variant.length === 4 && minorPart !== undefined ? atoi(minorPart) : undefined;
    let minor = minorValue ?? 0;
    let lineMajor = major;
    if (major === 9) {
      rungs.push(...countDown(minor - 1, 0, (k) => (k === 0 ? 'v9' : `v9.${k}`)));
      minor = Math.min(minor + 5, 9);
      lineMajor = 8;
      rungs.push(`v8.${minor}`);
    }
    rungs.push(...countDown(minor - 1, 0, (k) => (k === 0 ? `v${lineMajor}` : `v${lineMajor}.${k}`)));
  }
  const armVariant = variant.startsWith('v8.') || variant.startsWith('v9.') ? 'v8' : variant;
  const arm = compatibilityLadder(withVariant(p, 'arm', armVariant));
  return [p, ...rungs.map((v) => withVariant(p, 'arm64', v)), ...arm];
}
