// The criteria sets shipped in the package, found from the code's own location.
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadCriteriaFile } from "../../src/load/assessment.ts";
import { DEFAULT_CRITERIA, packageRoot, shippedCriteria, shippedCriteriaFile } from "../../src/load/shipped.ts";
import { ROOT } from "../helpers/exec.ts";

describe("shipped criteria sets", () => {
  it("the package root is the folder of egov-score's package.json, whatever the working folder", () => {
    const cwd = process.cwd();
    try {
      process.chdir(path.join(ROOT, "test"));
      expect(packageRoot()).toBe(ROOT);
      expect(packageRoot()).toBe(ROOT); // the second call is answered from memory
    } finally {
      process.chdir(cwd);
    }
  });

  it("lists every .yaml of criteria/, the default first, then in alphabetical order", () => {
    const files = readdirSync(path.join(ROOT, "criteria")).filter((f) => f.endsWith(".yaml")).map((f) => f.replace(/\.yaml$/, ""));
    const listed = shippedCriteria();
    expect(listed[0]).toBe(DEFAULT_CRITERIA);
    expect([...listed].sort()).toEqual([...files].sort());
    expect(listed.slice(1)).toEqual(files.filter((f) => f !== DEFAULT_CRITERIA).sort());
    expect(listed).toEqual(["vn-cqdt-2019", "un-egdi", "vn-766-tinh", "vn-cds-2025", "vn-dti-tinh"]);
  });

  it("every shipped set is a file that loads without an error", () => {
    for (const id of shippedCriteria()) {
      const file = shippedCriteriaFile(id);
      expect(file).toBe(path.join(ROOT, "criteria", `${id}.yaml`));
      const r = loadCriteriaFile(file as string);
      expect(r.diagnostics.filter((d) => d.severity === "error"), id).toEqual([]);
      expect(r.criteria?.id).toBeTruthy();
    }
  });

  it.each(["vn-cqdt-2091", "criteria/vn-cqdt-2019", "vn-cqdt-2019.yaml", "../package", ""])("%j is not a shipped set", (id) => {
    expect(shippedCriteriaFile(id)).toBeUndefined();
  });
});

describe("shipped criteria sets in a broken installation", () => {
  afterEach(() => {
    vi.doUnmock("node:fs");
    vi.resetModules();
  });

  it("without a criteria/ folder the list is empty, and no id is shipped", async () => {
    vi.resetModules();
    vi.doMock("node:fs", async (orig) => {
      const fs = await orig<typeof import("node:fs")>();
      return {
        ...fs,
        readdirSync: () => {
          throw Object.assign(new Error("ENOENT: no such file or directory"), { code: "ENOENT" });
        },
      };
    });
    const m = await import("../../src/load/shipped.ts");
    expect(m.shippedCriteria()).toEqual([]);
    expect(m.shippedCriteriaFile(DEFAULT_CRITERIA)).toBeUndefined();
  });

  it("without egov-score's package.json above the code, packageRoot says so instead of looping", async () => {
    vi.resetModules();
    vi.doMock("node:fs", async (orig) => {
      const fs = await orig<typeof import("node:fs")>();
      // Every package.json found belongs to another package.
      return { ...fs, readFileSync: (f: string, enc?: BufferEncoding) => (String(f).endsWith("package.json") ? JSON.stringify({ name: "other" }) : fs.readFileSync(f, enc)) };
    });
    const m = await import("../../src/load/shipped.ts");
    expect(() => m.packageRoot()).toThrow("egov-score's package.json not found above its code");
  });
});
