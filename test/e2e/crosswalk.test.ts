// Crosswalks between periods, run as a user runs them: units that merged or divided between two
// assessments are compared with the combination of their predecessors, in every format of
// `compare` and in the trends of `report`; a crosswalk with mistakes stops the run at the cell.
// Then the 2024 → 2025 reform sample of Cà Mau and the two published national sets.
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { bandedCriteria } from "../helpers/criteria.ts";
import { folder, run, runOnce, type Run } from "../helpers/exec.ts";

const rows = (csv: string): Record<string, string>[] => parse(csv, { columns: true }) as Record<string, string>[];
/** The same command is run once for the whole file (these runs load whole assessments). */
const cached = runOnce;

const CRITERIA = bandedCriteria();

/**
 * 2024: A (population 100, 60 points), B (300, 80), C (200, 40), D (50), E (90).
 * 2025: X formed from A, B and half of C; Y from the other half of C; D kept its code; E gone; F new.
 */
const TWO_FOLDERS = (crosswalk: string, manifest = "crosswalk: { file: crosswalk.csv, combine: weighted, weight: pop }\n"): Record<string, string> => ({
  "criteria.yaml": CRITERIA,
  "2024/egov-score.yaml": 'criteria: ../criteria.yaml\nunits: units.csv\ndata: [data.csv]\nperiod: "2024"\ncolumns: { attributes: [pop] }\n',
  "2024/units.csv": "code,name,level,pop\nA,Xã A,u,100\nB,Xã B,u,300\nC,Xã C,u,200\nD,Xã D,u,50\nE,Xã E,u,70\n",
  "2024/data.csv": "code,p\nA,60\nB,80\nC,40\nD,50\nE,90\n",
  "2025/egov-score.yaml": `criteria: ../criteria.yaml\nunits: units.csv\ndata: [data.csv]\nperiod: "2025"\ncolumns: { attributes: [pop] }\n${manifest}`,
  "2025/units.csv": "code,name,level,pop\nX,Xã X,u,500\nY,Xã Y,u,100\nD,Xã D,u,50\nF,Xã F,u,80\n",
  "2025/data.csv": "code,p\nX,70\nY,45\nD,55\nF,85\n",
  "2025/crosswalk.csv": crosswalk,
});
const GOOD = "old,new,date,share,note\nA,X,2025-07-01,,\nB,X,2025-07-01,,\nC,X,2025-07-01,0.5,một phần\nC,Y,2025-07-01,0.5,một phần\n";

const compareIn = (dir: string, ...args: string[]) => run(["compare", path.join(dir, "2024"), path.join(dir, "2025"), "--lang", "en", ...args]);

describe("compare with a crosswalk: a merged unit meets the combination of its predecessors", () => {
  const weighted = folder(TWO_FOLDERS(GOOD));

  it("weighted by a registry attribute: X is compared with (100×60 + 300×80 + 0.5×200×40) / 500 = 68", () => {
    const r = compareIn(weighted, "-f", "json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.crosswalk).toEqual({ file: expect.stringMatching(/2025\/crosswalk\.csv$/), merged: 2, predecessors: 3, dates: ["2025-07-01"] });
    const units = Object.fromEntries(doc.levels[0].units.map((u: { code: string }) => [u.code, u]));
    expect(units.X.presence).toBe("merged");
    expect(units.X.before).toEqual({ status: "ranked", rank: null, score: 68, max: 100, percent: 68, band: "kha" });
    expect(units.X.percentChange).toBe(2);
    expect(units.X.move).toBeNull();
    expect(units.X.crosswalk).toEqual({
      combine: "weighted",
      weight: "pop",
      dates: ["2025-07-01"],
      from: [
        { code: "A", name: "Xã A", share: 1, weight: 100, status: "ranked", percent: 60 },
        { code: "B", name: "Xã B", share: 1, weight: 300, status: "ranked", percent: 80 },
        { code: "C", name: "Xã C", share: 0.5, weight: 200, status: "ranked", percent: 40 },
      ],
    });
    // Y is the other half of C alone
    expect(units.Y.before.percent).toBe(40);
    expect(units.Y.percentChange).toBe(5);
    // D kept its code: compared as before, with its rank; F is new; E is gone; A, B, C are not "gone"
    expect(units.D.presence).toBe("both");
    expect(units.F.presence).toBe("new");
    expect(units.E.presence).toBe("gone");
    expect(Object.keys(units).sort()).toEqual(["D", "E", "F", "X", "Y"]);
    expect(doc.levels[0].summary.merged).toEqual(["X", "Y"]);
    expect(doc.levels[0].summary.counts.merged).toBe(2);
  });

  it("mean (each predecessor counted by its share): (60 + 80 + 0.5×40) / 2.5 = 64", () => {
    const dir = folder(TWO_FOLDERS(GOOD, "crosswalk: crosswalk.csv\n"));
    const doc = JSON.parse(compareIn(dir, "-f", "json").stdout);
    const x = doc.levels[0].units.find((u: { code: string }) => u.code === "X");
    expect(x.before.percent).toBe(64);
    expect(x.crosswalk.combine).toBe("mean");
    expect(x.crosswalk.weight).toBeNull();
  });

  it("sum: scores and maxima added (60 + 80 + 20 of 250), percent 64", () => {
    const dir = folder(TWO_FOLDERS(GOOD, "crosswalk: { file: crosswalk.csv, combine: sum }\n"));
    const doc = JSON.parse(compareIn(dir, "-f", "json").stdout);
    const x = doc.levels[0].units.find((u: { code: string }) => u.code === "X");
    expect(x.before).toMatchObject({ score: 160, max: 250, percent: 64 });
  });

  it("the criteria can say how to combine; the manifest overrides them", () => {
    const files = TWO_FOLDERS(GOOD, "crosswalk: crosswalk.csv\n");
    files["criteria.yaml"] = `${CRITERIA}crosswalk: { combine: weighted, weight: pop }\n`;
    const doc = JSON.parse(compareIn(folder(files), "-f", "json").stdout);
    expect(doc.levels[0].units.find((u: { code: string }) => u.code === "X").before.percent).toBe(68);
  });

  it("--crosswalk FILE: the second side's crosswalk from the command line; the first side never reads it", () => {
    const dir = folder(TWO_FOLDERS(GOOD, ""));
    const plain = JSON.parse(compareIn(dir, "-f", "json").stdout);
    expect(plain.crosswalk).toBeNull();
    expect(plain.levels[0].units.find((u: { code: string }) => u.code === "A").presence).toBe("gone");
    const r = compareIn(dir, "-f", "json", "--crosswalk", path.join(dir, "2025/crosswalk.csv"));
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.crosswalk.merged).toBe(2);
    expect(doc.levels[0].units.find((u: { code: string }) => u.code === "X").before.percent).toBe(64);
    const missing = compareIn(dir, "--crosswalk", path.join(dir, "nowhere.csv"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nowhere\.csv: error FILE_NOT_FOUND/);
  });

  it("weights are read in the earlier side's decimal convention: 2,700 is two thousand seven hundred under a decimal dot, 2.700 under a decimal comma", () => {
    // the same populations × 9 with thousands separators: the weighted mean stays 68
    const dot = folder({ ...TWO_FOLDERS(GOOD), "2024/units.csv": 'code,name,level,pop\nA,Xã A,u,900\nB,Xã B,u,"2,700"\nC,Xã C,u,"1,800"\nD,Xã D,u,450\nE,Xã E,u,630\n' });
    const comma = folder({
      ...TWO_FOLDERS(GOOD),
      "2024/egov-score.yaml": 'criteria: ../criteria.yaml\nunits: units.csv\ndata: [data.csv]\nperiod: "2024"\ncolumns: { attributes: [pop] }\ninput: { decimal: "," }\n',
      "2024/units.csv": "code,name,level,pop\nA,Xã A,u,900\nB,Xã B,u,2.700\nC,Xã C,u,1.800\nD,Xã D,u,450\nE,Xã E,u,630\n",
    });
    for (const dir of [dot, comma]) {
      const r = compareIn(dir, "-f", "json");
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const x = JSON.parse(r.stdout).levels[0].units.find((u: { code: string }) => u.code === "X");
      expect(x.before.percent).toBe(68);
      expect(x.crosswalk.from.map((f: { weight: number }) => f.weight)).toEqual([900, 2700, 1800]);
    }
    // a decimal comma under a decimal dot is no number there: the cell is named, not guessed at
    const wrong = folder({ ...TWO_FOLDERS(GOOD), "2024/units.csv": 'code,name,level,pop\nA,Xã A,u,100\nB,Xã B,u,"300,5"\nC,Xã C,u,200\nD,Xã D,u,50\nE,Xã E,u,70\n' });
    const r = compareIn(wrong);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error CROSSWALK_WEIGHT: B has no number in pop ("300,5") to weigh it by');
  });

  it("csv: presence merged and a crosswalk column naming the predecessors and their shares", () => {
    const r = compareIn(weighted, "-f", "csv");
    expect(r.code).toBe(0);
    const byCode = Object.fromEntries(rows(r.stdout).map((x) => [x.code, x]));
    expect(byCode.X).toMatchObject({ presence: "merged", percent_before: "68", percent_after: "70", percent_change: "2", rank_before: "", crosswalk: "weighted(pop):A B C*0.5" });
    expect(byCode.Y?.crosswalk).toBe("weighted(pop):C*0.5");
    expect(byCode.D?.crosswalk).toBe("");
  });

  it("table, md and html say which units were combined, and how", () => {
    const table = compareIn(weighted);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Crosswalk: .*crosswalk\.csv \(2025-07-01\): 2 units of 2025 compared with the combination of 3 units of 2024/);
    expect(table.stdout).toMatch(/│\s+—\s+│\s+\d\s+│\s+merged\s+│ X /);
    expect(table.stdout).toContain("X Xã X ← mean weighted by pop of 3: A Xã A [100] (60.00%), B Xã B [300] (80.00%), C Xã C × 0.5 [200] (40.00%)");
    const md = compareIn(weighted, "-f", "md");
    expect(md.stdout).toContain("Units formed from earlier units (compared with their combination)");
    expect(md.stdout).toContain("X Xã X ← mean weighted by pop of 3");
    const html = compareIn(weighted, "-f", "html");
    expect(html.stdout).toContain("X Xã X ← mean weighted by pop of 3");
    expect(html.stdout).toMatch(/Crosswalk: [^<]*crosswalk\.csv/);
    const vi = run(["compare", path.join(weighted, "2024"), path.join(weighted, "2025")]);
    expect(vi.stdout).toContain("Bảng chuyển đổi đơn vị");
    expect(vi.stdout).toContain("X Xã X ← trung bình có trọng số theo pop của 3");
  });
});

describe("a crosswalk with mistakes stops the run, naming file, line and column", () => {
  const fails = (crosswalk: string, manifest?: string): Run => {
    const dir = folder(TWO_FOLDERS(crosswalk, manifest));
    return compareIn(dir);
  };

  it("an old code that matches no unit of the first side", () => {
    const r = fails("old,new\nA,X\nZZ,X\n");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/2025\/crosswalk\.csv:3:1: error CROSSWALK_UNKNOWN_CODE: crosswalk code ZZ matches no unit of 2024/);
  });

  it("a new code that matches no unit of its own assessment: validate says so too", () => {
    const r = fails("old,new\nA,Q\n");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/crosswalk\.csv:2:2: error CROSSWALK_UNKNOWN_CODE: crosswalk code Q matches no unit of 2025/);
    const dir = folder(TWO_FOLDERS("old,new\nA,Q\n"));
    const v = run(["validate", path.join(dir, "2025"), "--lang", "en"]);
    expect(v.code).toBe(2);
    expect(v.stderr + v.stdout).toMatch(/crosswalk\.csv:2:2: error CROSSWALK_UNKNOWN_CODE/);
    // streamed data reads the crosswalk as data read whole does
    const large = run(["validate", path.join(dir, "2025"), "--lang", "en"], { env: { EGOV_SCORE_LARGE: "always" } });
    expect(large.code).toBe(2);
    expect(large.stderr + large.stdout).toBe(v.stderr + v.stdout);
  });

  it("duplicate rows", () => {
    const r = fails("old,new\nA,X\nB,X\nA,X\n");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/crosswalk\.csv:4:1: error CROSSWALK_DUPLICATE: A → X is listed twice \(first at line 2\)/);
  });

  it("bad weights: a share above 1, shares of one unit above the whole, a unit without its weight", () => {
    expect(fails("old,new,share\nA,X,1.5\n").stderr).toMatch(/crosswalk\.csv:2:3: error CROSSWALK_SHARE: share "1.5"/);
    expect(fails("old,new,share\nA,X,0\n").stderr).toMatch(/crosswalk\.csv:2:3: error CROSSWALK_SHARE/);
    expect(fails("old,new,share\nC,X,0.7\nC,Y,0.6\n").stderr).toMatch(/crosswalk\.csv:3:3: error CROSSWALK_SHARES: the shares of C add up to 1.3/);
    const files = TWO_FOLDERS("old,new\nA,X\n");
    files["2024/units.csv"] = "code,name,level,pop\nA,Xã A,u,\nB,Xã B,u,300\nC,Xã C,u,200\nD,Xã D,u,50\nE,Xã E,u,70\n";
    const r = compareIn(folder(files));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/crosswalk\.csv:2:1: error CROSSWALK_WEIGHT: A has no number in pop/);
  });

  it("weighted by an attribute the registry does not declare", () => {
    const r = fails(GOOD, "crosswalk: { file: crosswalk.csv, combine: weighted, weight: dan-so }\n");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/2025\/egov-score\.yaml:6:\d+: error CROSSWALK_WEIGHT_ATTRIBUTE: combine: weighted needs an attribute: dan-so is not under columns.attributes/);
  });

  it("a file without the new column, and a date that is not YYYY-MM-DD", () => {
    expect(fails("old,moi\nA,X\n").stderr).toMatch(/crosswalk\.csv:1: error CROSSWALK_COLUMNS: the crosswalk has no column new \(headers: old, moi\)/);
    expect(fails("old,new,date\nA,X,1/7/2025\n").stderr).toMatch(/crosswalk\.csv:2:3: error CROSSWALK_DATE/);
  });

  it("an unknown key in the manifest's crosswalk entry is named", () => {
    const r = fails(GOOD, "crosswalk: { file: crosswalk.csv, combin: sum }\n");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("combin");
  });
});

describe("the 2025 reform: Cà Mau 2024 (province, districts, communes) against the new Cà Mau 2025", () => {
  it("every format runs; each 2025 commune formed from 2024 communes is compared with their population-weighted mean", () => {
    const csv = cached(["compare", "samples/ca-mau-2024", "samples/ca-mau-2025", "-f", "csv"]);
    expect(csv.code).toBe(0);
    expect(csv.stderr).toContain("COMPARE_DIFFERENT_BASIS");
    const all = rows(csv.stdout);
    const xa = all.filter((r) => r.level === "xa");
    expect(xa.filter((r) => r.presence === "merged")).toHaveLength(39);
    expect(xa.filter((r) => r.presence === "new")).toHaveLength(25); // from the former Bạc Liêu
    const anXuyen = xa.find((r) => r.name === "Phường An Xuyên");
    expect(anXuyen?.crosswalk).toBe("weighted(dan-so):964-01 964-02 964-03 964-08 964-10 964-11");
    // Tạ An Khương (970-06) was divided between two new communes: half of it in each
    expect(xa.find((r) => r.name === "Xã Đầm Dơi")?.crosswalk).toMatch(/970-06\*0.5/);
    // the districts were abolished: gone, not merged
    expect(all.filter((r) => r.level === "huyen").map((r) => r.presence)).toEqual(Array(9).fill("gone"));
    // departments: mean of their predecessors; Sở LĐTBXH divided 0.5 / 0.2 / 0.3
    expect(all.find((r) => r.code === "S25-02")?.crosswalk).toBe("mean:S02 S12*0.5");
    for (const f of ["table", "md", "html", "json"]) {
      const r = cached(["compare", "samples/ca-mau-2024", "samples/ca-mau-2025", "-f", f]);
      expect(r.code, f).toBe(0);
      expect(r.stdout, f).toMatch(/Bảng chuyển đổi đơn vị|"crosswalk"/);
    }
    const json = JSON.parse(cached(["compare", "samples/ca-mau-2024", "samples/ca-mau-2025", "-f", "json"]).stdout);
    expect(json.crosswalk).toMatchObject({ merged: 53, predecessors: 121, dates: ["2025-03-01", "2025-07-01"] });
  });

  it("as a series: compare --from 2024 --to 2025 gives the same comparison", () => {
    const series = cached(["compare", "samples/ca-mau-reform", "--from", "2024", "--to", "2025", "-f", "csv"]);
    const folders = cached(["compare", "samples/ca-mau-2024", "samples/ca-mau-2025", "-f", "csv"]);
    expect(series.code).toBe(0);
    expect(series.stdout).toBe(folders.stdout);
  });

  it("report on the series: the trend follows each merged unit back through its predecessors", () => {
    const r = run(["report", "samples/ca-mau-reform", "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("39 units formed from earlier units; in the periods before they existed");
    expect(r.stdout).toMatch(/- CM-01 Phường An Xuyên ← 964-01, 964-02, 964-03, 964-08, 964-10, 964-11: \d+\.\d\d → \d+\.\d\d → \d+\.\d\d/);
    const html = run(["report", "samples/ca-mau-reform", "-f", "html"]);
    expect(html.code).toBe(0);
    expect(html.stdout).toContain("CM-01 Phường An Xuyên ← 964-01, 964-02");
  });
});

describe("the published sets: 766 (five groups) and the provincial DTI", () => {
  it("the samples pass validate --strict with no warning", () => {
    for (const d of ["vn-766-dbscl", "vn-dti-dbscl", "ca-mau-2023", "ca-mau-2024", "ca-mau-2025"]) {
      const r = run(["validate", `samples/${d}`, "--strict", "--lang", "en"]);
      expect(r.code, d).toBe(0);
      expect(r.stdout + r.stderr, d).toMatch(/0 errors, 0 warnings/);
    }
  });

  it("rank on 766: five groups of 18, 20, 22, 18 and 22 points, read with decimal commas", () => {
    const r = run(["rank", "samples/vn-766-dbscl", "-f", "csv"]);
    expect(r.code).toBe(0);
    const all = rows(r.stdout);
    expect(all).toHaveLength(13);
    expect(Object.keys(all[0] as object)).toEqual(["level", "rank", "code", "name", "parent", "score", "max", "percent", "band", "band_label", "status", "cong-khai-minh-bach", "tien-do-giai-quyet", "dich-vu-cong-truc-tuyen", "muc-do-hai-long", "so-hoa-ho-so"]);
    for (const u of all) {
      expect(u.max).toBe("100");
      const sum = ["cong-khai-minh-bach", "tien-do-giai-quyet", "dich-vu-cong-truc-tuyen", "muc-do-hai-long", "so-hoa-ho-so"].reduce((s, k) => s + Number(u[k]), 0);
      expect(Number(u.score)).toBeCloseTo(sum, 9);
    }
    // the source, decision number and date, is in the file and shown with the criteria
    const crit = run(["criteria", "criteria/vn-766-tinh.yaml"]);
    expect(crit.stdout.split("\n")[0]).toContain("Quyết định số 766/QĐ-TTg ngày 23/6/2022");
    expect(crit.stdout).toMatch(/Điểm tối đa: 100\b/);
  });

  it("rank on DTI: 1,000 points; Cà Mau scores its published 468.9 (0.4689)", () => {
    const r = run(["rank", "samples/vn-dti-dbscl", "-f", "csv"]);
    expect(r.code).toBe(0);
    const cm = rows(r.stdout).find((u) => u.code === "96");
    expect(cm).toMatchObject({ score: "468.9", max: "1000", percent: "46.89", "nen-tang-chung": expect.any(String), "hoat-dong": expect.any(String) });
    const table = run(["rank", "samples/vn-dti-dbscl"]);
    expect(table.stdout).toContain("Tỉnh Cà Mau");
    const crit = run(["criteria", "criteria/vn-dti-tinh.yaml"]);
    expect(crit.stdout.split("\n")[0]).toContain("Quyết định số 922/QĐ-BTTTT ngày 20/5/2022");
  });
});
