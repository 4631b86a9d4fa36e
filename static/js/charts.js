// Draws each <canvas data-chart="ID"> from the JSON in <script id="ID">, with Chart.js
// (vendored). Chart.js is fetched, and each chart drawn, only when a chart comes near the
// screen: on a phone the charts are below the fold, so the page is usable before any of it
// loads. Every chart's numbers are also in the table beside it, so nothing is lost without
// JavaScript or in print.
(() => {
  const canvases = document.querySelectorAll("canvas[data-chart]");
  if (!canvases.length) return;
  const palette = ["#8b1a1a", "#1f6fb2", "#d98b00", "#2e8540", "#6f42c1", "#0f8a8a", "#b0417a", "#5c636a"];
  const language = document.documentElement.lang || "id";
  const numbers = new Intl.NumberFormat(language);
  let library = null;

  const loadChartJs = () => {
    library ||= new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = document.querySelector("[data-chartjs-src]").dataset.chartjsSrc;
      script.onload = resolve;
      script.onerror = reject;
      document.head.append(script);
    });
    return library;
  };

  const draw = (canvas) => {
    const spec = JSON.parse(document.getElementById(canvas.dataset.chart).textContent);
    const datasets = spec.datasets.map((set, i) => ({
      borderColor: palette[i % palette.length],
      backgroundColor: palette[i % palette.length],
      borderDash: set.dashed ? [6, 4] : [],
      // A shape per series as well as a colour, for readers who do not tell colours apart.
      pointStyle: ["circle", "rect", "triangle", "rectRot"][i % 4],
      ...set,
    }));
    new Chart(canvas, {
      type: spec.type || "bar",
      data: { labels: spec.labels, datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale: language,
        scales: {
          x: { stacked: Boolean(spec.stacked) },
          y: { stacked: Boolean(spec.stacked), beginAtZero: true, ticks: { precision: 0 } },
          // A second axis on the right for a series of another size (participants).
          ...(datasets.some((set) => set.yAxisID === "y1")
            ? { y1: { position: "right", beginAtZero: true, grid: { drawOnChartArea: false } } }
            : {}),
        },
        plugins: {
          legend: { position: "bottom", labels: { usePointStyle: true } },
          tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${numbers.format(c.parsed.y)}` } },
        },
      },
    });
  };

  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        loadChartJs().then(() => draw(entry.target));
      }
    },
    { rootMargin: "300px 0px" },
  );
  canvases.forEach((canvas) => observer.observe(canvas));
})();
