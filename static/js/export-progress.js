// Polls an export job's status every second and moves its progress bar; shows the download
// link when the file is ready. Without JavaScript, reloading the page shows the same.
(() => {
  const box = document.querySelector("[data-export-status]");
  if (!box) return;
  const bar = box.querySelector("[data-progress]");
  const fill = bar.firstElementChild;
  const text = box.querySelector("[data-status-text]");
  const download = box.querySelector("[data-download]");
  const poll = async () => {
    let job;
    try {
      const response = await fetch(box.dataset.exportStatus, { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(String(response.status));
      job = await response.json();
    } catch {
      setTimeout(poll, 3000); // a dropped connection: try again a little later
      return;
    }
    bar.setAttribute("aria-valuenow", String(job.progress));
    fill.style.width = `${job.progress}%`;
    fill.textContent = `${job.progress}%`;
    text.textContent = job.error ? `${job.status_label}: ${job.error}` : job.status_label;
    if (job.download_url) {
      const link = download.querySelector("a");
      link.href = job.download_url;
      link.textContent = job.download_label;
      download.hidden = false;
    }
    if (job.finished) {
      fill.classList.remove("progress-bar-striped");
      if (job.status === "failed") fill.classList.add("bg-danger");
      return;
    }
    setTimeout(poll, 1000);
  };
  setTimeout(poll, 1000);
})();
