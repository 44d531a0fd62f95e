// The SVG charts: coordinates worked out by hand, gaps in lines, and every text escaped.
import { describe, expect, it } from "vitest";
import { escapeXml, lineChart, slopeChart } from "../../src/render/svg.ts";

describe("escapeXml", () => {
  it("escapes the five XML characters", () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
  });
});

describe("lineChart", () => {
  // 300 × 200, margins 36 top, 24 right, 62 bottom (one legend row), 52 left: the plot is 224 × 102.
  // x: 52, 126.67, 201.33, 276; y: 0 -> 138, 50 -> 87, 100 -> 36.
  const svg = lineChart({ title: "Mean <%>", x: ["2019", "2020", "2021", "2022"], series: [{ name: "A<b>", values: [0, 100, null, 50] }], yMin: 0, yMax: 100, width: 300, height: 200 });

  it("draws a polyline through consecutive values; a null breaks it", () => {
    expect(svg.match(/<polyline[^>]*>/g)).toEqual(['<polyline fill="none" stroke="#0969da" stroke-width="2" points="52,138 126.67,36"/>']);
    expect(svg.match(/<circle cx="[^"]*" cy="[^"]*"/g)).toEqual(['<circle cx="52" cy="138"', '<circle cx="126.67" cy="36"', '<circle cx="276" cy="87"']);
  });

  it("labels the x axis and the y ticks", () => {
    for (const x of ["2019", "2020", "2021", "2022"]) expect(svg).toContain(`>${x}</text>`);
    for (const y of ["0", "20", "40", "60", "80", "100"]) expect(svg).toContain(`>${y}</text>`);
  });

  it("escapes the title, the series names and the tooltips", () => {
    expect(svg).toContain("<title>Mean &lt;%&gt;</title>");
    expect(svg).toContain(">A&lt;b&gt;</text>");
    expect(svg).toContain("<title>A&lt;b&gt; · 2020: 100</title>");
    expect(svg).not.toContain("<b>");
  });

  it("takes a colour from the data only when it is a hex colour", () => {
    const s = lineChart({ title: "t", x: ["1", "2"], series: [{ name: "a", values: [1, 2], color: "#123456" }, { name: "b", values: [1, 2], color: 'red" onload="x' }] });
    expect(s).toContain('stroke="#123456"');
    expect(s).not.toContain("onload");
  });

  it("is well formed with no series, one period, or only nulls", () => {
    for (const spec of [
      { title: "empty", x: [], series: [] },
      { title: "one", x: ["2020"], series: [{ name: "a", values: [42] }] },
      { title: "nulls", x: ["1", "2"], series: [{ name: "a", values: [null, null] }] },
    ]) {
      const s = lineChart(spec);
      expect(s.startsWith("<svg")).toBe(true);
      expect(s.endsWith("</svg>")).toBe(true);
      expect(s).not.toMatch(/NaN|Infinity/);
    }
  });
});

describe("slopeChart", () => {
  const svg = slopeChart({ title: "so", left: "2019", right: "2020 <new>", items: [{ label: "Sở <A>", before: 60, after: 80 }, { label: "B & co", before: 90, after: 70 }, { label: "C", before: 75, after: 75 }] });

  it("draws one line per item, green up, red down, grey when equal", () => {
    expect(svg.match(/stroke="#[0-9a-f]{6}" stroke-width="1.5"/g)).toEqual(['stroke="#1a7f37" stroke-width="1.5"', 'stroke="#cf222e" stroke-width="1.5"', 'stroke="#8c959f" stroke-width="1.5"']);
  });

  it("escapes the names and the side labels", () => {
    expect(svg).toContain(">Sở &lt;A&gt;</text>");
    expect(svg).toContain(">B &amp; co</text>");
    expect(svg).toContain(">2020 &lt;new&gt;</text>");
    expect(svg).toContain("<title>Sở &lt;A&gt;: 60 → 80 (+20)</title>");
  });

  it("leaves names out when there are many items", () => {
    const many = slopeChart({ title: "x", left: "a", right: "b", items: Array.from({ length: 40 }, (_, i) => ({ label: `U${i}`, before: i, after: 40 - i })) });
    expect(many).not.toContain(">U1</text>");
    expect(many).toContain("<title>U1: 1 → 39 (+38)</title>");
  });
});
