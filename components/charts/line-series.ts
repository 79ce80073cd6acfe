/** One line of a time-series chart (either renderer). */
export interface LineSeries {
  key: string;
  label: string;
  colour: string;
  dashed?: boolean;
  /** A comparison line of another dataset: dotted, joining that dataset's own observations only. */
  dotted?: boolean;
  /** A report's figures: dots with no line (one figure is one dot). */
  dotsOnly?: boolean;
}
