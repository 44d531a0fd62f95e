// `egov-score completion bash|zsh|fish` prints a completion script made from the commander
// definitions (commands, flags, their choices: formats come from render/formats.ts through
// them). `completion --list levels|units [--in DIR]` is what the scripts call while completing:
// fast, silent, and never failing.
import type { Argument, Command, Option } from "commander";
import { UsageError } from "../../diag/diagnostic.ts";
import { loadAssessment, loadAssessmentCriteria } from "../../load/assessment.ts";
import { compareCodes } from "../../engine/rank.ts";
import { shippedCriteria } from "../../load/shipped.ts";
import { completionScript, SHELLS, type ArgumentSpec, type CommandSpec, type OptionSpec, type ProgramSpec, type Shell, type ValueKind } from "../../render/completion.ts";
import { writeOutput } from "../output.ts";

/** How an option's value is completed, from its name and the name of its value. */
function kindOf(long: string | undefined, valueName: string): ValueKind | undefined {
  if (long === "--level") return "levels";
  if (long === "--unit") return "units";
  if (/file|glob|path/.test(valueName)) return "file";
  if (/^dir/.test(valueName)) return "dir";
  return undefined;
}

function optionSpec(o: Option): OptionSpec {
  const valueName = /[<[]([^>\]]+)[>\]]/.exec(o.flags)?.[1] ?? "";
  const spec: OptionSpec = {
    flags: [o.short, o.long].filter((f): f is string => typeof f === "string"),
    description: o.description,
    takesValue: o.required || o.optional,
  };
  if (o.argChoices) spec.values = [...o.argChoices];
  // --from takes a shipped set or a file: offer the sets, files remain typeable
  else if (o.long === "--from") spec.values = shippedCriteria();
  const kind = kindOf(o.long, valueName);
  if (kind && spec.takesValue && !spec.values) spec.complete = kind;
  return spec;
}

function argumentSpec(a: Argument): ArgumentSpec {
  const spec: ArgumentSpec = { name: a.name() };
  if (a.argChoices) spec.values = [...a.argChoices];
  else spec.complete = "dir";
  return spec;
}

/** The program as the completion scripts need it: every visible command and flag. */
export function describeProgram(program: Command): ProgramSpec {
  const help = program.createHelp();
  const commands: CommandSpec[] = help
    .visibleCommands(program)
    .filter((c) => c.name() !== "help")
    .map((c) => ({ name: c.name(), description: c.description(), options: help.visibleOptions(c).map(optionSpec), args: c.registeredArguments.map(argumentSpec) }));
  return { name: program.name(), options: help.visibleOptions(program).map(optionSpec), commands };
}

/** The level ids or unit codes of the assessment, one per line; nothing at all on any problem. */
async function list(what: string, dir: string | undefined): Promise<void> {
  try {
    const codes =
      what === "levels"
        ? (loadAssessmentCriteria(dir, { data: ["-"] }).criteria?.levels.map((l) => l.id) ?? [])
        : [...((await loadAssessment(dir, {})).dataset?.code ?? [])].sort(compareCodes);
    if (codes.length) process.stdout.write(`${codes.join("\n")}\n`);
  } catch {
    // completion must never print an error into the user's command line
  }
}

export async function run([shell]: unknown[], o: { list?: string; in?: string }, cmd: Command): Promise<void> {
  if (o.list) return list(o.list, o.in);
  if (!SHELLS.includes(shell as Shell)) throw new UsageError("USAGE", { detail: `name a shell: ${SHELLS.join(", ")} (egov-score completion bash)` });
  const program = cmd.parent ?? cmd;
  writeOutput(undefined, completionScript(shell as Shell, describeProgram(program)));
}
