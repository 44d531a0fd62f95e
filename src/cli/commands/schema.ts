import { criteriaJsonSchema } from "../../model/criteria-schema.ts";
import { writeOutput } from "../output.ts";

export async function run(_args: unknown[], o: { output?: string }): Promise<void> {
  writeOutput(o.output, `${JSON.stringify(criteriaJsonSchema(), null, 2)}\n`);
}
