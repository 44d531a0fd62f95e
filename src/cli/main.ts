// The entry point: every command registered up front (so --help is complete) and imported
// only when it runs; one error boundary that maps errors to exit codes.
import { Command, CommanderError, Option } from "commander";
import { FORMATS, type View } from "../render/formats.ts";

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === "string" ? __VERSION__ : "0.0.0-dev";

type Action = (args: unknown[], opts: Record<string, unknown>) => Promise<void>;
const lazy =
  (load: () => Promise<{ run: Action }>) =>
  async (...a: unknown[]): Promise<void> => {
    const cmd = a[a.length - 1] as Command;
    const m = await load();
    await m.run(a.slice(0, -2), cmd.optsWithGlobals());
  };

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

function assessmentOptions(c: Command): Command {
  return c
    .option("--criteria <file>", "the criteria file (overrides the manifest)")
    .option("--data <file-or-glob>", "a data file, folder or glob (repeatable; overrides the manifest)", collect)
    .option("--units <file>", "the units registry (overrides the manifest)")
    .option("--period <p>", "the assessment period to score")
    .addOption(new Option("--input-encoding <enc>", "encoding of the CSV files").choices(["auto", "utf-8", "utf-16le", "windows-1258"]))
    .addOption(new Option("--input-delimiter <d>", "CSV delimiter").choices(["auto", ",", ";", "tab"]))
    .addOption(new Option("--input-decimal <sep>", "decimal separator of numbers in the data").choices([".", ","]));
}

function outputOptions(c: Command, view: View): Command {
  c.addOption(new Option("-f, --format <format>", "output format (default: from the -o extension, else table)").choices([...FORMATS[view]])).option(
    "-o, --output <file>",
    "write to this file (atomically); - is stdout",
  );
  if ((FORMATS[view] as readonly string[]).includes("csv")) {
    c.option("--bom", "csv: start with a byte-order mark (for Excel)")
      .addOption(new Option("--delimiter <d>", "csv: the delimiter").choices([",", ";", "tab"]))
      .addOption(new Option("--decimal <sep>", "csv: the decimal separator of numbers").choices([".", ","]))
      .option("--excel", "csv for Excel on a Vietnamese Windows: --bom --delimiter ';' --decimal ','");
  }
  return c;
}

function commonOptions(c: Command): Command {
  return c
    .addOption(new Option("--lang <lang>", "language of labels and messages (default: the criteria's)").choices(["vi", "en"]))
    .option("--no-color", "no colour, even on a terminal")
    .option("-q, --quiet", "print errors only on stderr")
    .option("--verbose", "more detail on stderr; the stack of internal errors");
}

export function buildProgram(): Command {
  const program = new Command("egov-score")
    .description("Score and rank the e-government maturity of public agencies from a YAML criteria set and CSV data.")
    .version(VERSION, "-V, --version")
    .showHelpAfterError("(add --help for more information)")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  const add = (name: string, description: string, view: View | undefined, load: () => Promise<{ run: Action }>, assessment = true) => {
    const c = program.command(name).description(description).exitOverride();
    if (assessment) assessmentOptions(c);
    if (view) outputOptions(c, view);
    commonOptions(c);
    c.action(lazy(load));
    return c;
  };

  add("rank", "score every unit and print the ranking, one table per level", "rank", () => import("./commands/rank.ts"))
    .argument("[dir]", "assessment folder holding egov-score.yaml", ".")
    .option("--level <id>", "only this level")
    .option("--top <n>", "only the first N ranks of each peer group");
  add("score", "per unit and indicator: raw value, rate, points, maximum", "score", () => import("./commands/score.ts"))
    .argument("[dir]", "assessment folder holding egov-score.yaml", ".")
    .option("--level <id>", "only this level");
  add("validate", "check the criteria and the data; print every problem; exit 2 on any error", "validate", () => import("./commands/validate.ts"))
    .argument("[dir]", "assessment folder holding egov-score.yaml", ".")
    .option("--strict", "treat warnings as errors");
  add("sensitivity", "how robust each rank is to the method's choices (Monte Carlo)", "sensitivity", () => import("./commands/sensitivity.ts"))
    .argument("[dir]", "assessment folder holding egov-score.yaml", ".")
    .option("--level <id>", "only this level")
    .option("--top <n>", "only the units of nominal rank N or better")
    .option("--runs <n>", "Monte Carlo runs (default 1000, or the criteria's sensitivity: block)")
    .option("--seed <n>", "seed of the runs: the same seed gives the same output (default 1)")
    .option("--perturbation <x>", "relative change of weights and maxima: 0.25 is ±25% (default)")
    .option("--weights", "perturb weights and maxima (default)")
    .option("--no-weights", "keep weights and maxima as written")
    .option("--aggregation", "aggregate the total the alternative way in half of the runs (default)")
    .option("--no-aggregation", "keep the total's aggregation")
    .option("--missing", "draw the missing-data policy: zero, exclude or impute (default)")
    .option("--no-missing", "keep the missing-data policies as written")
    .option("--drop", "leave out one indicator at a time (default)")
    .option("--no-drop", "keep every indicator")
    .option("--wide <n>", "flag units whose 5–95% interval is wider than N ranks (default: a tenth of the peer group, at least 2)")
    .option("--workers <n>", "worker threads (default: one per core when the work is large; 0: none)");
  add("criteria", "print the criteria tree with maxima, rules and applicable levels", "criteria", () => import("./commands/criteria.ts"))
    .argument("[dir]", "assessment folder, or a criteria .yaml file", ".");
  add("schema", "print the JSON Schema of the criteria format", undefined, () => import("./commands/schema.ts"), false).option(
    "-o, --output <file>",
    "write to this file; - is stdout",
  );
  return program;
}

/** The error boundary: typed errors to exit codes, never a stack trace for bad input. */
export async function main(argv: string[]): Promise<number> {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
  });
  const verbose = argv.includes("--verbose");
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help" ? 0 : 2;
    }
    const { handleError } = await import("./errors.ts");
    return handleError(e, verbose);
  }
}

const code = await main(process.argv);
process.exitCode = code;
