#!/usr/bin/env python3
"""Tests of scripts/score on the bundled truth (standard library only).

    python3 tests/e2e/test_score.py
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCORE = os.path.join(ROOT, 'scripts', 'score')
TRUTH = os.path.join(ROOT, 'samples', 'truth')


def run(*args):
    return subprocess.run([sys.executable, SCORE] + list(args), capture_output=True, text=True)


class ScoreTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix='gm-test-score-')
        self.out = os.path.join(self.tmp, 'out')
        os.makedirs(os.path.join(self.out, 'records'))
        self.truth = {}
        for i, name in enumerate(sorted(os.listdir(TRUTH))):
            with open(os.path.join(TRUTH, name), encoding='utf-8') as f:
                rec = json.load(f)
            self.truth[rec['source']] = rec
            rec = dict(rec, package_id='p%02d' % i)
            self.write(rec)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def write(self, rec):
        with open(os.path.join(self.out, 'records', rec['package_id'] + '.json'), 'w', encoding='utf-8') as f:
            json.dump(rec, f, ensure_ascii=False)

    def score(self):
        p = run('--out', self.out, '--truth', TRUTH, '--json')
        self.assertEqual(p.returncode, 0, p.stderr)
        return json.loads(p.stdout)

    def test_self_test(self):
        p = run('--self-test')
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)

    def test_identity_is_perfect(self):
        s = self.score()
        for k, v in s['summary'].items():
            self.assertEqual(v, 0.0 if k == 'text_cer' else 1.0, k)
        self.assertEqual(s['packages']['perfect'], len(self.truth))

    def test_number_tolerance_and_nfkc(self):
        src = sorted(self.truth)[0]
        rec = json.loads(json.dumps(self.truth[src]))
        rec['package_id'] = 'p00'
        tv = rec['fields']['total_investment']['value']
        rec['fields']['total_investment']['value'] = tv + 0.004
        cn = rec['fields']['company_name']['value']
        rec['fields']['company_name']['value'] = cn.replace('(', '（').replace(')', '）')
        self.write(rec)
        self.assertEqual(self.score()['fields']['overall'], 1.0)
        rec['fields']['total_investment']['value'] = tv + 1
        self.write(rec)
        s = self.score()
        self.assertLess(s['fields']['by_type']['wan'], 1.0)

    def test_findings_multiset(self):
        src = next(s for s in sorted(self.truth) if self.truth[s]['findings'])
        rec = json.loads(json.dumps(self.truth[src]))
        rec['package_id'] = 'p%02d' % sorted(self.truth).index(src)
        rec['findings'] = rec['findings'] + [rec['findings'][0]] + [{'code': 'low_confidence', 'field': 'credit_code'}]
        self.write(rec)
        s = self.score()
        self.assertEqual(s['findings']['recall'], 1.0)
        self.assertLess(s['findings']['precision'], 1.0)
        self.assertEqual(s['findings']['fp'], 1)
        self.assertEqual(s['findings']['low_confidence'], 1)

    def test_missing_package_and_bad_input(self):
        os.remove(os.path.join(self.out, 'records', 'p00.json'))
        s = self.score()
        self.assertEqual(s['packages']['matched'], len(self.truth) - 1)
        self.assertLess(s['fields']['overall'], 1.0)
        self.assertEqual(run('--out', os.path.join(self.tmp, 'nope'), '--truth', TRUTH).returncode, 2)
        with open(os.path.join(self.out, 'records', 'broken.json'), 'w') as f:
            f.write('{not json')
        self.assertEqual(run('--out', self.out, '--truth', TRUTH).returncode, 2)


if __name__ == '__main__':
    unittest.main()
