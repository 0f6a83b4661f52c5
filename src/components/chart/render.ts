import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from "chart.js";
import type { ChartDataset, PointStyle } from "chart.js";
import type { ClientChartSpec } from "./spec.ts";

// Only the parts the two chart kinds use, so the bundle carries no other controllers,
// scales or plugins (Chart.js 4 is tree-shakeable when registered piecemeal).
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Legend,
  Tooltip,
);

/** Colours read from the design tokens on the element, so the canvas matches the page. */
export interface ChartColours {
  series: string[];
  text: string;
  grid: string;
  background: string;
  font: string;
}

// Series are told apart by shape and line pattern as well as colour (WCAG 1.4.1): a reader
// who cannot tell the colours apart, or prints in black and white, still can.
const POINT_STYLES: PointStyle[] = ["circle", "rect", "triangle", "rectRot", "crossRot", "star"];
const DASHES: number[][] = [[], [8, 4], [2, 3], [12, 4, 2, 4], [4, 4], [1, 2]];

/** Bar fills: solid for the first series, hatched for the others. */
function hatch(colour: string, background: string, index: number): CanvasPattern | string {
  if (index === 0) return colour;
  const tile = document.createElement("canvas");
  tile.width = 8;
  tile.height = 8;
  const ctx = tile.getContext("2d");
  if (!ctx) return colour;
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, 8, 8);
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = 2;
  const kind = index % 4;
  ctx.beginPath();
  if (kind === 1) {
    ctx.moveTo(0, 8);
    ctx.lineTo(8, 0);
  } else if (kind === 2) {
    ctx.arc(4, 4, 1.8, 0, Math.PI * 2);
    ctx.fill();
  } else if (kind === 3) {
    ctx.moveTo(0, 4);
    ctx.lineTo(8, 4);
    ctx.moveTo(4, 0);
    ctx.lineTo(4, 8);
  } else {
    ctx.moveTo(0, 0);
    ctx.lineTo(8, 8);
  }
  ctx.stroke();
  return ctx.createPattern(tile, "repeat") ?? colour;
}

const numberFormat = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 });

export function renderChart(
  canvas: HTMLCanvasElement,
  spec: ClientChartSpec,
  colours: ChartColours,
): Chart {
  const colourAt = (i: number) => colours.series[i % colours.series.length] ?? colours.text;
  const datasets = spec.series.map((series, i) => {
    const colour = colourAt(i);
    if (spec.kind === "line") {
      const line: ChartDataset<"line", (number | null)[]> = {
        label: series.label,
        data: series.values,
        borderColor: colour,
        backgroundColor: colour,
        borderWidth: 2,
        borderDash: DASHES[i % DASHES.length] ?? [],
        pointStyle: POINT_STYLES[i % POINT_STYLES.length] ?? "circle",
        pointRadius: 4,
        pointHoverRadius: 6,
        // A null is no data: the line breaks there instead of bridging the gap.
        spanGaps: false,
      };
      return line;
    }
    const bar: ChartDataset<"bar", (number | null)[]> = {
      label: series.label,
      data: series.values,
      borderColor: colour,
      backgroundColor: hatch(colour, colours.background, i),
      borderWidth: 2,
      maxBarThickness: 64,
    };
    return bar;
  });

  const font = { family: colours.font, size: 15 };
  return new Chart(canvas, {
    type: spec.kind,
    data: { labels: spec.categories, datasets } as Chart["data"],
    options: {
      // No motion: nothing to wait for, nothing for readers who asked for reduced motion.
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      locale: "zh-CN",
      color: colours.text,
      font,
      plugins: {
        legend: {
          display: spec.series.length > 1,
          labels: { usePointStyle: true, color: colours.text, font },
        },
        tooltip: {
          callbacks: {
            label: (item) =>
              `${item.dataset.label ?? ""}:${item.parsed.y === null ? "无数据" : numberFormat.format(item.parsed.y)} ${spec.unit}`,
          },
        },
      },
      scales: {
        x: {
          stacked: spec.stacked,
          ticks: { color: colours.text, font, maxRotation: 0, autoSkipPadding: 12 },
          grid: { display: false },
          border: { color: colours.text },
        },
        y: {
          stacked: spec.stacked,
          beginAtZero: true,
          // An all-zero series still gets an axis that shows 0 as a value, not a collapsed line.
          suggestedMax: spec.suggestedMax ?? 1,
          ticks: {
            color: colours.text,
            font,
            ...(spec.integer ? { precision: 0 } : {}),
            // The unit rides on each tick: a rotated axis title would turn CJK on its side.
            callback: (value) => `${numberFormat.format(Number(value))}${spec.unit}`,
          },
          grid: { color: colours.grid },
          border: { color: colours.text },
        },
      },
    },
  });
}
