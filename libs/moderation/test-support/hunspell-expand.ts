import { readFileSync } from 'node:fs';

/**
 * Minimal Hunspell affix expander for collision tests: single-character flags, PFX/SFX with
 * strip/add/condition, cross products and one level of continuation classes. It over-generates
 * a little (CIRCUMFIX and NEEDAFFIX on continuation classes are ignored), which only makes the
 * collision test stricter.
 */
interface AffixRule {
  strip: string;
  add: string;
  cond: RegExp | null;
  cont: string;
}

interface AffixClass {
  kind: 'PFX' | 'SFX';
  cross: boolean;
  rules: AffixRule[];
}

function parseAff(text: string): { classes: Map<string, AffixClass>; needAffix: string | null } {
  const classes = new Map<string, AffixClass>();
  let needAffix: string | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const f = line.split(/\s+/);
    if (f[0] === 'NEEDAFFIX') needAffix = f[1];
    if (f[0] !== 'PFX' && f[0] !== 'SFX') continue;
    const kind = f[0];
    const flag = f[1];
    if (!classes.has(flag) && (f[2] === 'Y' || f[2] === 'N') && /^\d+$/.test(f[3] ?? '') && f.length <= 4) {
      classes.set(flag, { kind, cross: f[2] === 'Y', rules: [] });
      continue;
    }
    const cls = classes.get(flag);
    if (!cls || f.length < 4) continue;
    const strip = f[2] === '0' ? '' : f[2];
    const [addRaw, cont = ''] = f[3].split('/');
    const add = addRaw === '0' ? '' : addRaw;
    const condSrc = f[4] ?? '.';
    const cond = condSrc === '.' ? null : new RegExp(kind === 'SFX' ? `${condSrc}$` : `^${condSrc}`, 'u');
    cls.rules.push({ strip, add, cond, cont });
  }
  return { classes, needAffix };
}

function applySfx(word: string, r: AffixRule): string | null {
  if (r.cond && !r.cond.test(word)) return null;
  if (r.strip && !word.endsWith(r.strip)) return null;
  return word.slice(0, word.length - r.strip.length) + r.add;
}

function applyPfx(word: string, r: AffixRule): string | null {
  if (r.cond && !r.cond.test(word)) return null;
  if (r.strip && !word.startsWith(r.strip)) return null;
  return r.add + word.slice(r.strip.length);
}

/** Calls `emit` for every word form generated from the dictionary (duplicates possible). */
export function expandDictionary(affPath: string, dicPath: string, emit: (form: string) => void): void {
  const { classes, needAffix } = parseAff(readFileSync(affPath, 'utf8'));
  const lines = readFileSync(dicPath, 'utf8').split('\n');
  for (let li = 1; li < lines.length; li++) {
    const entry = lines[li].split(/[\t ]/)[0];
    if (!entry) continue;
    const slash = entry.indexOf('/');
    const stem = slash < 0 ? entry : entry.slice(0, slash);
    const flags = slash < 0 ? '' : entry.slice(slash + 1);
    if (!needAffix || !flags.includes(needAffix)) emit(stem);
    const suffixed: string[] = [];
    for (const fl of flags) {
      const cls = classes.get(fl);
      if (!cls || cls.kind !== 'SFX') continue;
      for (const r of cls.rules) {
        const w = applySfx(stem, r);
        if (w === null) continue;
        emit(w);
        if (cls.cross) suffixed.push(w);
        for (const c of r.cont) {
          const inner = classes.get(c);
          if (!inner || inner.kind !== 'SFX') continue;
          for (const r2 of inner.rules) {
            const w2 = applySfx(w, r2);
            if (w2 !== null) emit(w2);
          }
        }
      }
    }
    for (const fl of flags) {
      const cls = classes.get(fl);
      if (!cls || cls.kind !== 'PFX') continue;
      for (const r of cls.rules) {
        const base = applyPfx(stem, r);
        if (base !== null) emit(base);
        if (!cls.cross) continue;
        for (const s of suffixed) {
          const w = applyPfx(s, r);
          if (w !== null) emit(w);
        }
      }
    }
  }
}
