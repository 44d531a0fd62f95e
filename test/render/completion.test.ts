// Completion scripts from a small, hand-made description of a program.
import { describe, expect, it } from "vitest";
import { bashScript, fishScript, zshScript, type ProgramSpec } from "../../src/render/completion.ts";

const SPEC: ProgramSpec = {
  name: "egov-score",
  options: [{ flags: ["-V", "--version"], description: "output the version number", takesValue: false }],
  commands: [
    {
      name: "rank",
      description: "score every unit: print the ranking",
      options: [
        { flags: ["-f", "--format"], description: "output format [table]", takesValue: true, values: ["table", "csv"] },
        { flags: ["--delimiter"], description: "csv: the delimiter", takesValue: true, values: [",", ";", "tab"] },
        { flags: ["--level"], description: "only this level", takesValue: true, complete: "levels" },
        { flags: ["--criteria"], description: "the criteria's file", takesValue: true, complete: "file" },
        { flags: ["--top"], description: "only the first N", takesValue: true },
        { flags: ["--bom"], description: "a byte-order mark", takesValue: false },
      ],
      args: [{ name: "dir", complete: "dir" }],
    },
    { name: "completion", description: "a script", options: [], args: [{ name: "shell", values: ["bash", "zsh", "fish"] }] },
  ],
};

describe("completion scripts", () => {
  it("bash: a case per command; choices, dynamic lists, files; flags; the positional", () => {
    const s = bashScript(SPEC);
    expect(s).toContain('COMPREPLY=($(compgen -W "rank completion -V --version" -- "$cur"))');
    expect(s).toContain(
      [
        "    rank)",
        "      case $prev in",
        '        -f|--format) COMPREPLY=($(compgen -W "table csv" -- "$cur")); return ;;',
        // ";" would end the command line: bash is not offered it
        '        --delimiter) COMPREPLY=($(compgen -W ", tab" -- "$cur")); return ;;',
        '        --level) COMPREPLY=($(compgen -W "$(_egov_score_list levels)" -- "$cur")); return ;;',
        '        --criteria) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;',
        "        --top) return ;;",
        "      esac",
        '      if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "-f --format --delimiter --level --criteria --top --bom" -- "$cur")); else compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")); fi',
        "      ;;",
        "    completion)",
        '      if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "" -- "$cur")); else COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")); fi',
        "      ;;",
      ].join("\n"),
    );
    expect(s).toContain("case ${COMP_WORDS[i-1]} in -f|--format|--delimiter|--level|--criteria|--top) continue ;; esac");
    expect(s).toContain('  egov-score completion --list "$1" ${dir:+--in "$dir"} 2>/dev/null');
    expect(s.trimEnd().endsWith("complete -F _egov_score egov-score")).toBe(true);
  });

  it("zsh: _arguments specs with brackets, colons and quotes escaped", () => {
    const s = zshScript(SPEC);
    expect(s.split("\n")[0]).toBe("#compdef egov-score");
    expect(s).toContain("    '(- *)'{-V,--version}'[output the version number]' \\");
    expect(s).toContain("        'rank:score every unit: print the ranking'");
    expect(s).toContain("            '(-f --format)'{-f,--format}'[output format \\[table\\]]:format:(table csv)' \\");
    expect(s).toContain("            '--delimiter[csv\\: the delimiter]:delimiter:(, ; tab)' \\");
    expect(s).toContain("            '--level[only this level]:level:{_egov_score_list levels}' \\");
    expect(s).toContain("            '--criteria[the criteria'\\''s file]:criteria:_files' \\");
    expect(s).toContain("            '--top[only the first N]:top: ' \\");
    expect(s).toContain("            '--bom[a byte-order mark]' \\");
    expect(s).toContain("            '1:dir:_files -/'");
    expect(s).toContain("            '1:shell:(bash zsh fish)'");
  });

  it("fish: one complete line per flag, conditions on the subcommand", () => {
    expect(fishScript(SPEC).split("\n").slice(16)).toEqual([
      "complete -c egov-score -f",
      "complete -c egov-score -n __fish_use_subcommand -s V -l version -d 'output the version number'",
      "complete -c egov-score -n __fish_use_subcommand -a rank -d 'score every unit: print the ranking'",
      "complete -c egov-score -n __fish_use_subcommand -a completion -d 'a script'",
      "complete -c egov-score -n '__fish_seen_subcommand_from rank' -s f -l format -x -a 'table csv' -d 'output format [table]'",
      "complete -c egov-score -n '__fish_seen_subcommand_from rank' -l delimiter -x -a ', ; tab' -d 'csv: the delimiter'",
      "complete -c egov-score -n '__fish_seen_subcommand_from rank' -l level -x -a '(__egov_score_list levels)' -d 'only this level'",
      "complete -c egov-score -n '__fish_seen_subcommand_from rank' -l criteria -r -F -d 'the criteria\\'s file'",
      "complete -c egov-score -n '__fish_seen_subcommand_from rank' -l top -x -d 'only the first N'",
      "complete -c egov-score -n '__fish_seen_subcommand_from rank' -l bom -d 'a byte-order mark'",
      "complete -c egov-score -n '__fish_seen_subcommand_from rank' -x -a '(__fish_complete_directories)'",
      "complete -c egov-score -n '__fish_seen_subcommand_from completion' -x -a 'bash zsh fish'",
      "",
    ]);
  });
});
