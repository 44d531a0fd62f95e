// The criteria format: one zod schema, from which the TypeScript types, the validation and
// the JSON Schema (`egov-score schema`) are all derived. Every object is strict, so an unknown
// key is an error that names the key.
import * as z from "zod";

export const Id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "an id is letters, digits, '_', '-' or '.', starting with a letter or digit");

/** A text in Vietnamese and/or English, or one plain string used for both. */
export const Label = z.union([
  z.string(),
  z.strictObject({ vi: z.string().optional(), en: z.string().optional() }),
]);

export const Direction = z.enum(["higher", "lower"]).describe("whether a higher or a lower value is better");
export const MissingPolicy = z
  .enum(["zero", "exclude", "impute-mean", "impute-median", "error"])
  .describe("what a missing value scores: zero, excluded from the maximum, imputed from the cohort, or an error");
export const Aggregation = z.enum(["sum", "mean", "geometric"]);
export const Unit = z
  .enum(["percent", "fraction", "number", "boolean", "text"])
  .describe("how a cell is read: percent (0-100), fraction (0-1), number, boolean (yes/no), text (a category)");

const Points = {
  points: z.number().nonnegative().optional().describe("points awarded, in points"),
  share: z.number().min(0).max(1).optional().describe("points awarded, as a share of the indicator's maximum"),
};

const Step = z.strictObject({
  atLeast: z.number().optional().describe("the step applies when the value is at least this"),
  atMost: z.number().optional().describe("the step applies when the value is at most this"),
  ...Points,
});

const Category = z.strictObject({
  value: z.string(),
  aliases: z.array(z.string()).optional(),
  ...Points,
});

export const Rule = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("ratio"), direction: Direction.optional() }),
  z.strictObject({
    type: z.literal("target"),
    target: z.number().positive().describe("the value that earns full points, in the indicator's unit"),
    direction: Direction.optional(),
  }),
  z.strictObject({
    type: z.literal("steps"),
    steps: z.array(Step).min(1),
    otherwise: z.number().nonnegative().optional().describe("points when no step applies (default 0)"),
  }),
  z.strictObject({
    type: z.literal("categorical"),
    categories: z.array(Category).min(1),
    otherwise: z.number().nonnegative().optional(),
  }),
  z.strictObject({ type: z.literal("boolean"), direction: Direction.optional() }),
  z.strictObject({ type: z.literal("points") }),
  z.strictObject({
    type: z.literal("linear"),
    lower: z.number().describe("the worst goalpost: this value or worse scores 0"),
    upper: z.number().describe("the best goalpost: this value or better scores full points"),
    direction: Direction.optional(),
  }),
  z.strictObject({ type: z.literal("relative"), direction: Direction.optional() }),
  z.strictObject({ type: z.literal("minmax"), direction: Direction.optional() }),
  z.strictObject({ type: z.literal("zscore"), direction: Direction.optional() }),
  z.strictObject({
    type: z.literal("rollup"),
    level: Id.describe("the level of the children units whose results are aggregated"),
    of: Id.optional().describe("'total' (default) or the id of a group or indicator of the children"),
    stat: z.enum(["mean", "median", "min", "max"]).optional(),
  }),
]);

const Maximum = z.union([
  z.number().nonnegative(),
  z.record(Id, z.number().nonnegative()).describe("a maximum per level id; the node applies to these levels only"),
]);

const NodeCommon = {
  id: Id,
  label: Label.optional(),
  description: Label.optional(),
  levels: z.array(Id).min(1).optional().describe("the levels this node applies to (default: all)"),
  weight: z.number().optional().describe("the weight in a mean or geometric aggregation (default 1)"),
  missing: MissingPolicy.optional(),
};

export const Indicator = z.strictObject({
  ...NodeCommon,
  max: Maximum,
  rule: Rule,
  unit: Unit.optional(),
  column: z.string().optional().describe("the CSV header of this indicator's value (default: its id)"),
  agency: z.string().optional().describe("the agency responsible for this indicator"),
});

// The common fields are written out, not spread: TypeScript cannot infer a recursive
// schema whose shape comes from a spread.
export const Group = z.strictObject({
  id: NodeCommon.id,
  label: NodeCommon.label,
  description: NodeCommon.description,
  levels: NodeCommon.levels,
  weight: NodeCommon.weight,
  missing: NodeCommon.missing,
  max: Maximum.optional(),
  aggregation: Aggregation.optional(),
  get groups() {
    return z.array(Group).optional();
  },
  indicators: z.array(Indicator).optional(),
});

const Adjustment = z.strictObject({
  max: z.number().nonnegative().describe("the most points this adjustment can add or take off"),
  indicators: z.array(Indicator).min(1),
});

const Level = z.strictObject({
  id: Id,
  label: Label.optional(),
  parent: Id.optional().describe("the level of this level's parent units"),
  peers: z
    .strictObject({
      by: z.enum(["level", "parent", "attribute"]),
      attribute: z.string().optional().describe("with by: attribute, the units registry column that defines the peer group"),
    })
    .optional()
    .describe("peer groups for ranking: the whole level (default), each parent unit, or a unit attribute"),
});

const Band = z.strictObject({
  id: Id,
  label: Label.optional(),
  min: z.number().describe("the lowest percentage (or score) in this band"),
  color: z.string().optional(),
});

export const Sensitivity = z
  .strictObject({
    runs: z.number().int().min(1).max(1_000_000).optional().describe("Monte Carlo runs (default 1000)"),
    seed: z.number().int().min(0).max(4294967295).optional().describe("the seed of the runs; the same seed gives the same result (default 1)"),
    perturbation: z
      .number()
      .min(0)
      .lt(1)
      .optional()
      .describe("relative change of weights and maxima: each is multiplied by a factor drawn uniformly in [1 - p, 1 + p], then renormalised (default 0.25)"),
    weights: z.boolean().optional().describe("perturb the weights (mean, geometric) and maxima (sum) of every group's children (default true)"),
    aggregation: z.boolean().optional().describe("aggregate the total the alternative way in half of the runs: geometric instead of sum or mean, mean instead of geometric (default true)"),
    missing: z.boolean().optional().describe("draw the missing-data policy of every scored indicator: zero, exclude or impute (default true)"),
    drop: z.boolean().optional().describe("leave out one indicator at a time, or none (default true)"),
    wide: z.number().int().min(0).optional().describe("flag a unit whose 5-95% rank interval is wider than this many ranks (default: a tenth of its peer group, at least 2)"),
  })
  .describe("defaults of `egov-score sensitivity`: which method choices vary, and how much; flags override them");

const CrosswalkMethodFields = {
  combine: z
    .enum(["mean", "sum", "weighted"])
    .optional()
    .describe("how a merged unit's predecessors are combined: their mean (default), their sum (scores and maxima added), or a mean weighted by `weight`"),
  weight: z.string().optional().describe("with combine: weighted, the units registry attribute (listed under columns.attributes) that weighs each predecessor, such as population"),
};

export const CrosswalkMethod = z
  .strictObject({
    ...CrosswalkMethodFields,
    levels: z.record(Id, z.strictObject(CrosswalkMethodFields)).optional().describe("a method per level id, where it differs"),
  })
  .describe("how units that merged or divided between two periods are compared (see docs/compare.md, crosswalks)");

export const CriteriaSchema = z.strictObject({
  $schema: z.string().optional(),
  id: Id,
  title: Label,
  version: z.union([z.string(), z.number()]),
  decision: z.string().optional().describe("the decision the criteria come from"),
  issuer: z.string().optional(),
  note: Label.optional(),
  illustrative: z.boolean().optional().describe("true when the set is an example, not an official text"),
  language: z.enum(["vi", "en"]).optional(),
  max: z.number().positive().optional().describe("the total maximum; checked against the top-level nodes"),
  decimals: z.number().int().min(0).max(10).optional().describe("decimals shown in tables (default 2)"),
  levels: z.array(Level).min(1),
  aggregation: Aggregation.optional(),
  missing: MissingPolicy.optional(),
  groups: z.array(Group).optional(),
  indicators: z.array(Indicator).optional(),
  bonus: Adjustment.optional(),
  penalty: Adjustment.optional(),
  bands: z
    .strictObject({
      on: z.enum(["percent", "score"]).optional(),
      list: z.array(Band).min(1),
    })
    .optional(),
  ranking: z
    .strictObject({
      method: z.enum(["competition", "dense"]).optional(),
      on: z.enum(["percent", "score"]).optional(),
      decimals: z.number().int().min(0).max(10).optional().describe("two scores equal at this many decimals are tied"),
    })
    .optional(),
  sensitivity: Sensitivity.optional(),
  crosswalk: CrosswalkMethod.optional(),
});

export type CriteriaInput = z.infer<typeof CriteriaSchema>;
export type IndicatorInput = z.infer<typeof Indicator>;
export type GroupInput = z.infer<typeof Group>;
export type RuleInput = z.infer<typeof Rule>;
export type RuleType = RuleInput["type"];
export type LabelInput = z.infer<typeof Label>;
export type MissingPolicyName = z.infer<typeof MissingPolicy>;
export type AggregationName = z.infer<typeof Aggregation>;
export type DirectionName = z.infer<typeof Direction>;
export type UnitName = z.infer<typeof Unit>;
export type SensitivityInput = z.infer<typeof Sensitivity>;
export type CrosswalkMethodInput = z.infer<typeof CrosswalkMethod>;

export function criteriaJsonSchema(): unknown {
  return z.toJSONSchema(CriteriaSchema, { io: "input", target: "draft-2020-12" });
}
