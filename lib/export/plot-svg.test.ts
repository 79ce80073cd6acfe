import { describe, expect, it } from "vitest";
import { fundingChartSpec, lineChartSpec, type Formatters } from "../domain/svg-chart";
import { plotSvg } from "./plot-svg";

const f: Formatters = { tick: (v) => String(v), value: (v) => String(v), date: (d) => d };

describe("plotSvg", () => {
  it("draws the lines with their colours and dashes, and a legend in the series' colours under the plot", () => {
    const rows = [
      { date: "2023-03-31", current: 10, projected: null },
      { date: "2023-08-31", current: null, projected: 20 },
      { date: "2024-03-31", current: 15, projected: null },
    ];
    const spec = lineChartSpec(rows, [{ key: "current", label: "Current", colour: "#D55E00" }, { key: "projected", label: "R&D <projected>", colour: "#0072B2", dashed: true }], 200, f);
    const { svg, width, height } = plotSvg(spec);
    expect(width).toBe(spec.width);
    expect(height).toBeGreaterThan(spec.height);
    expect(svg).toMatch(new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"`));
    expect(svg).toContain('stroke="#D55E00" stroke-width="2" marker-start');
    expect(svg).toContain('stroke="#0072B2" stroke-width="2" stroke-dasharray="6 4"');
    // Legend: a swatch in each colour and the label, escaped.
    expect(svg).toMatch(/<line [^>]*stroke="#D55E00" stroke-width="2"\/><text [^>]*>Current<\/text>/);
    expect(svg).toContain("R&amp;D &lt;projected&gt;");
    // Every text sits inside the picture.
    for (const [, x, y] of svg.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)"/g)) {
      expect(Number(x)).toBeGreaterThanOrEqual(0);
      expect(Number(x)).toBeLessThanOrEqual(width);
      expect(Number(y)).toBeLessThanOrEqual(height);
    }
  });

  it("draws the funding bars in their colours", () => {
    const spec = fundingChartSpec([{ label: "2024", funded: 3, unmet: 7, coverage: 30 }], 200, { funded: "Funded", unmet: "Unmet", coverage: "Coverage" }, { funded: "#0072B2", unmet: "#E69F00", coverage: "#000000" }, { ...f, usd: String, percent: String });
    const { svg } = plotSvg(spec);
    expect(svg.match(/<rect [^>]*fill="#0072B2"\/>/g)).toHaveLength(2); // the bar and its legend swatch
    expect(svg.match(/<rect [^>]*fill="#E69F00"\/>/g)).toHaveLength(2);
  });
});
