// The stress case's reference: csv-parse alone, streaming the file and doing nothing with the
// records. egov-score's whole run (read, parse, score, rank, write) is measured against this.
import { createReadStream } from "node:fs";
import { parse } from "csv-parse";

let records = 0;
const parser = createReadStream(process.argv[2] ?? "").pipe(parse());
parser.on("readable", () => {
  while (parser.read() !== null) records++;
});
parser.on("end", () => {
  process.stdout.write(`${records} records\n`);
});
