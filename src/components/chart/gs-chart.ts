import type { Chart } from "chart.js";
import type { ClientChartSpec } from "./spec.ts";

/**
 * `<gs-chart>`: draws the chart whose data sits in its `<script type="application/json">`
 * child, once the element scrolls near the viewport. Chart.js (and the drawing code) is
 * fetched with a dynamic `import()` at that moment, so pages without a chart, and readers
 * who never scroll to one, never download it. Without JS the element is just its table.
 */
class GsChart extends HTMLElement {
  private chart: Chart | undefined;
  private observer: IntersectionObserver | undefined;

  connectedCallback(): void {
    if (this.chart || this.observer) return;
    if (!("IntersectionObserver" in window)) {
      void this.draw();
      return;
    }
    this.observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.observer?.disconnect();
        this.observer = undefined;
        void this.draw();
      },
      // Start a little before it is visible, so the chart is there when the reader arrives.
      { rootMargin: "200px 0px" },
    );
    this.observer.observe(this);
  }

  disconnectedCallback(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.chart?.destroy();
    this.chart = undefined;
  }

  private async draw(): Promise<void> {
    const frame = this.querySelector<HTMLElement>("[data-chart-frame]");
    const data = this.querySelector<HTMLScriptElement>('script[type="application/json"]');
    if (!frame || !data?.textContent) return;
    const spec = JSON.parse(data.textContent) as ClientChartSpec;

    const canvas = document.createElement("canvas");
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", spec.label);
    // Fallback content, for browsers that cannot draw canvas.
    canvas.textContent = spec.label;
    frame.replaceChildren(canvas);
    try {
      const { renderChart } = await import("./render.ts");
      const style = getComputedStyle(this);
      const token = (name: string) => style.getPropertyValue(name).trim();
      this.chart = renderChart(canvas, spec, {
        series: [1, 2, 3, 4, 5, 6].map((n) => token(`--gs-chart-${n}`)),
        text: token("--gs-color-text"),
        grid: token("--gs-chart-grid"),
        background: token("--gs-color-bg"),
        font: style.fontFamily,
      });
      this.dataset["state"] = "drawn";
    } catch (error) {
      // The table below already holds every number; say why there is no drawing and let the
      // error reach the console and error reporting rather than vanish.
      const message = document.createElement("p");
      message.textContent = "图表未能加载，数据见下表。";
      frame.replaceChildren(message);
      this.dataset["state"] = "failed";
      reportError(error);
    }
  }
}

if (!customElements.get("gs-chart")) customElements.define("gs-chart", GsChart);
