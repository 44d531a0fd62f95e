// Progress of a long run on stderr: a bar with units per second while the data is read, then the
// step under way. Drawn only once the run has taken a second, and only on a terminal (stderr.ts
// decides that, and keeps it off with --quiet).
import type { Lang } from "../model/criteria.ts";
import { clearProgress, progressLine } from "./stderr.ts";

export interface Progress {
  /** bytes and rows read since the last call */
  read(bytes: number, rows: number): void;
  /** the step now under way */
  step(label: string): void;
  done(): void;
}

const WIDTH = 24;

export function startProgress(totalBytes: number, lang: Lang, now: () => number = () => performance.now()): Progress {
  const t0 = now();
  let bytes = 0;
  let rows = 0;
  let label = lang === "vi" ? "đọc dữ liệu" : "reading";
  let drawn = 0;
  const units = lang === "vi" ? "đơn vị" : "units";
  const draw = (force: boolean): void => {
    const t = now();
    if (t - t0 < 1000 || (!force && t - drawn < 100)) return;
    drawn = t;
    const share = totalBytes > 0 ? Math.min(1, bytes / totalBytes) : 1;
    const filled = Math.round(share * WIDTH);
    const rate = Math.round(rows / ((t - t0) / 1000));
    progressLine(`egov-score ${"█".repeat(filled)}${"░".repeat(WIDTH - filled)} ${String(Math.round(share * 100)).padStart(3)}% · ${rows.toLocaleString("en")} ${units} · ${rate.toLocaleString("en")} ${units}/s · ${label}`);
  };
  const timer = setInterval(() => draw(true), 250);
  timer.unref();
  return {
    read(b, r) {
      bytes += b;
      rows += r;
      draw(false);
    },
    step(l) {
      label = l;
      draw(true);
    },
    done() {
      clearInterval(timer);
      clearProgress();
    },
  };
}
