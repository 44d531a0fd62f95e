#!/usr/bin/python3
"""An independent computation of `egov-score audit`, to check its figures (issue 17).

It reads what egov-score scored (the rates of `score -f csv`, the percentages and statuses of
`rank -f csv`) and the criteria file, and computes every figure of the audit with pandas, numpy
and scipy: availability, distributions (pandas' skew and kurt, the bias-adjusted G1 and G2),
COINr's winsorisation, Pearson and Spearman correlations (scipy), Cronbach's alpha, the first
principal component's share (numpy's eigvalsh of the correlation matrix), importance (r² with the
total, normalised) against nominal weights. The statistics are written here from their
definitions, not translated from src/engine/audit.ts.

Run once, from the repository, after `npm run build`; its output is committed as
test/fixtures/audit/<sample>.expected.json and test/engine/audit-reference.test.ts compares the
engine to it (python is not needed to run the tests):

    /usr/bin/python3 scripts/audit-reference.py samples/ca-mau-2019 > test/fixtures/audit/ca-mau-2019.expected.json
    /usr/bin/python3 scripts/audit-reference.py samples/un-egdi > test/fixtures/audit/un-egdi.expected.json

Debian bookworm: python3-pandas 1.5.3, python3-numpy 1.24.2, python3-scipy 1.10.1.
"""
import io
import json
import math
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import scipy
import yaml
from scipy import stats

warnings.simplefilter("ignore")  # scipy warns on constant inputs; those give None below

MIN_AVAILABILITY, SKEW, KURT, WINMAX, COLLINEAR, WEAK, RATIO = 0.65, 2.0, 3.5, 5, 0.9, 0.3, 2.0
ROOT = Path(__file__).resolve().parent.parent


def egov(*args):
    out = subprocess.run(["node", str(ROOT / "bin/egov-score.js"), *args], capture_output=True, text=True, check=True, cwd=ROOT)
    return pd.read_csv(io.StringIO(out.stdout), dtype={"code": str, "level": str})


def num(x):
    """A float for JSON, None for NaN or None."""
    if x is None:
        return None
    x = float(x)
    return None if math.isnan(x) else x


def criteria_of(sample):
    manifest = yaml.safe_load((ROOT / sample / "egov-score.yaml").read_text())
    return yaml.safe_load((ROOT / sample / manifest["criteria"]).read_text())


def structure(crit):
    """indicator id -> (pillar id, weight); the root's id stands for 'no pillar'."""
    out = {}
    root_id = "total"  # egov-score's name of the criteria's root: an indicator at the top is audited against the total
    for g in crit.get("groups", []):
        for ind in g.get("indicators", []):
            out[ind["id"]] = (g["id"], ind.get("weight", 1))
    for ind in crit.get("indicators", []):
        out[ind["id"]] = (root_id, ind.get("weight", 1))
    return out


def skew(v):
    return num(pd.Series(v, dtype=float).skew()) if len(v) >= 3 and np.ptp(v) > 0 else None


def kurt(v):
    return num(pd.Series(v, dtype=float).kurt()) if len(v) >= 4 and np.ptp(v) > 0 else None


def flagged(v):
    s, k = skew(v), kurt(v)
    return s is not None and k is not None and abs(s) > SKEW and k > KURT


def winsorise(values):
    """COINr: while flagged and fewer than WINMAX values replaced, the extreme values on the side of the skew take the next value inward."""
    v = np.array(values, dtype=float)
    replaced = set()
    while flagged(v) and len(replaced) < WINMAX:
        high = skew(v) > 0
        extreme = v.max() if high else v.min()
        rest = v[v != extreme]
        if len(rest) == 0:
            break
        nxt = rest.max() if high else rest.min()
        idx = np.where(v == extreme)[0]
        v[idx] = nxt
        replaced.update(int(i) for i in idx)
    return v, sorted(replaced)


def tie_key(v):
    """Values equal at 12 significant digits tie in a ranking (8.63 / 10 and 5.178 / 6 are both 0.863)."""
    return np.array([float("%.12g" % x) for x in v])


def corr(x, y, how):
    x, y = np.asarray(x, float), np.asarray(y, float)
    if len(x) < 2 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return None
    if how == "pearson":
        return num(stats.pearsonr(x, y)[0])
    return num(stats.spearmanr(tie_key(x), tie_key(y))[0])


def competition_ranks(keys):
    """1 + the number of keys strictly greater."""
    k = np.asarray(keys)
    return np.array([1 + int((k > x).sum()) for x in k])


def audit_level(level, sc, rk, struct, crit):
    ranked = rk[(rk.level == level) & (rk.status != "not-ranked")].set_index("code")
    codes = list(ranked.index)
    total = ranked.percent / 100
    s = sc[(sc.level == level) & sc.code.isin(codes)]
    inds = [i for i in dict.fromkeys(s.indicator) if i in struct]
    rate = s.pivot(index="code", columns="indicator", values="rate").reindex(index=codes)
    status = s.pivot(index="code", columns="indicator", values="status").reindex(index=codes)
    points = s.pivot(index="code", columns="indicator", values="points").reindex(index=codes)
    mx = s.pivot(index="code", columns="indicator", values="max").reindex(index=codes)
    have = status == "scored"
    applicable = status.notna() & (status != "not-applicable")
    included = status.isin(["scored", "missing", "imputed"])
    root = "total"

    def pillar_value(p):
        if p == root:
            return total
        members = [i for i in inds if struct[i][0] == p]
        pts = (points[members].where(included[members])).sum(axis=1)
        m = (mx[members].where(included[members])).sum(axis=1)
        return pts / m

    # nominal shares: maxima when the criteria add points, weights when they average
    if crit.get("aggregation", "sum") == "sum":
        level_max = {i: mx[i].dropna().iloc[0] for i in inds}
    else:
        level_max = {i: struct[i][1] for i in inds}
    all_max = sum(level_max.values())

    out = {"units": len(codes), "indicators": {}, "pillars": {}, "collinear": [], "unitAvailability": {}}
    for i in inds:
        app = applicable[i]
        h = have[i] & app
        v = rate[i][h].to_numpy(float)
        p = struct[i][0]
        pv = pillar_value(p)
        both = h & pv.notna()
        rec = {
            "pillar": p,
            "applicable": int(app.sum()),
            "available": int(h.sum()),
            "availability": num(h.sum() / app.sum()) if app.sum() else None,
            "distribution": {
                "n": int(len(v)),
                "min": num(v.min()) if len(v) else None,
                "max": num(v.max()) if len(v) else None,
                "mean": num(v.mean()) if len(v) else None,
                "median": num(np.median(v)) if len(v) else None,
                "sd": num(v.std(ddof=1)) if len(v) > 1 else None,
                "skewness": skew(v),
                "kurtosis": kurt(v),
            },
            "constant": bool(len(v) >= 2 and np.ptp(v) == 0),
            "outliers": flagged(v),
            "withPillar": {"pearson": corr(rate[i][both], pv[both], "pearson"), "spearman": corr(rate[i][both], pv[both], "spearman")},
            "withTotal": {"pearson": corr(v, total[h], "pearson"), "spearman": corr(v, total[h], "spearman")},
            "nominal": num(level_max[i] / all_max),
        }
        if rec["outliers"]:
            w, rep = winsorise(v)
            rec["winsorised"] = {"count": len(rep), "units": [rate[i][h].index[j] for j in rep], "skewness": skew(w), "kurtosis": kurt(w), "cleared": not flagged(w)}
        else:
            rec["winsorised"] = None
        out["indicators"][i] = rec

    # importance: r² with the total over the indicators where r is defined, against the nominal shares renormalised over them
    defined = [i for i in inds if out["indicators"][i]["withTotal"]["pearson"] is not None]
    r2 = sum(out["indicators"][i]["withTotal"]["pearson"] ** 2 for i in defined)
    nom = sum(out["indicators"][i]["nominal"] for i in defined)
    for i in inds:
        rec = out["indicators"][i]
        if i in defined:
            rec["importance"] = rec["withTotal"]["pearson"] ** 2 / r2
            rec["ratio"] = rec["importance"] / (rec["nominal"] / nom)
        else:
            rec["importance"] = rec["ratio"] = None

    # the correlation matrix, pairwise over the units with both values
    matrix = {}
    for a in inds:
        for b in inds:
            if a == b:
                continue
            both = have[a] & applicable[a] & have[b] & applicable[b]
            matrix[f"{a}|{b}"] = corr(rate[a][both], rate[b][both], "pearson")
    out["matrix"] = matrix
    for ai, a in enumerate(inds):
        for b in inds[ai + 1 :]:
            r = matrix[f"{a}|{b}"]
            if r is not None and r > COLLINEAR:
                out["collinear"].append({"a": a, "b": b, "pearson": r})

    for p in dict.fromkeys(struct[i][0] for i in inds):
        members = [i for i in inds if struct[i][0] == p]
        complete = (have[members] & applicable[members]).all(axis=1)
        X = rate.loc[complete, members].to_numpy(float)
        k, n = len(members), X.shape[0]
        alpha = pc1 = None
        if k >= 2 and n >= 2:
            tv = X.sum(axis=1).var(ddof=1)
            if tv > 0:
                alpha = k / (k - 1) * (1 - X.var(axis=0, ddof=1).sum() / tv)
            if (np.ptp(X, axis=0) > 0).all():
                pc1 = float(np.linalg.eigvalsh(np.corrcoef(X, rowvar=False)).max() / k)
        out["pillars"][p] = {"indicators": members, "complete": int(n), "alpha": num(alpha), "pc1": num(pc1)}

    for c in codes:
        app = int(applicable.loc[c, inds].sum())
        av = int((have.loc[c, inds] & applicable.loc[c, inds]).sum())
        out["unitAvailability"][c] = {"applicable": app, "available": av, "share": av / app if app else 0.0}

    # what winsorising every flagged indicator would do to the ranks (the criteria add points)
    flagged_inds = [i for i in inds if out["indicators"][i]["winsorised"]]
    if flagged_inds and crit.get("aggregation", "sum") == "sum":
        delta = pd.Series(0.0, index=codes)
        changed = set()
        for i in flagged_inds:
            h = have[i] & applicable[i]
            w, rep = winsorise(rate[i][h].to_numpy(float))
            idx = rate[i][h].index
            for j in rep:
                c = idx[j]
                delta[c] += (w[j] - rate.loc[c, i]) * mx.loc[c, i]
                changed.add(c)
        dec = crit.get("ranking", {}).get("decimals", 2)
        before = competition_ranks(np.round(ranked.score / ranked["max"] * 100, dec))
        after = competition_ranks(np.round((ranked.score + delta) / ranked["max"] * 100, dec))
        moves = np.abs(before - after)
        out["winsorEffect"] = {"units": len(changed), "moved": int((moves > 0).sum()), "maxMove": int(moves.max())}
    else:
        out["winsorEffect"] = None
    return out


def main(sample):
    crit = criteria_of(sample)
    struct = structure(crit)
    sc = egov("score", sample, "-f", "csv")
    rk = egov("rank", sample, "-f", "csv")
    levels = list(dict.fromkeys(rk.level))
    doc = {
        "generator": f"scripts/audit-reference.py · python {sys.version.split()[0]} · pandas {pd.__version__} · numpy {np.__version__} · scipy {scipy.__version__}",
        "sample": sample,
        "levels": {lv: audit_level(lv, sc, rk, struct, crit) for lv in levels},
    }
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
