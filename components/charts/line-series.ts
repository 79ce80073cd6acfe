/** One line of a time-series chart (either renderer). */
export interface LineSeries {
  key: string;
  label: string;
  colour: string;
  dashed?: boolean;
}
