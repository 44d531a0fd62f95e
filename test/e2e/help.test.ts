// One language per run for what is read first: --help in English or Vietnamese (a Vietnamese
// locale or --lang vi), from the fast path and from the CLI alike; criteria and explain in both
// languages. The full texts are in test/fixtures/expected/cli/.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, run } from "../helpers/exec.ts";
import { expectFile } from "../helpers/expected.ts";

const VI = { LANG: "vi_VN.UTF-8" };
const COMMANDS = ["rank", "score", "explain", "report", "validate", "compare", "sensitivity", "criteria", "init", "template", "completion", "schema"];
const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [path.join(ROOT, "dist/cli.js"), ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1", LANG: "C", LC_ALL: "", ...env }, encoding: "utf8" }).stdout;

// words of English sentences, which no Vietnamese help text should hold
const ENGLISH = /\b(the|of|and|when|with|only|file|folder|write|print|default)\b/;

describe("--help in the run's language", () => {
  it.each([["en", {}], ["vi", VI]] as const)("the top-level help and rank's (%s)", (lang, env) => {
    const top = run(["--help"], { env });
    const rank = run(["rank", "--help"], { env });
    expect(top.code).toBe(0);
    expectFile(`cli/help.${lang}.txt`, top.stdout);
    expectFile(`cli/help-rank.${lang}.txt`, rank.stdout);
  });

  it.each(COMMANDS)("%s --help under a Vietnamese locale: Vietnamese throughout, as the CLI itself prints it", (command) => {
    const r = run([command, "--help"], { env: VI });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Cách dùng: egov-score /);
    // every description: flags, choices and values aside
    const prose = r.stdout
      .split("\n")
      .map((l) => l.replace(/^ {2}\S.*? {2,}/, "").replace(/\(choices: [^)]*\)?/g, "").replace(/"[^"]*"/g, ""))
      .join(" ");
    expect(prose).not.toMatch(ENGLISH);
    expect(r.stdout).toBe(cli([command, "--help"], VI));
    // --lang vi asks for the same, whatever the locale
    expect(run([command, "--help", "--lang", "vi"]).stdout).toBe(r.stdout);
  });

  it("--lang en under a Vietnamese locale: English", () => {
    expect(run(["rank", "--help", "--lang", "en"], { env: VI }).stdout).toBe(run(["rank", "--help"]).stdout);
  });
});

describe("criteria and explain in both languages", () => {
  it.each([["vi"], ["en"]])("criteria (%s)", (lang) => {
    const r = run(["criteria", "criteria/vn-cqdt-2019.yaml", "--lang", lang]);
    expect(r.code).toBe(0);
    expectFile(`cli/criteria.${lang}.txt`, r.stdout);
    if (lang === "vi") {
      expect(r.stdout).toContain("cách tổng hợp: cộng điểm · dữ liệu thiếu: tính 0 điểm");
      expect(r.stdout).not.toMatch(/\blevels:|aggregation sum|missing zero|· ratio$/m);
    }
  });

  it.each([["vi"], ["en"]])("explain (%s)", (lang) => {
    const r = run(["explain", "Khanh Binh", "samples/ca-mau-2019", "--lang", lang]);
    expect(r.code).toBe(0);
    expectFile(`cli/explain-968-03.${lang}.txt`, r.stdout);
    if (lang === "vi") expect(r.stdout).not.toMatch(/quy tắc: (ratio|target)|min\(1, /);
  });
});

describe("before the criteria are loaded, the language is the assessment's", () => {
  it("commander's own errors in Vietnamese under a Vietnamese locale, exit 2", () => {
    const unknown = run(["rank", "--wid"], { env: VI });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("lỗi: không có tùy chọn '--wid'\n(Có phải ý bạn là --wide?)\n(thêm --help để xem hướng dẫn)\n");
    expect(run(["rank", "--top"], { env: VI }).stderr).toContain("lỗi: tùy chọn '--top <n>' thiếu giá trị");
    expect(run(["explain"], { env: VI }).stderr).toContain("lỗi: thiếu đối số bắt buộc 'unit'");
    expect(run(["rank", "--lang", "fr"], { env: VI }).stderr).toContain("lỗi: tùy chọn '--lang <lang>' không nhận giá trị 'fr'; các giá trị được nhận: vi, en.");
    expect(run(["bogus"], { env: VI }).stderr).toContain("lỗi: không có lệnh 'bogus'");
    // in English, commander's words as they are
    expect(run(["rank", "--wid"]).stderr).toContain("error: unknown option '--wid'\n(Did you mean --wide?)");
  });

  it("a usage error in a folder of Vietnamese criteria is Vietnamese, in one of English criteria English, whatever the locale", () => {
    const vi = run(["rank", "--top", "x"], { cwd: path.join(ROOT, "samples/ca-mau-2019") });
    expect(vi.code).toBe(2);
    expect(vi.stderr).toContain('lỗi USAGE_NUMBER: --top cần một số nguyên dương, không phải "x"');
    expect(run(["rank", "samples/ca-mau-2019", "--top", "x"]).stderr).toContain("lỗi USAGE_NUMBER");
    const en = run(["rank", "--top", "x"], { cwd: path.join(ROOT, "samples/un-egdi"), env: VI });
    expect(en.stderr).toContain('error USAGE_NUMBER: --top needs a positive whole number, not "x"');
    // --lang wins over the criteria
    expect(run(["rank", "samples/ca-mau-2019", "--top", "x", "--lang", "en"]).stderr).toContain("error USAGE_NUMBER");
  });

  it("--help into a pipe, in an assessment's folder, in its criteria's language", () => {
    const r = run(["--help"], { cwd: path.join(ROOT, "samples/ca-mau-2019") });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Cách dùng: egov-score");
    expect(run(["--help"], { cwd: path.join(ROOT, "samples/un-egdi") }).stdout).toContain("Usage: egov-score");
  });
});
