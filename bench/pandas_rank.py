# The job of `egov-score rank -f csv -o FILE` on a dataset of the submissions shape
# (bench/generate.mjs), done the way a user without egov-score would do it: a pandas script that
# reads the CSV, sums the indicators per unit (N/A not applicable, empty as zero), works out the
# maximum and the percentage, ranks each unit among its peers (departments and districts within
# their province, communes within their district; ties share the lower rank; a unit that sent
# nothing is not ranked) and writes the CSV.
# bench/run.mjs measures egov-score against it.
#
#   python3 bench/pandas_rank.py <dir> <output.csv>
import sys

import pandas as pd

folder, out = sys.argv[1], sys.argv[2]
df = pd.read_csv(f"{folder}/data.csv", na_values=["N/A"], keep_default_na=False, dtype={"parent": str, "province": str})
inds = [c for c in df.columns if c.startswith("i") and c[1:].isdigit()]
values = df[inds].apply(pd.to_numeric, errors="coerce")
df["score"] = values.fillna(0).sum(axis=1)
df["max"] = 100 * df[inds].notna().sum(axis=1)
df["percent"] = df["score"] / df["max"] * 100
df["peers"] = df["province"].where(df["level"] != "xa", df["parent"])
# a unit that sent no value at all is listed, not ranked
df["percent"] = df["percent"].where(values.notna().any(axis=1))
df["rank"] = df.groupby(["level", "peers"])["percent"].rank(method="min", ascending=False).astype("Int64")
df = df.sort_values(["level", "peers", "rank", "code"])
df[["level", "rank", "code", "name", "parent", "score", "max", "percent"]].to_csv(out, index=False)
