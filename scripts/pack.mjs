// `npm run pack [-- DEST]`: the package as a tarball that installs anywhere, with no registry.
//
// The build bundles every dependency into dist/ (exceljs too, in a chunk of its own that only
// xlsx loads), so the installed package needs nothing from npm. The tarball's package.json keeps
// only what an installed package uses: no scripts (a `prepare` there would make npm warn that it
// did not run it), no devDependencies. A plain `npm pack` works as well; it keeps the full
// package.json.
//
//   node scripts/pack.mjs [DEST] [--no-build]     DEST: the folder for the .tgz (default: here)
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const dest = path.resolve(args.find((a) => !a.startsWith("--")) ?? ".");
if (!args.includes("--no-build")) execFileSync(process.execPath, [path.join(root, "scripts/build.mjs")], { stdio: "inherit" });

const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const keep = ["name", "version", "description", "type", "license", "bin", "files", "engines"];
const stage = mkdtempSync(path.join(tmpdir(), "egov-score-pack-"));
try {
  for (const entry of [...pkg.files, "README.md"]) cpSync(path.join(root, entry), path.join(stage, entry), { recursive: true });
  writeFileSync(path.join(stage, "package.json"), `${JSON.stringify(Object.fromEntries(keep.filter((k) => k in pkg).map((k) => [k, pkg[k]])), null, 2)}\n`);
  const out = execFileSync("npm", ["pack", "--pack-destination", dest, "--json"], { cwd: stage, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const [{ filename, size, entryCount }] = JSON.parse(out);
  process.stdout.write(`${path.join(dest, filename)}\n`);
  process.stderr.write(`${entryCount} files, ${(size / 1e6).toFixed(1)} MB\n`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
