#!/usr/bin/python3
"""Generate realistic greenmine application packages with ground truth.

    python3 scripts/gen_samples.py --out DIR [--count N] [--seed S] [--profile bundled|hard|statements|variety]

The statements profile (issue 17, samplegen/stmtset.py) makes packages whose financial statements
come in every layout (a file each, several in one PDF, two on a page, continued over two pages,
inside an audit report, .xlsx, faxed / photographed / turned); default 30 packages, and the
manifest says each package's statement layout (scripts/score --by-layout).

The variety profile (issue 18, samplegen/variety.py) makes forms less kind than the bundled set's: each
package draws a random subset of other column widths, page breaks at other rows, form pages stored
turned (EXIF 6/8/3 or 90/180/270 with no tag), the blank form's hints left in value cells, a value cell
run on into the next label (a ruling line missing), % signs in pct cells and other installed fonts;
default 24 packages, and the manifest lists each package's features (scripts/score --by-variety).

Writes DIR/inbox/ (packages), DIR/truth/<source>.json (expected records),
DIR/blacklist.txt and DIR/as_of.txt. Deterministic for a given seed/profile/count.
"""
import os
import sys

# The Debian python has PIL/reportlab/openpyxl/docx; a pyenv python3 first on PATH may not.
try:
    import PIL  # noqa: F401
    import reportlab  # noqa: F401
except ImportError:
    if os.path.exists('/usr/bin/python3') and os.path.realpath(sys.executable) != os.path.realpath('/usr/bin/python3'):
        os.execv('/usr/bin/python3', ['/usr/bin/python3'] + sys.argv)
    raise

import argparse
import json
import random
import shutil
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from samplegen import packages, ccode, stmtset, variety  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--out', required=True)
    ap.add_argument('--count', type=int, default=None, help='number of packages (default: the 8 bundled scenarios)')
    ap.add_argument('--seed', default='20250630')
    ap.add_argument('--profile', choices=['bundled', 'hard', 'statements', 'variety'], default='bundled')
    ap.add_argument('--jobs', type=int, default=os.cpu_count() or 1)
    ap.add_argument('-q', '--quiet', action='store_true')
    args = ap.parse_args()
    hard = args.profile == 'hard'
    out = args.out
    for sub in ('inbox', 'truth'):
        p = os.path.join(out, sub)
        if os.path.exists(p):
            shutil.rmtree(p)
        os.makedirs(p)
    if args.profile == 'statements':
        n = args.count if args.count is not None else 30
        specs = [('statements', stmtset.plan(i)[0], stmtset.plan(i)[1], {}) for i in range(n)]
    elif args.profile == 'variety':
        n = args.count if args.count is not None else 24
        specs = [('variety', None, [], {}) for i in range(n)]
    else:
        specs = list(packages.BUNDLED)
        n = args.count if args.count is not None else len(specs)
        rng = random.Random('specs-%s' % args.seed)
        while len(specs) < n:
            specs.append(packages.random_spec(rng))
        specs = specs[:n]
    # blacklist: the codes of the planted blacklisted applicants plus unrelated ones
    brng = random.Random('blacklist-%s' % args.seed)
    decoys = [ccode.make(brng, r) for r in sorted(ccode.REGIONS.values())[:6]]
    planted = set()
    # the blacklisted code must be known before truth is written: derive it per package first
    t0 = time.time()
    jobs = [(i, s) for i, s in enumerate(specs)]
    if args.jobs > 1 and len(jobs) > 1:
        import multiprocessing as mp
        with mp.Pool(args.jobs) as pool:
            results = pool.starmap(_one, [(i, s, args.seed, out, set(decoys), hard, args.profile) for i, s in jobs])
    else:
        results = [_one(i, s, args.seed, out, set(decoys), hard, args.profile) for i, s in jobs]
    sources = [rec['source'] for rec, _ in results]
    dup = sorted({s for s in sources if sources.count(s) > 1})
    if dup:
        sys.exit('gen_samples: package names collide: %s' % ', '.join(dup))
    pages = 0
    manifest = []
    for rec, bl in results:
        planted |= bl
        m = rec.pop('_manifest')
        if args.profile not in ('statements', 'variety'):
            m['container'], m['variant'] = specs[len(manifest)][0], specs[len(manifest)][1]
        manifest.append(m)
        path = os.path.join(out, 'truth', rec['source'] + '.json')
        with open(path, 'w', encoding='utf-8') as f:
            json.dump(rec, f, ensure_ascii=False, indent=2)
            f.write('\n')
        pages += sum(x['pages'] or 0 for x in rec['files'])
        if not args.quiet:
            codes = sorted('%s:%s' % (x['code'], x['field']) for x in rec['findings'])
            print('%-46s %3d files %3d pages  %s' % (rec['source'], len(rec['files']), sum(x['pages'] or 0 for x in rec['files']),
                                                     ', '.join(codes) or 'clean'))
    with open(os.path.join(out, 'blacklist.txt'), 'w', encoding='utf-8') as f:
        f.write('# 信用黑名单（统一社会信用代码，一行一个）\n# generated by scripts/gen_samples.py\n')
        for c in sorted(set(decoys) | planted):
            f.write(c + '\n')
    with open(os.path.join(out, 'manifest.json'), 'w', encoding='utf-8') as f:
        json.dump({'profile': args.profile, 'seed': args.seed, 'packages': manifest}, f, ensure_ascii=False, indent=1)
        f.write('\n')
    with open(os.path.join(out, 'as_of.txt'), 'w') as f:
        f.write(packages.AS_OF + '\n')
    if not args.quiet:
        print('%d packages, %d pages, %.1fs -> %s' % (len(results), pages, time.time() - t0, out))


def _one(i, spec, seed, out, blacklist, hard, profile='bundled'):
    bl = set(blacklist)
    if profile == 'statements':
        rec = stmtset.build_package(i, seed, out, bl)
    elif profile == 'variety':
        rec = variety.build_package(i, seed, out, bl)
    else:
        rec = packages.build_package(i, spec, seed, out, bl, hard)
    return rec, bl - set(blacklist)


if __name__ == '__main__':
    main()
