// The entry point: every command registered up front (so --help is complete) and imported
// only when it runs; one error boundary that maps errors to exit codes.
import { Argument, Command, CommanderError, Option } from "commander";
import { DEFAULT_FORMAT, FORMATS, type View } from "../render/formats.ts";
import { shippedCriteria } from "../load/shipped.ts";
import { assessmentArg, percentArg } from "./args.ts";
import { commanderMessage, formatHelp, fromHelp, HELP_VI } from "./help-vi.ts";
import { startLang } from "./lang.ts";

// Help in the run's language: --lang, else the locale (cli/lang.ts). The build captures both.
const VI = startLang() === "vi";
const tr = (s: string): string => (VI ? (HELP_VI[s] ?? s) : s);

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === "string" ? __VERSION__ : "0.0.0-dev";

type Action = (args: unknown[], opts: Record<string, unknown>, cmd: Command) => Promise<void>;
const lazy =
  (load: () => Promise<{ run: Action }>) =>
  async (...a: unknown[]): Promise<void> => {
    const cmd = a[a.length - 1] as Command;
    const m = await load();
    await m.run(a.slice(0, -2), cmd.optsWithGlobals(), cmd);
  };

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

/** The CI gate of the commands that rank: exit 1 when a ranked unit is below the percentage. */
function gateOptions(c: Command): Command {
  return c
    .option("--fail-under <percent>", tr("exit 1 when any ranked unit of the selected levels is below this percentage"), percentArg)
    .option("--badge <file>", tr("write a shields.io endpoint badge (JSON): the mean percentage of the ranked units and its band"));
}

const DIR = ["[dir]", tr("assessment folder holding egov-score.yaml (default: the nearest one, here or above)"), assessmentArg] as const;

function assessmentOptions(c: Command): Command {
  return c
    .option("--criteria <file>", tr("the criteria file (overrides the manifest)"))
    .option("--data <file-or-glob>", tr("a data file, folder or glob (repeatable; overrides the manifest)"), collect)
    .option("--units <file>", tr("the units registry (overrides the manifest)"))
    .option("--period <p>", tr("the assessment period to score"))
    .addOption(new Option("--input-encoding <enc>", tr("encoding of the CSV files")).choices(["auto", "utf-8", "utf-16le", "windows-1258"]))
    .addOption(new Option("--input-delimiter <d>", tr("CSV delimiter")).choices(["auto", ",", ";", "tab"]))
    .addOption(new Option("--input-decimal <sep>", tr("decimal separator of numbers in the data")).choices([".", ","]))
    .option("--strict", tr("treat warnings as errors"))
    .option("--max-file-size <bytes>", tr("refuse input files larger than this (default 1 GiB)"))
    .option("--max-depth <n>", tr("refuse YAML nested deeper than this (default 100)"));
}

function outputOptions(c: Command, view: View): Command {
  c.addOption(new Option("-f, --format <format>", formatHelp(DEFAULT_FORMAT[view] ?? "table", VI)).choices([...FORMATS[view]])).option(
    "-o, --output <file>",
    tr("write to this file (atomically); - is stdout"),
  );
  if ((FORMATS[view] as readonly string[]).includes("csv")) {
    c.option("--bom", tr("csv: start with a byte-order mark (for Excel)"))
      .addOption(new Option("--delimiter <d>", tr("csv: the delimiter")).choices([",", ";", "tab"]))
      .addOption(new Option("--decimal <sep>", tr("csv: the decimal separator of numbers")).choices([".", ","]))
      .option("--excel", tr("csv for Excel on a Vietnamese Windows: --bom --delimiter ';' --decimal ','"));
  }
  return c;
}

function commonOptions(c: Command): Command {
  return c
    .addOption(new Option("--lang <lang>", tr("language of labels and messages (default: the criteria's)")).choices(["vi", "en"]))
    .option("--no-color", tr("no colour, even on a terminal"))
    .option("-q, --quiet", tr("print errors only on stderr"))
    .option("--verbose", tr("more detail on stderr; the stack of internal errors"));
}

export function buildProgram(): Command {
  const program = new Command("egov-score")
    .description(tr("Score and rank the e-government maturity of public agencies from a YAML criteria set and CSV data."))
    .version(VERSION, "-V, --version", tr("output the version number"))
    .helpOption("-h, --help", tr("display help for command"))
    .helpCommand("help [command]", tr("display help for command"))
    .configureHelp({ styleTitle: (title) => tr(title) })
    .showHelpAfterError(tr("(add --help for more information)"))
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: (s, write) => write(commanderMessage(s, VI)) });

  const add = (name: string, description: string, view: View | undefined, load: () => Promise<{ run: Action }>, assessment = true) => {
    const c = program.command(name).description(description).exitOverride();
    if (assessment) assessmentOptions(c);
    if (view) outputOptions(c, view);
    commonOptions(c);
    c.action(lazy(load));
    return c;
  };

  gateOptions(
    add("rank", tr("score every unit and print the ranking, one table per level"), "rank", () => import("./commands/rank.ts"))
      .argument(...DIR)
      .option("--level <id>", tr("only this level"))
      .option("--top <n>", tr("only the first N ranks of each peer group"))
      .option("--wide", tr("the full table, however wide the terminal"))
      .option("--provisional", tr("rank despite data errors: each cell in error is treated as a missing value, and every output is marked TẠM TÍNH / PROVISIONAL")),
  );
  add("score", tr("per unit and indicator: raw value, rate, points, maximum"), "score", () => import("./commands/score.ts"))
    .argument(...DIR)
    .option("--level <id>", tr("only this level"))
    .option("--wide", tr("the full table, however wide the terminal"));
  add("explain", tr("how one unit's score was computed, indicator by indicator"), "explain", () => import("./commands/explain.ts"))
    .argument("<unit>", tr("the unit's code, or a part of its name (accents and case do not matter)"))
    .argument(...DIR);
  gateOptions(
    add("report", tr("the whole report: summary, rankings, bands, gap analysis, charts (md, html, xlsx)"), "report", () => import("./commands/report.ts"))
      .argument(...DIR)
      .option("--level <id>", tr("only this level"))
      .option("--sensitivity", tr("add how robust each rank is (the Monte Carlo of `egov-score sensitivity`)"))
      .option("--runs <n>", tr("with --sensitivity: Monte Carlo runs (default 1000, or the criteria's sensitivity: block)"))
      .option("--seed <n>", tr("with --sensitivity: the seed (default 1)"))
      .option("--audit", tr("add the statistical audit of the criteria on the data as an annex (`egov-score audit`)"))
      .option("--min-availability <percent>", tr("with --audit: the share of values an indicator or a unit needs (default 65)"), percentArg)
      .option("--provisional", tr("rank despite data errors: each cell in error is treated as a missing value, and every output is marked TẠM TÍNH / PROVISIONAL")),
  );
  add("validate", tr("check the criteria and the data; print every problem; exit 2 on any error"), "validate", () => import("./commands/validate.ts"))
    .argument(...DIR);
  add("compare", tr("what changed between two assessments: two periods, or a self-assessment and its verification"), "compare", () => import("./commands/compare.ts"))
    .argument("[before]", tr("the first assessment: a folder or a manifest (with --from and --to: the one dataset; default .)"), assessmentArg)
    .argument("[after]", tr("the second assessment: a folder or a manifest"), assessmentArg)
    .option("--from <period>", tr("the period of the first side"))
    .option("--to <period>", tr("the period of the second side"))
    .option("--labels <names>", tr('names of the two sides, comma-separated, e.g. "Tự đánh giá,Thẩm định"'))
    .option("--level <id>", tr("only this level"))
    .option("--top <n>", tr("how many units the summary names as most improved and largest falls (default 5)"))
    .option("--differences <n>", tr("per unit, how many indicators whose points differ most to list (default 3; 0: none)"))
    .option("--wide", tr("the full table, however wide the terminal"))
    .option("--verification", tr("the second side verifies the first (a self-assessment): the summary names over-claims and under-claims"))
    .option("--crosswalk <file>", tr("which units of the first side became which of the second (CSV: old,new,date,share); overrides the second side's manifest"))
    .option("--fail-on-drop <n>", tr("exit 1 when a unit falls more than N ranks, to a lower band, or out of the ranking"));
  add("sensitivity", tr("how robust each rank is to the method's choices (Monte Carlo)"), "sensitivity", () => import("./commands/sensitivity.ts"))
    .argument(...DIR)
    .option("--level <id>", tr("only this level"))
    .option("--top <n>", tr("only the units of nominal rank N or better"))
    .option("--runs <n>", tr("Monte Carlo runs (default 1000, or the criteria's sensitivity: block)"))
    .option("--seed <n>", tr("seed of the runs: the same seed gives the same output (default 1)"))
    .option("--perturbation <x>", tr("relative change of weights and maxima: 0.25 is ±25% (default)"))
    .option("--weights", tr("perturb weights and maxima (default)"))
    .option("--no-weights", tr("keep weights and maxima as written"))
    .option("--aggregation", tr("aggregate the total the alternative way in half of the runs (default)"))
    .option("--no-aggregation", tr("keep the total's aggregation"))
    .option("--missing", tr("draw the missing-data policy: zero, exclude or impute (default)"))
    .option("--no-missing", tr("keep the missing-data policies as written"))
    .option("--drop", tr("leave out one indicator at a time (default)"))
    .option("--no-drop", tr("keep every indicator"))
    .option("--wide <n>", tr("flag units whose 5–95% interval is wider than N ranks (default: a tenth of the peer group, at least 2)"))
    .option("--workers <n>", tr("worker threads (default: one per core when the work is large; 0: none)"));
  add("audit", tr("the statistical audit of the criteria on the data: availability, outliers, correlations, consistency, importance against weights"), "audit", () => import("./commands/audit.ts"))
    .argument(...DIR)
    .option("--level <id>", tr("only this level"))
    .option("--min-availability <percent>", tr("flag indicators and units with values for fewer than this share of units (default 65)"), percentArg);
  add("criteria", tr("print the criteria tree with maxima, rules and applicable levels"), "criteria", () => import("./commands/criteria.ts"))
    .argument("[dir]", tr("assessment folder, or a criteria .yaml file (default: the nearest assessment, here or above)"), assessmentArg);
  add("init", tr("create a new assessment folder: manifest, criteria, units and data templates"), undefined, () => import("./commands/init.ts"), false)
    .argument("[dir]", tr("the folder to create or fill (default: the current folder)"))
    .option("--from <set-or-file>", fromHelp(shippedCriteria().join(", "), VI))
    .option("--period <p>", tr("the assessment period written to the manifest, such as 2025"))
    .option("--excel", tr("templates for Excel on a Vietnamese Windows: BOM, ';', decimal comma (and the manifest reads them so)"))
    .option("--xlsx", tr("data templates as Excel workbooks (.xlsx) with instructions, lists and locked labels"))
    .option("--force", tr("overwrite files that already exist"))
    .option("-y, --yes", tr("accept the defaults without asking"));
  add("template", tr("the data form one unit (or a whole level) fills in, prefilled with its indicators: CSV, or a workbook (-o form.xlsx)"), "template", () => import("./commands/template.ts"))
    .argument(...DIR)
    .option("--unit <code>", tr("the code of the unit"))
    .option("--level <id>", tr("the form of a whole level instead: one row per unit, one column per indicator"));
  add("completion", tr("print a shell completion script: commands, flags, formats, levels and units"), undefined, () => import("./commands/completion.ts"), false)
    .addArgument(new Argument("[shell]", tr("the shell")).choices(["bash", "zsh", "fish"]))
    .addOption(new Option("--list <what>", tr("print the level ids or unit codes of the current assessment (used by the scripts)")).choices(["levels", "units"]).hideHelp())
    .addOption(new Option("--in <dir>", tr("the assessment folder for --list")).hideHelp());
  add("schema", tr("print the JSON Schema of the criteria format"), undefined, () => import("./commands/schema.ts"), false).option(
    "-o, --output <file>",
    tr("write to this file; - is stdout"),
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

void main(process.argv).then((code) => {
  process.exitCode = code;
});
