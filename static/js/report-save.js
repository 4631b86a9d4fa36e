// Saving the report without losing it: the form is sent in the background with a progress
// bar; a dropped connection leaves everything on the page (and in the browser copy) with a
// "try again" button instead of the browser's error page. Without JavaScript, or where this
// cannot run, the form posts as usual.
(() => {
  const form = document.getElementById("form-laporan");
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  const progress = document.querySelector("[data-save-progress]");
  const bar = progress.querySelector('[role="progressbar"]');
  const fill = bar.querySelector(".progress-bar");
  const percent = progress.querySelector("[data-save-percent]");
  const offline = document.querySelector("[data-save-offline]");
  let pending = null;

  const show = (value) => {
    bar.setAttribute("aria-valuenow", String(value));
    fill.style.width = `${value}%`;
    percent.textContent = `${value}%`;
  };

  const send = (data) => {
    pending = data;
    offline.hidden = true;
    progress.hidden = false;
    show(0);
    const request = new XMLHttpRequest();
    request.open("POST", form.getAttribute("action") || window.location.href);
    request.setRequestHeader("X-Portal-Save", "1");
    request.timeout = 120000;
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) show(Math.round((event.loaded / event.total) * 100));
    });
    request.addEventListener("load", () => {
      const type = request.getResponseHeader("Content-Type") || "";
      if (type.startsWith("application/json")) {
        window.location.assign(JSON.parse(request.responseText).redirect);
        return;
      }
      // A page from the portal (fields to fix, a refusal): show it as a normal post would.
      document.open();
      document.write(request.responseText);
      document.close();
    });
    const lost = () => {
      progress.hidden = true;
      offline.hidden = false;
      offline.querySelector("[data-save-retry]").focus();
    };
    request.addEventListener("error", lost);
    request.addEventListener("timeout", lost);
    request.send(data);
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    send(new FormData(form, event.submitter));
  });
  offline.querySelector("[data-save-retry]").addEventListener("click", () => {
    if (pending) send(pending);
  });

  // After a save that needs fixing: go to the first field to fix.
  if (form.hasAttribute("data-failed-save")) {
    const first = form.querySelector('[aria-invalid="true"], .errorlist');
    if (first) {
      first.scrollIntoView({ block: "center" });
      const field = first.matches("input, select, textarea")
        ? first
        : first.closest("div, fieldset")?.querySelector("input, select, textarea");
      field?.focus({ preventScroll: true });
    }
  }
})();
