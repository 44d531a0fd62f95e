// Hostile and broken input beyond single faults: warnings under --strict, files pasted together,
// unreadable files, interrupted runs, and output that is the same on every run and machine.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, folder, ROOT, run } from "../helpers/exec.ts";

const CRITERIA = "id: t\ntitle: T\nversion: 1\nlevels: [{ id: u }]\nindicators:\n  - { id: a, max: 10, rule: { type: points } }\n  - { id: b, max: 10, rule: { type: points } }\n";
const assessment = (data: string | Uint8Array, extra: Record<string, string | Uint8Array> = {}) =>
  folder({ "c.yaml": CRITERIA, "egov-score.yaml": "criteria: c.yaml\ndata: [d.csv]\n", "d.csv": data, ...extra });

describe("warnings and --strict", () => {
  it("a header-only file is a warning; --strict makes it an error", () => {
    const dir = assessment("code,a,b\n", { "e.csv": "code,a,b\nA,1,2\n", "egov-score.yaml": "criteria: c.yaml\ndata: [d.csv, e.csv]\n" });
    const r = run(["validate", dir, "-f", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).diagnostics.map((d: { code: string; severity: string }) => [d.code, d.severity])).toEqual([["CSV_NO_ROWS", "warning"]]);
    expect(run(["validate", dir, "--strict"]).code).toBe(2);
    expect(run(["rank", dir, "--strict"]).code).toBe(2);
    expect(run(["rank", dir]).code).toBe(0);
  });

  it("two exports pasted into one file: the repeated header (after a BOM) is skipped with a warning", () => {
    const dir = assessment("\ufeffcode,a,b\nA,1,2\n\ufeffcode,a,b\nB,3,4\n");
    const r = run(["rank", dir, "-f", "csv"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/d\.csv:3: (warning|cảnh báo) CSV_REPEATED_HEADER/);
    expect(r.stdout.split("\n").filter((l) => l.startsWith("u,"))).toHaveLength(2);
  });

  it("mixed line endings read like one", () => {
    const mixed = run(["rank", assessment("code,a,b\r\nA,1,2\nB,3,4\rC,5,6\r\n"), "-f", "csv"]);
    const plain = run(["rank", assessment("code,a,b\nA,1,2\nB,3,4\nC,5,6\n"), "-f", "csv"]);
    expect(mixed.code).toBe(0);
    expect(mixed.stdout).toBe(plain.stdout);
  });

  it("a long run of the same problem is counted, not listed", () => {
    const rows = Array.from({ length: 420 }, (_, i) => `U${i},x,1`).join("\n");
    const out = run(["validate", assessment(`code,a,b\n${rows}\n`), "--lang", "en"]).stdout;
    expect(out.match(/VALUE_NOT_A_NUMBER/g)).toHaveLength(6);
    expect(out).toMatch(/… and 415 more VALUE_NOT_A_NUMBER in \S*d\.csv/);
  });
});

describe("files that cannot be read", () => {
  it("a file without read permission is named, with exit 2", () => {
    const dir = assessment("code,a,b\nA,1,2\n");
    const file = path.join(dir, "d.csv");
    chmodSync(file, 0o000);
    // root reads everything: where we are root, run the tool without the capabilities that let it
    // (it stays root, so it can still read the repository wherever CI cloned it)
    const asRoot = process.getuid?.() === 0;
    const setpriv = spawnSync("sh", ["-c", "command -v setpriv"], { encoding: "utf8" }).stdout.trim();
    if (asRoot && !setpriv) return;
    const cmd = asRoot ? [setpriv, "--bounding-set=-dac_override,-dac_read_search", process.execPath, BIN] : [process.execPath, BIN];
    const r = spawnSync(cmd[0] as string, [...cmd.slice(1), "validate", dir, "-f", "json"], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, cwd: "/" });
    expect(r.status, r.stderr).toBe(2);
    const d = JSON.parse(r.stdout).diagnostics;
    expect(d.map((x: { code: string }) => x.code)).toEqual(["FILE_UNREADABLE"]);
    expect(d[0].message).toContain("EACCES");
  });
});

describe("nothing lost", () => {
  it("an interrupted run leaves the earlier output as it was and no temporary file", async () => {
    const rows = Array.from({ length: 60000 }, (_, i) => `U${i},${i % 10},${(i * 7) % 10}`).join("\n");
    const dir = assessment(`code,a,b\n${rows}\n`);
    const out = path.join(dir, "rank.csv");
    writeFileSync(out, "earlier output\n");
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      const child = spawn(process.execPath, [BIN, "rank", dir, "-o", out], { env: { ...process.env, NO_COLOR: "1" } });
      await new Promise((r) => setTimeout(r, 250));
      child.kill(signal);
      const [code, sig] = await new Promise<[number | null, string | null]>((r) => child.on("exit", (c, s) => r([c, s])));
      expect(code === 130 || code === 143 || sig === signal, `${code} ${sig}`).toBe(true);
      expect(readFileSync(out, "utf8")).toBe("earlier output\n");
      expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    }
  });
});

describe("determinism", () => {
  it("byte-identical output whatever the row order, column order, locale, time zone and working folder", () => {
    const sample = path.join(ROOT, "samples/ca-mau-2019");
    const copy = folder({});
    cpSync(sample, copy, { recursive: true });
    // the commune file with its rows reversed and its columns rotated
    const xa = readFileSync(path.join(copy, "data/xa.csv"), "utf8").trimEnd().split("\n").map((l) => l.split(","));
    const head = xa[0] as string[];
    const order = [0, ...head.map((_, i) => i).slice(1).reverse()];
    const body = xa.slice(1).reverse();
    writeFileSync(path.join(copy, "data/xa.csv"), [head, ...body].map((r) => order.map((i) => r[i]).join(",")).join("\n") + "\n");
    expect(existsSync(path.join(copy, "egov-score.yaml"))).toBe(true);
    writeFileSync(path.join(copy, "egov-score.yaml"), readFileSync(path.join(copy, "egov-score.yaml"), "utf8").replace("../../criteria/", `${path.join(ROOT, "criteria")}/`));
    for (const format of ["csv", "json", "table"]) {
      const a = run(["rank", "samples/ca-mau-2019", "-f", format], { cwd: ROOT }).stdout;
      const b = run(["rank", copy, "-f", format], { cwd: "/", env: { LANG: "vi_VN.UTF-8", LC_ALL: "tr_TR.UTF-8", TZ: "Pacific/Kiritimati" } }).stdout;
      expect(b, format).toBe(a);
    }
  });
});
