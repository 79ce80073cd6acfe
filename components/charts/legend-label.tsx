// Legend text in the page's ink colour: recharts colours it like the series,
// which is unreadable for light colours (CH phase 1, yellow) on white.
export function legendLabel(value: string) {
  return <span className="legend-label">{value}</span>;
}
