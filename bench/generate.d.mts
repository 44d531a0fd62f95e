// Types of bench/generate.mjs, for the tests that use the generator.
export const PROVINCES: number;
export const INDICATORS: number;
export function random(seed: number): () => number;
export type Shape = "mixed" | "submissions";
export function criteriaYaml(shape?: Shape): string;
export function layout(units: number): { so: number; huyen: number; xa: number };
/** Writes criteria.yaml, egov-score.yaml and data.csv into dir; returns the bytes of data.csv. */
export function generate(dir: string, units: number, seed?: number, shape?: Shape): number;
export function generateXlsx(dir: string, to: string): Promise<void>;
